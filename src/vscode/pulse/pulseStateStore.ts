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

  constructor(
    private readonly shared: SharedStore,
    private readonly log: Logger,
  ) {}

  read(): readonly PulseRecord[] {
    const { records, dropped } = parsePulseHistory(this.shared.get(StateKey.pulseHistory));
    if (dropped > 0 && !this.warned) {
      this.warned = true;
      this.log.warn(`ignored ${dropped} stored pulse record(s) that could not be read`);
    }
    return records;
  }

  write(records: readonly PulseRecord[]): Promise<void> {
    return this.shared.update(StateKey.pulseHistory, records);
  }
}
