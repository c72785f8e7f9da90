// The queue's last good snapshot is kept in globalState so it shows at once after a restart.
// What comes back from storage was written by an older version, or damaged: it is checked here.
import type { QueueSnapshot } from './queueTypes';

export function asStoredSnapshot(value: unknown): QueueSnapshot | undefined {
  const v = value as Partial<QueueSnapshot> | undefined;
  if (!v || v.version !== 1 || typeof v.viewer !== 'string' || typeof v.apiUrl !== 'string' || typeof v.fetchedAt !== 'string') return undefined;
  if (!Array.isArray(v.searches) || v.results === null || typeof v.results !== 'object' || Number.isNaN(Date.parse(v.fetchedAt))) return undefined;
  return v as QueueSnapshot;
}
