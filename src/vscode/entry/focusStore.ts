// Not translated: the warnings below are written to the log only.
import path from 'node:path';
import type * as vscode from 'vscode';
import { focusKeyPrefix, type SharedStore } from '../../core/focus/sharedStore';
import { SharedFileStore } from '../../storage/sharedFileStore';
import type { StoredState } from './startupNeeds';

/** The focus block, its lease and the guards' records, as every window of this profile sees them. */
export interface FocusStore extends SharedStore, StoredState {
  /** Settles when every write asked for so far is on disk (or failed). */
  settled(): Promise<void>;
}

/** `context.globalState`, as far as this reads and empties it. */
export type OldFocusState = Pick<vscode.Memento, 'keys' | 'get' | 'update'>;

/**
 * Opens the focus store in `<globalStorage>/focus` (see storage/sharedFileStore.ts for why not
 * `globalState`). Values an earlier version kept in `globalState` move there once. When the folder
 * cannot be made (a read-only profile), `globalState` serves, as before. It is deliberately not
 * synced: a block, its lease and its guard snapshots belong to this machine; syncing them would
 * make another computer restore a status it never set.
 */
export function openFocusStore(globalStorage: string, globalState: OldFocusState, warn: (message: string) => void): FocusStore {
  let store: SharedFileStore;
  try {
    store = new SharedFileStore(path.join(globalStorage, 'focus'), warn);
  } catch (err) {
    warn(`Focus blocks are kept in VS Code's global state, because their folder could not be made: ${errorText(err)}`);
    return { keys: () => globalState.keys(), get: (key) => globalState.get(key), update: (key, value) => Promise.resolve(globalState.update(key, value)), settled: () => Promise.resolve() };
  }
  for (const key of globalState.keys()) {
    if (!key.startsWith(focusKeyPrefix)) continue;
    // A value already in the folder is newer than what an earlier version left behind.
    if (store.get(key) === undefined) void store.update(key, globalState.get(key)).catch((err: unknown) => warn(`Could not move the stored focus value "${key}": ${errorText(err)}`));
    void globalState.update(key, undefined);
  }
  store.removeLeftovers(Date.now());
  return store;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
