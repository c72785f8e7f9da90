import type * as vscode from 'vscode';
import type { SharedStore } from '../../core/focus/sharedStore';

/**
 * The focus state lives in `context.globalState`, which every window of this VS Code profile reads.
 * It is deliberately not in `setKeysForSync`: a block, its lease and its guard snapshots belong to
 * this machine; syncing them would make another computer restore a status it never set.
 */
export class GlobalStateStore implements SharedStore {
  constructor(private readonly memento: vscode.Memento) {}

  get<T>(key: string): T | undefined {
    return this.memento.get<T>(key);
  }

  update(key: string, value: unknown): Promise<void> {
    return Promise.resolve(this.memento.update(key, value));
  }
}
