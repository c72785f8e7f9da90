// A file only one person has worked on is a risk the lead should hear about plainly, and ranking
// "whoever is active in the repository" for it would hide that. This finds the sole keeper of a
// file and the files around it, whose people are the best stand-ins.

import { translated } from '../inertText';
import { DAY_MS } from './decay';
import type { ExpertiseIndex } from './expertiseIndex';

export interface SoleKeeper {
  readonly personId: string;
  readonly name: string;
  /** The signed-in lead. */
  readonly isMe: boolean;
  /** Whether they changed it (rather than only reviewed changes to it). */
  readonly changed: boolean;
}

/** The one person with commits or reviews on `path`, or undefined when there are none or several. */
export function soleKeeper(index: ExpertiseIndex, path: string, isMe: (personId: string) => boolean): SoleKeeper | undefined {
  const entries = index.entriesAt(path);
  if (!entries) return undefined;
  const people = new Map<string, boolean>();
  for (const [key, entry] of entries) {
    if (!entry.author && !entry.review) continue;
    const id = index.identities.find(key);
    people.set(id, (people.get(id) ?? false) || entry.author !== undefined);
  }
  if (people.size !== 1) return undefined;
  const [[personId, changed]] = people;
  return { personId, name: index.identities.describe(personId).name, isMe: isMe(personId), changed };
}

/** "3 years", "11 months", "2 weeks", "5 days": how long a span of history is, rounded down. */
export function spanText(ms: number): string {
  const days = Math.max(1, Math.floor(ms / DAY_MS));
  if (days >= 365) return unit(Math.floor(days / 365), (n) => translated`${n} year`, (n) => translated`${n} years`);
  if (days >= 60) return unit(Math.floor(days / 30), (n) => translated`${n} month`, (n) => translated`${n} months`);
  if (days >= 14) return unit(Math.floor(days / 7), (n) => translated`${n} week`, (n) => translated`${n} weeks`);
  return unit(days, (n) => translated`${n} day`, (n) => translated`${n} days`);
}

function unit(n: number, one: (n: number) => string, many: (n: number) => string): string {
  return n === 1 ? one(n) : many(n);
}

/** What to tell the lead: "Only you have changed this file in 3 years." */
export function soleKeeperText(keeper: SoleKeeper, index: Pick<ExpertiseIndex, 'firstTime'>, now: number): string {
  const span = index.firstTime !== undefined ? translated`in ${spanText(now - index.firstTime)}` : translated`in the history read`;
  if (keeper.isMe) return keeper.changed ? translated`Only you have changed this file ${span}.` : translated`Only you have reviewed changes to this file ${span}.`;
  return keeper.changed ? translated`Only ${keeper.name} has changed this file ${span}.` : translated`Only ${keeper.name} has reviewed changes to this file ${span}.`;
}

/**
 * The nearest folder of `path` with other files people worked on, and those files (at most
 * `limit`, the most recently changed first): the area whose people know the file's surroundings.
 * Undefined when the file is alone in the repository.
 */
export function nearbyFiles(index: ExpertiseIndex, path: string, limit: number): { readonly folder: string; readonly files: readonly string[] } | undefined {
  const known = index.knownFiles();
  let folder = parentFolder(path);
  for (;;) {
    const prefix = folder;
    const files = known.filter((f) => f !== path && f.startsWith(prefix));
    if (files.length > 0) return { folder, files: files.slice(0, limit) };
    if (folder === '') return undefined;
    folder = parentFolder(folder.slice(0, -1));
  }
}

/** "src/billing/" for "src/billing/tax.ts", '' for a top-level file. */
function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}
