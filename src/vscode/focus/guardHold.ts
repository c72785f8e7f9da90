import type { GuardRecord } from '../../app/focus/guardRecords';

/** Guard phases in which what a guard set (Do Not Disturb, Busy, Slack snooze) may still be on. */
const holding = new Set(['engaging', 'engaged', 'releasing']);

/** A guard as seen from the window: whether it is on in settings, and what it did last. */
export interface HeldGuard {
  readonly id: string;
  readonly enabled: boolean;
  readonly record?: GuardRecord;
}

/** Whether this guard may still hold what it set; a release that failed counts as let go. */
export function guardHolds(g: HeldGuard): boolean {
  return g.enabled && !!g.record && holding.has(g.record.phase) && !(g.record.phase === 'releasing' && !!g.record.failure);
}

/** Whether Lead Desk's own Do Not Disturb is on now, so a notification would land unseen. */
export function leadDeskHoldsDoNotDisturb(guards: readonly HeldGuard[]): boolean {
  const dnd = guards.find((g) => g.id === 'notifications');
  return !!dnd && guardHolds(dnd);
}
