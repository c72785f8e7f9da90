// Settings that moved to their feature's namespace. Until a value has been moved (or if moving it
// failed, e.g. a read-only settings file), the old name is still honoured, so a rename never loses
// what the lead set.
import type { RawSettings } from './settingsSource';
import { migrateLegacyWorkingHours, WorkingHoursKey } from './workingHoursSettings';

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
 * A move of one or more old settings into a new one, in each place the lead set them: a rename
 * carries the value over, a merge (the queue's working days and hours into the extension-wide
 * working hours) builds the new value from the old ones.
 */
export interface SettingMove {
  readonly from: readonly string[];
  readonly to: string;
  /** The new value from the old ones as set in one scope (undefined where unset); undefined: nothing to move. */
  readonly value: (old: readonly unknown[]) => unknown;
}

export const settingMoves: readonly SettingMove[] = [
  ...renamedSettings.map((r): SettingMove => ({ from: [r.from], to: r.to, value: ([old]) => old })),
  {
    from: [WorkingHoursKey.legacyDays, WorkingHoursKey.legacyHours],
    to: WorkingHoursKey.current,
    value: ([days, hours]) => migrateLegacyWorkingHours(days, hours),
  },
];

/**
 * Reads each moved setting from its new name when the lead set it there; otherwise from its old
 * name (a rename), or as unset, so that the feature's parser applies its default or reads the old
 * names itself (a merge, such as the working hours). `isSet` says whether a key has a value of the
 * lead's own (user, workspace or folder), as opposed to the declared default, which VS Code returns
 * for every declared key.
 */
export function readWithMoves(read: RawSettings, isSet: (key: string) => boolean, moves: readonly SettingMove[] = settingMoves): RawSettings {
  const moveTo = new Map(moves.map((m) => [m.to, m]));
  return (key) => {
    const move = moveTo.get(key);
    if (!move || isSet(key)) return read(key);
    if (move.from.length === 1 && isSet(move.from[0])) return read(move.from[0]);
    return undefined;
  };
}
