// Small builders for commit records, so each test states only what it is about.

import { DAY_MS } from '../../../src/core/delegation/decay';
import type { CommitRecord, RawIdentity } from '../../../src/core/delegation/types';

export const NOW = Date.UTC(2024, 5, 1, 12, 0, 0);

export function daysAgo(days: number): number {
  return NOW - days * DAY_MS;
}

let counter = 0;

export function commit(init: {
  author: RawIdentity;
  files: readonly string[];
  reviewers?: readonly RawIdentity[];
  coAuthors?: readonly RawIdentity[];
  time?: number;
  sha?: string;
}): CommitRecord {
  counter++;
  return {
    sha: init.sha ?? counter.toString(16).padStart(40, '0'),
    time: init.time ?? daysAgo(10),
    author: init.author,
    coAuthors: init.coAuthors ?? [],
    reviewers: init.reviewers ?? [],
    files: init.files,
    merge: false,
  };
}

export const alice: RawIdentity = { name: 'Alice Liddell', email: 'alice@example.com' };
export const bob: RawIdentity = { name: 'Bob Builder', email: 'bob@example.com' };
export const carol: RawIdentity = { name: 'Carol Danvers', email: 'carol@example.com' };
export const dave: RawIdentity = { name: 'Dave Lister', email: 'dave@example.com' };
export const erin: RawIdentity = { name: 'Erin Brockovich', email: 'erin@example.com' };
