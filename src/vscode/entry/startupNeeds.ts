import { FocusStoreKey, guardRecordKey } from '../../core/focus/sharedStore';
import { StateKey } from '../ids';

/** Settings as `vscode.workspace.getConfiguration('leadDesk').get` reads them. */
export type ReadSetting = (key: string) => unknown;

/** The part of global storage (a `vscode.Memento`) this reads. */
export interface StoredState {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
}

/**
 * Why the features must load at start-up rather than on first use, or undefined when nothing the
 * lead sees or expects from start-up needs them: a scheduled block or pulse, a running block, break
 * or evening (the status bar counts down; a restore may be due), focus time already today (the
 * status-bar tooltip counts it), background queue refreshes, or a queue snapshot (its count shows
 * in the badge and the status bar). Reads settings and global storage only, both in memory.
 */
export function featuresNeededAtStartup(setting: ReadSetting, state: StoredState, now: number): string | undefined {
  const schedule = setting('focus.schedule');
  if (Array.isArray(schedule) && schedule.length > 0) return 'a focus schedule is set';
  if (setting('pulse.schedule')) return 'a team pulse is scheduled';
  if (setting('queue.refreshInBackground') === true) return 'the review queue refreshes in the background';
  const focus = state.get<Record<string, unknown>>(FocusStoreKey.state);
  if (focus && typeof focus === 'object') {
    if (focus.block || focus.break || focus.breakOffer || focus.off) return 'a focus block, break or evening is stored';
    const dayStart = new Date(now).setHours(0, 0, 0, 0);
    const history = Array.isArray(focus.history) ? (focus.history as Array<{ endedAt?: unknown }>) : [];
    if (history.some((b) => typeof b?.endedAt === 'number' && b.endedAt >= dayStart)) return 'there was focus time today';
  }
  const guardPrefix = guardRecordKey('');
  const unsettled = state.keys().some((key) => (key.startsWith(guardPrefix) && (state.get<{ phase?: unknown }>(key))?.phase !== 'released') || key === FocusStoreKey.legacyGuards);
  if (unsettled) return 'a focus guard has a restore to finish or report';
  if (state.get(StateKey.queueSnapshot) !== undefined) return 'the review queue has a snapshot to show';
  return undefined;
}
