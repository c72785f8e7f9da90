// The reader's first `git log` parser, kept as the reference the faster one must agree with: it
// split every record into fields and built every value anew, which is slow but plainly right.
import { parseTrailers } from '../../../src/core/delegation/trailers';
import type { CommitRecord } from '../../../src/core/delegation/types';

const RS = '\x1e';
const US = '\x1f';

export function referenceParseLog(text: string): CommitRecord[] {
  const commits: CommitRecord[] = [];
  for (const record of text.split(RS).slice(1)) {
    const fields = record.split(US);
    if (fields.length < 7) continue;
    const [sha, parents, name, email, time, trailerText] = fields;
    const { reviewers, coAuthors } = parseTrailers(trailerText);
    // -z ends the formatted part with a NUL, and a newline comes before the first name.
    const files = fields
      .slice(6)
      .join(US)
      .replace(/^\0?\n?/, '')
      .split('\0')
      .filter((f) => f !== '');
    commits.push({
      sha,
      time: Number(time) * 1000,
      author: { ...(name ? { name } : {}), ...(email ? { email } : {}) },
      coAuthors,
      reviewers,
      files,
      merge: /\S\s+\S/.test(parents),
    });
  }
  return commits;
}
