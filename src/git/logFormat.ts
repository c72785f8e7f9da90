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

/** Parses whole records of output. */
export function parseLogOutput(text: string): CommitRecord[] {
  const commits: CommitRecord[] = [];
  for (const chunk of text.split(RS)) {
    if (chunk === '') continue;
    const fields = chunk.split(US);
    if (fields.length < 7) continue;
    const [sha, parents, name, email, at, trailerText] = fields;
    const tail = fields.slice(6).join(US);
    const files = tail.split('\0').map((f) => f.replace(/^\n/, '')).filter((f) => f !== '');
    const { reviewers, coAuthors } = parseTrailers(trailerText);
    commits.push({
      sha,
      time: Number(at) * 1000,
      author: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
      coAuthors,
      reviewers,
      files,
      merge: parents.trim().split(' ').filter((p) => p !== '').length > 1,
    });
  }
  return commits;
}
