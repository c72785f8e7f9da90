import type { PulseRecord } from '../../core/pulse/pulseHistory';

/** Where the pulse history lives: the extension's local storage, validated on read. */
export interface PulseStore {
  read(): readonly PulseRecord[];
  write(records: readonly PulseRecord[]): Promise<void>;
}
