// Settings that moved to their feature's namespace. Until a value has been moved (or if moving it
// failed, e.g. a read-only settings file), the old name is still honoured, so a rename never loses
// what the lead set.
import type { RawSettings } from './settingsSource';

export interface RenamedSetting {
  /** Without the `leadDesk.` prefix, as `RawSettings` reads them. */
  readonly from: string;
  readonly to: string;
}

export const renamedSettings: readonly RenamedSetting[] = [
  // Who the team is belongs to no one feature (delegation, the weekly update and the pulse use it):
  // both ways to name it sit at the top, beside `leadDesk.team`.
  { from: 'delegation.githubTeam', to: 'githubTeam' },
  // Review-request notifications are the queue's.
  { from: 'notifications.newReviewRequests', to: 'queue.notifyNewReviewRequests' },
];

/**
 * Reads each renamed setting from its new name when the lead set it there, otherwise from the old
 * name when that is set, otherwise the default. `isSet` says whether a key has a value of the lead's
 * own (user, workspace or folder), as opposed to the declared default.
 */
export function readWithRenames(read: RawSettings, isSet: (key: string) => boolean, renames: readonly RenamedSetting[] = renamedSettings): RawSettings {
  const oldName = new Map(renames.map((r) => [r.to, r.from]));
  return (key) => {
    const from = oldName.get(key);
    if (from === undefined || isSet(key) || !isSet(from)) return read(key);
    return read(from);
  };
}
