import type { Logger } from '../../core/logger';
import type { SharedStore } from '../../core/focus/sharedStore';
import { parsePulseHistory, type PulseRecord } from '../../core/pulse/pulseHistory';
import type { PulseStore } from '../../app/pulse/pulseStore';
import { StateKey } from '../ids';

/**
 * The pulse history in the shared state (vscode/entry/sharedState.ts): local to this machine and profile, never synced and
 * never written anywhere else. It is validated on every read; records that cannot be read are dropped.
 */
export class PulseStateStore implements PulseStore {
  private warned = false;
  /**
   * The history as stored when this window last read or wrote it (undefined: never), to tell
   * another window's writes from its own.
   */
  private known: string | undefined;

  constructor(
    private readonly shared: SharedStore,
    private readonly log: Logger,
  ) {}

  /**
   * Calls `listener` when another window changed the history (at once where the shared state can
   * be watched). `looked` also asks for it, for when this window gains focus.
   */
  onDidChangeElsewhere(listener: () => void): { dispose(): void; looked(): void } {
    const looked = (): void => {
      const now = asText(this.shared.get(StateKey.pulseHistory));
      const shown = this.known;
      this.known = now;
      // Never read here, it shows nowhere yet: whoever reads it first reads it as it is now.
      if (shown !== undefined && now !== shown) listener();
    };
    const watching = this.shared.watch?.(StateKey.pulseHistory, looked);
    return { dispose: () => watching?.dispose(), looked };
  }

  read(): readonly PulseRecord[] {
    const stored = this.shared.get(StateKey.pulseHistory);
    this.known = asText(stored);
    const { records, dropped } = parsePulseHistory(stored);
    if (dropped > 0 && !this.warned) {
      this.warned = true;
      this.log.warn(`ignored ${dropped} stored pulse record(s) that could not be read`);
    }
    return records;
  }

  write(records: readonly PulseRecord[]): Promise<void> {
    // Before the write: this window may hear of its own write before the write has finished.
    this.known = asText(records);
    return this.shared.update(StateKey.pulseHistory, records);
  }
}

/** The history as text, to compare one version with another (the store keeps it as JSON). */
function asText(history: unknown): string {
  return JSON.stringify(history ?? null);
}
