// Not translated: the warnings below are written to the log only.
import path from 'node:path';
import type * as vscode from 'vscode';
import { focusKeyPrefix, type SharedStore } from '../../core/focus/sharedStore';
import { SharedFileStore } from '../../storage/sharedFileStore';
import { StateKey } from '../ids';
import type { StoredState } from './startupNeeds';
import { errorText } from '../../core/errorText';

/**
 * What every window of this profile changes and must never see undone by another: the focus block,
 * its lease and the guards' records, pins and snoozes, the nudge record, End My Day's quiet time,
 * the pulse history, and Sign Out.
 */
export interface SharedState extends SharedStore, StoredState {
  /** Settles when every write asked for so far is on disk (or failed). */
  settled(): Promise<void>;
}

/** `context.globalState`, as far as this reads and empties it. */
export type OldState = Pick<vscode.Memento, 'keys' | 'get' | 'update'>;

// The caches (the queue's snapshot and start-up face, the last sign-in's outcome) stay in
// globalState: an old copy put back there costs a refresh, never a change the lead made.
const sharedKeys = new Set<string>([StateKey.queueLocal, StateKey.queueNudges, StateKey.dayEndedUntil, StateKey.pulseHistory, StateKey.signedOut]);

/** Whether a key belongs in the shared state rather than in globalState. */
export function isSharedKey(key: string): boolean {
  return key.startsWith(focusKeyPrefix) || sharedKeys.has(key);
}

/**
 * Opens the shared state in `<globalStorage>/shared` (see storage/sharedFileStore.ts for why not
 * `globalState`). Values an earlier version kept in `globalState` move there once. When the folder
 * cannot be made (a read-only profile), `globalState` serves, as before. It is deliberately not
 * synced: a block, its lease and its guard snapshots belong to this machine; syncing them would
 * make another computer restore a status it never set.
 */
export function openSharedState(globalStorage: string, globalState: OldState, warn: (message: string) => void): SharedState {
  let store: SharedFileStore;
  try {
    store = new SharedFileStore(path.join(globalStorage, 'shared'), warn);
  } catch (err) {
    warn(`Focus blocks, pins, snoozes and nudges are kept in VS Code's global state, because their folder could not be made: ${errorText(err)}`);
    return { keys: () => globalState.keys(), get: (key) => globalState.get(key), update: (key, value) => Promise.resolve(globalState.update(key, value)), settled: () => Promise.resolve() };
  }
  for (const key of globalState.keys()) {
    if (!isSharedKey(key)) continue;
    // A value already in the folder is newer than what an earlier version left behind.
    if (store.get(key) === undefined) void store.update(key, globalState.get(key)).catch((err: unknown) => warn(`Could not move the stored value "${key}": ${errorText(err)}`));
    void globalState.update(key, undefined);
  }
  store.removeLeftovers(Date.now());
  return store;
}
