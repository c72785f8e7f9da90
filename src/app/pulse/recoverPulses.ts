// The pulse history is kept in this profile's storage, so a new machine, a new profile or a lead
// who has just installed Lead Desk starts with none, although the pulses are still in the channel
// with their answers. When nothing is stored, the channel's last eight weeks are read once for the
// lead's own pulses (same user, same text, as Send Team Pulse recognises its post), and a record is
// added for each week; their counts are then read like any other pulse's. Who answered is not kept.
import { addWeeks } from 'date-fns';
import { withRecord, type PulseRecord } from '../../core/pulse/pulseHistory';
import { isPulseMessage, pulseText } from '../../core/pulse/pulseMessage';
import type { PulseSettings } from '../../core/pulse/pulseSettings';
import { weekKey, weekStart } from '../../core/pulse/pulseWeek';
import type { PulseSlack } from './pulseSlack';
import type { PulseStore } from './pulseStore';

/** As many weeks as the Team view's trend shows. */
export const RECOVERED_WEEKS = 8;

export interface RecoverPulsesDeps {
  readonly slack: PulseSlack;
  readonly store: PulseStore;
  readonly now: () => number;
}

/** Adds records for the lead's pulses found in the channel; returns how many weeks were added. */
export async function recoverPulseHistory(deps: RecoverPulsesDeps, settings: Pick<PulseSettings, 'slackChannel' | 'question' | 'options'>): Promise<number> {
  const channel = settings.slackChannel;
  if (!channel || deps.store.read().some((r) => r.ts)) return 0;
  const now = deps.now();
  const oldest = Math.floor(addWeeks(weekStart(now), -(RECOVERED_WEEKS - 1)).getTime() / 1000);
  const me = await deps.slack.userId();
  const text = pulseText(settings.question, settings.options);
  const byWeek = new Map<string, PulseRecord>();
  for (const message of await deps.slack.history(channel, oldest)) {
    if (!isPulseMessage(message, me, text)) continue;
    const postedAt = Math.round(Number(message.ts) * 1000);
    if (!Number.isFinite(postedAt) || postedAt > now) continue;
    const week = weekKey(postedAt);
    // The week's first pulse is the one its answers went to; a later one was a repeat.
    const known = byWeek.get(week);
    if (!known || postedAt < known.plannedAt) byWeek.set(week, { week, channel, plannedAt: postedAt, ts: message.ts });
  }
  let records = deps.store.read();
  for (const record of byWeek.values()) if (!records.some((r) => r.week === record.week)) records = withRecord(records, record);
  if (records !== deps.store.read()) await deps.store.write(records);
  return byWeek.size;
}
