// The `git log` format we read and its parser. Fields are split by ASCII unit/record separators
// (which do not occur in names, emails or trailers), and -z NUL-terminates file names, so paths
// with spaces, quotes or newlines come through unquoted and unambiguous.

import { TRAILER_KEYS, parseTrailers } from '../core/delegation/trailers';
import type { CommitRecord } from '../core/delegation/types';

const RS = '\x1e';
const US = '\x1f';

/** %aN/%aE apply .mailmap; %at is the author time; only the trailers we use are asked for. */
export const LOG_FORMAT = `${RS}%H${US}%P${US}%aN${US}%aE${US}%at${US}%(trailers:${TRAILER_KEYS.map((k) => `key=${k}`).join(',')},unfold)${US}`;

/** `git log` with our format. */
export function logArguments(): string[] {
  return ['-c', 'log.showSignature=false', 'log', '--no-color', '-z', '--name-only', '--no-renames', '--encoding=UTF-8', `--format=${LOG_FORMAT}`];
}

/**
 * Parses output as it streams in. A commit is complete only once the next one starts (its file
 * list runs up to there), so the last, possibly partial, record waits for more text or end().
 */
export class LogStreamParser {
  private pending = '';

  /** The commits completed by this text. */
  push(text: string): CommitRecord[] {
    this.pending += text;
    const cut = this.pending.lastIndexOf(RS);
    if (cut <= 0) return [];
    const complete = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return parseLogOutput(complete);
  }

  /** The last commit, once git has exited. */
  end(): CommitRecord[] {
    const rest = this.pending;
    this.pending = '';
    return parseLogOutput(rest);
  }
}

/**
 * Parses whole records of output. It walks the text with indexOf and cuts each field once, rather
 * than splitting it into arrays of arrays and joining and mapping them again: on 50,000 commits
 * that halved the reader's own time and most of its garbage.
 */
export function parseLogOutput(text: string): CommitRecord[] {
  const commits: CommitRecord[] = [];
  const fields: string[] = [];
  let next = text.indexOf(RS);
  while (next >= 0) {
    const start = next + 1;
    next = text.indexOf(RS, start);
    const end = next < 0 ? text.length : next;
    fields.length = 0;
    let at = start;
    while (fields.length < 6) {
      const cut = text.indexOf(US, at);
      if (cut < 0 || cut >= end) break;
      fields.push(text.slice(at, cut));
      at = cut + 1;
    }
    if (fields.length < 6) continue;
    const [sha, parents, name, email, time, trailerText] = fields;
    const { reviewers, coAuthors } = parseTrailers(trailerText);
    commits.push({
      sha,
      time: Number(time) * 1000,
      author: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
      coAuthors,
      reviewers,
      files: fileList(text, at, end),
      // More than one parent sha.
      merge: /\S\s+\S/.test(parents),
    });
  }
  return commits;
}

/** The NUL-terminated names in text[from, to), each without the newline git puts before the first. */
function fileList(text: string, from: number, to: number): string[] {
  const files: string[] = [];
  let at = from;
  while (at < to) {
    let cut = text.indexOf('\0', at);
    if (cut < 0 || cut > to) cut = to;
    const first = text.charCodeAt(at) === 10 ? at + 1 : at;
    if (cut > first) files.push(text.slice(first, cut));
    at = cut + 1;
  }
  return files;
}
