import { FocusStoreKey, guardRecordKey } from '../../core/focus/sharedStore';
import { StateKey } from '../ids';
import { focusedTodayMs } from './focusToday';
import { parseQueueFace, queueFaceOutOfDate } from './startupFace';

/** Settings as `vscode.workspace.getConfiguration('leadDesk').get` reads them. */
export type ReadSetting = (key: string) => unknown;

/** The part of a store (`globalState`, the shared state) this reads. */
export interface StoredState {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
}

export interface StartupStores {
  /** `context.globalState`: the queue's snapshot and start-up face. */
  readonly global: StoredState;
  /** The focus block and the guards' records (vscode/entry/sharedState.ts). */
  readonly shared: StoredState;
}

/**
 * Why the features must load at start-up rather than on first use, or undefined when nothing the
 * lead sees or expects from start-up needs them: a scheduled block or pulse, a running block, break
 * or evening (the status bar counts down; a restore may be due), a guard's restore to finish,
 * background queue refreshes, or stored state the entry cannot show by itself (a queue snapshot
 * without a current start-up face, a focus history it cannot count). Today's focus time and the
 * queue's badge and count the entry shows itself. Reads settings (in memory) and stored state (in
 * memory, or small local files).
 * Not translated: the reason is written to the log and to Inspect Start-up's report.
 */
export function featuresNeededAtStartup(setting: ReadSetting, { global: state, shared }: StartupStores, now: number): string | undefined {
  const schedule = setting('focus.schedule');
  if (Array.isArray(schedule) && schedule.length > 0) return 'a focus schedule is set';
  if (setting('pulse.schedule')) return 'a team pulse is scheduled';
  if (setting('queue.refreshInBackground') === true) return 'the review queue refreshes in the background';
  const focus = shared.get<Record<string, unknown>>(FocusStoreKey.state);
  if (focus && typeof focus === 'object') {
    if (focus.block || focus.break || focus.breakOffer || focus.off) return 'a focus block, break or evening is stored';
    if (focusedTodayMs(focus.history, now) === undefined) return 'today’s focus time needs counting';
  }
  const guardPrefix = guardRecordKey('');
  const unsettled = shared.keys().some((key) => (key.startsWith(guardPrefix) && shared.get<{ phase?: unknown }>(key)?.phase !== 'released') || key === FocusStoreKey.legacyGuards);
  if (unsettled) return 'a focus guard has a restore to finish or report';
  if (state.get(StateKey.queueSnapshot) !== undefined) {
    return queueFaceOutOfDate(parseQueueFace(state.get(StateKey.queueStartupFace)), now, setting('queue.statusBarCount') !== false);
  }
  return undefined;
}
