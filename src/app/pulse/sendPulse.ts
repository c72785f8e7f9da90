// Send Team Pulse: one post per week. Before posting, the channel is read for this week's pulse
// by the same user with the same text (another window, profile or machine may have sent it, or an
// earlier post's answer may have been lost), and the plan is stored before the write, so no post is
// ever repeated without first reading whether it happened.
import { translated } from '../../core/inertText';
import { withRecord, type PulseRecord } from '../../core/pulse/pulseHistory';
import { isPulseMessage, pulseText } from '../../core/pulse/pulseMessage';
import type { PulseSettings } from '../../core/pulse/pulseSettings';
import { weekKey, weekStart } from '../../core/pulse/pulseWeek';
import { PulseError, type PulseSlack } from './pulseSlack';
import type { PulseStore } from './pulseStore';

export interface SendPulseDeps {
  readonly slack: PulseSlack;
  readonly store: PulseStore;
  readonly now: () => number;
}

export interface SendPulseOutcome {
  /** posted: a new message; found: this week's pulse was already in the channel; alreadySent: known here. */
  readonly kind: 'posted' | 'found' | 'alreadySent';
  readonly record: PulseRecord;
  /** The channel's name, for messages; the id when Slack was not asked. */
  readonly channelName: string;
}

export async function sendPulse(deps: SendPulseDeps, settings: PulseSettings): Promise<SendPulseOutcome> {
  const channel = settings.slackChannel;
  if (!channel) throw new PulseError('noChannel', translated`Set leadDesk.pulse.slackChannel to the ID of your team\u2019s Slack channel (at the bottom of the channel\u2019s details in Slack), then send the pulse again.`);
  const now = deps.now();
  const week = weekKey(now);
  const known = deps.store.read().find((r) => r.week === week);
  if (known?.ts) return { kind: 'alreadySent', record: known, channelName: known.channel };

  const info = await deps.slack.channel(channel);
  if (!info.isMember) throw new PulseError('notInChannel', translated`You are not a member of #${info.name}, so Lead Desk did not post the pulse there. Join the channel in Slack, then send the pulse again.`);
  const text = pulseText(settings.question, settings.options);
  const me = await deps.slack.userId();
  const since = Math.floor(weekStart(now).getTime() / 1000);
  const existing = (await deps.slack.history(channel, since)).find((m) => isPulseMessage(m, me, text));
  if (existing) {
    const record: PulseRecord = { week, channel, plannedAt: known?.plannedAt ?? now, ts: existing.ts };
    await save(deps.store, record);
    return { kind: 'found', record, channelName: info.name };
  }

  await save(deps.store, { week, channel, plannedAt: now });
  const ts = await deps.slack.post(channel, text);
  const record: PulseRecord = { week, channel, plannedAt: now, ts };
  await save(deps.store, record);
  return { kind: 'posted', record, channelName: info.name };
}

async function save(store: PulseStore, record: PulseRecord): Promise<void> {
  await store.write(withRecord(store.read(), record));
}
