// The storage every window shares. In the editor it is a folder of files (storage/sharedFileStore.ts);
// tests use the memory store below, shared by several coordinators to play several windows.

export interface SharedStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Promise<void>;
  /**
   * Calls `listener` when the key's value may have changed, another window's change included (a
   * call may also follow this window's own write, or a write that changed nothing): to show what
   * another window did without waiting for this one to look again. Not every store can tell.
   */
  watch?(key: string, listener: () => void): { dispose(): void };
}

/** Every key below starts with this. */
export const focusKeyPrefix = 'leadDesk.focus.';

export const FocusStoreKey = {
  state: 'leadDesk.focus.state',
  lease: 'leadDesk.focus.lease',
  /** Before each guard had a key of its own, all records lived in one map here; read to migrate. */
  legacyGuards: 'leadDesk.focus.guards',
  /** Grows when the user fixed a cause (signed in, connected Slack); any window may bump it. */
  guardRetry: 'leadDesk.focus.guardRetry',
} as const;

/**
 * Each guard's record has a key of its own: storage is last-writer-wins per key between windows,
 * so a write about one guard can never carry a stale copy of another guard's record.
 */
export function guardRecordKey(guardId: string): string {
  return `leadDesk.focus.guard.${guardId}`;
}

/** Values are copied through JSON, as VS Code's storage does, so nobody shares object references. */
export class MemorySharedStore implements SharedStore {
  private readonly values = new Map<string, string>();
  writes = 0;

  get<T>(key: string): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }
}
