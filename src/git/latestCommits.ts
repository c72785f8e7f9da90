// A recent commit per author email, for asking GitHub whose email it is: pages come newest first,
// so the first commit seen per email is its most recent one.
import { detachedString } from '../core/detachedString';
import type { CommitRecord } from '../core/delegation/types';

/** Notes the first commit per author email (lower case) not already in `target`. */
export function noteLatestCommits(target: Map<string, string>, commits: readonly CommitRecord[]): void {
  // The reader hands one author object for all of a person's commits: each is looked at once.
  const seen = new Set<CommitRecord['author']>();
  for (const c of commits) {
    if (seen.has(c.author)) continue;
    seen.add(c.author);
    const email = c.author.email?.trim().toLowerCase();
    if (email && !target.has(email)) target.set(detachedString(email), detachedString(c.sha));
  }
}
