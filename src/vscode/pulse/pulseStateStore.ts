import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { parsePulseHistory, type PulseRecord } from '../../core/pulse/pulseHistory';
import type { PulseStore } from '../../app/pulse/pulseStore';
import { StateKey } from '../ids';

/**
 * The pulse history in `context.globalState`: local to this machine and profile, never synced and
 * never written anywhere else. It is validated on every read; records that cannot be read are dropped.
 */
export class PulseStateStore implements PulseStore {
  private warned = false;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: Logger,
  ) {}

  read(): readonly PulseRecord[] {
    const { records, dropped } = parsePulseHistory(this.memento.get(StateKey.pulseHistory));
    if (dropped > 0 && !this.warned) {
      this.warned = true;
      this.log.warn(`ignored ${dropped} stored pulse record(s) that could not be read`);
    }
    return records;
  }

  write(records: readonly PulseRecord[]): Promise<void> {
    return Promise.resolve(this.memento.update(StateKey.pulseHistory, records));
  }
}
