// Reviews handed off in the week, from two partial sources: this machine's week records (every
// handoff made here, with or without a comment) and the handoff comments GitHub holds (made on any
// machine, but only when the lead chose to comment). The same handoff usually appears in both, so
// per pull request the larger of the two counts is taken rather than their sum.
import type { HandoffSeen } from './updateTypes';

export interface HandoffCount {
  readonly total: number;
  /** Handoffs only GitHub knew of: made on another machine or before this one kept records. */
  readonly onlyOnGitHub: number;
}

function perPullRequest(list: readonly HandoffSeen[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of list) counts.set(h.pullRequest.toLowerCase(), (counts.get(h.pullRequest.toLowerCase()) ?? 0) + 1);
  return counts;
}

export function countHandoffs(local: readonly HandoffSeen[], onGitHub: readonly HandoffSeen[]): HandoffCount {
  const mine = perPullRequest(local);
  const theirs = perPullRequest(onGitHub);
  let total = 0;
  let onlyOnGitHub = 0;
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const here = mine.get(key) ?? 0;
    const there = theirs.get(key) ?? 0;
    total += Math.max(here, there);
    onlyOnGitHub += Math.max(0, there - here);
  }
  return { total, onlyOnGitHub };
}
