// Review and co-authorship trailers. Keys are matched case-insensitively because real history
// has "Reviewed-By", "reviewed-by" and "Reviewed-by" side by side.

import { parsePersonText } from './personText';
import type { RawIdentity } from './types';

export type TrailerRole = 'review' | 'coAuthor';

const ROLE_BY_KEY: Record<string, TrailerRole> = {
  'reviewed-by': 'review',
  'acked-by': 'review',
  'co-authored-by': 'coAuthor',
};

/** The keys to ask git for, in its %(trailers:key=…) syntax. */
export const TRAILER_KEYS: readonly string[] = ['Reviewed-by', 'Acked-by', 'Co-authored-by'];

export interface ParsedTrailers {
  readonly reviewers: readonly RawIdentity[];
  readonly coAuthors: readonly RawIdentity[];
}

/**
 * Reads every "Key: value" line of a message or trailer block. Unknown keys are ignored, so the
 * whole commit body can be passed when git's own trailer parsing is not available.
 */
export function parseTrailers(text: string): ParsedTrailers {
  const reviewers: RawIdentity[] = [];
  const coAuthors: RawIdentity[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][A-Za-z-]*)\s*:\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const role = ROLE_BY_KEY[m[1].toLowerCase()];
    if (!role) continue;
    const person = parsePersonText(m[2]);
    if (!person) continue;
    (role === 'review' ? reviewers : coAuthors).push(person);
  }
  return { reviewers, coAuthors };
}
