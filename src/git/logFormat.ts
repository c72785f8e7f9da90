// The `git log` format we read and its parser. Fields are split by ASCII unit/record separators
// (which do not occur in names, emails or trailers), and -z NUL-terminates file names, so paths
// with spaces, quotes or newlines come through unquoted and unambiguous.

import { TRAILER_KEYS, parseTrailers } from '../core/delegation/trailers';
import type { CommitRecord } from '../core/delegation/types';

const RS = '\x1e';
const US = '\x1f';

/** %aN/%aE apply .mailmap; %at is the author time; only the trailers we use are asked for. */
export const LOG_FORMAT = `${RS}%H${US}%P${US}%aN${US}%aE${US}%at${US}%(trailers:${TRAILER_KEYS.map((k) => `key=${k}`).join(',')},unfold)${US}`;

/** `git log` with our format; `probe` asks only for shas, to test whether any commit is left. */
export function logArguments(probe = false): string[] {
  const common = ['-c', 'log.showSignature=false', 'log', '--no-color'];
  if (probe) return [...common, '--format=%H'];
  return [...common, '-z', '--name-only', '--no-renames', '--encoding=UTF-8', `--format=${LOG_FORMAT}`];
}

/** Parses one page of output; a page always holds whole commits because git exits after it. */
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
