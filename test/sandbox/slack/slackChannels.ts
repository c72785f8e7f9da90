// Slack's channel methods (posting, reactions, channel info and history) over the sandbox's
// channels, with the errors Slack gives: channel_not_found for a channel the token cannot see,
// not_in_channel for one it can see but is not a member of. missing_scope, invalid_auth and
// ratelimited come from the endpoint and the fault injector, as for every method.
import type { SlackChannelRecord, SlackMessageRecord, SlackUserRecord } from '../state/records';
import type { SlackCall, SlackResult } from './slackMethods';

type Found = { channel: SlackChannelRecord } | { error: SlackResult };

/** By id, or by name (`#team` or `team`) as chat.postMessage accepts; a private channel is visible to its members only. */
function findChannel(call: SlackCall, mustBeMember: boolean): Found {
  const raw = typeof call.args.channel === 'string' ? call.args.channel.trim() : '';
  if (!raw) return { error: { ok: false, error: 'channel_not_found' } };
  const name = raw.replace(/^#/, '');
  const channel = call.slack.channels.find((c) => c.id === raw || c.name === name);
  const member = channel?.members.includes(call.user.id) ?? false;
  if (!channel || (channel.isPrivate && !member)) return { error: { ok: false, error: 'channel_not_found' } };
  if (mustBeMember && !member) return { error: { ok: false, error: 'not_in_channel' } };
  return { channel };
}

function findMessage(channel: SlackChannelRecord, ts: unknown): SlackMessageRecord | undefined {
  return typeof ts === 'string' ? channel.messages.find((m) => m.ts === ts) : undefined;
}

/** A message as Slack shows it; reactions carry counts and (as Slack does) who reacted. */
function messageShape(m: SlackMessageRecord) {
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    text: m.text,
    ...(m.reactions.length > 0 ? { reactions: m.reactions.map((r) => ({ name: r.name, count: r.users.length, users: [...r.users] })) } : {}),
  };
}

function channelShape(c: SlackChannelRecord, user: SlackUserRecord, nowSec: number) {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isPrivate,
    is_group: c.isPrivate,
    is_im: false,
    is_private: c.isPrivate,
    is_archived: false,
    is_member: c.members.includes(user.id),
    created: nowSec - 86_400 * 365,
    num_members: c.members.length,
  };
}

/** Slack's timestamps: epoch seconds and a per-channel sequence, unique within the channel and increasing. */
function nextTs(channel: SlackChannelRecord, nowSec: number): string {
  const last = channel.messages.at(-1)?.ts;
  const [lastSec, lastSeq] = last ? last.split('.').map(Number) : [0, 0];
  const seq = lastSec === nowSec ? lastSeq + 1 : 1;
  return `${Math.max(nowSec, lastSec)}.${String(seq).padStart(6, '0')}`;
}

const tsNumber = (v: unknown): number | undefined => (typeof v === 'string' || typeof v === 'number') && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;

export const CHANNEL_METHODS = {
  'chat.postMessage': {
    scope: 'chat:write',
    run: (call: SlackCall): SlackResult => {
      const found = findChannel(call, true);
      if ('error' in found) return found.error;
      const text = typeof call.args.text === 'string' ? call.args.text : '';
      if (text.trim() === '') return { ok: false, error: 'no_text' };
      if (text.length > 40_000) return { ok: false, error: 'msg_too_long' };
      const { token: _token, channel: _channel, text: _text, ...args } = call.args;
      const message: SlackMessageRecord = { ts: nextTs(found.channel, call.nowSec), user: call.user.id, text, reactions: [], args };
      found.channel.messages.push(message);
      return { ok: true, channel: found.channel.id, ts: message.ts, message: messageShape(message) };
    },
  },
  'reactions.add': {
    scope: 'reactions:write',
    run: (call: SlackCall): SlackResult => {
      const found = findChannel(call, false);
      if ('error' in found) return found.error;
      const message = findMessage(found.channel, call.args.timestamp);
      if (!message) return { ok: false, error: 'message_not_found' };
      const name = typeof call.args.name === 'string' ? call.args.name.replace(/^:|:$/g, '') : '';
      if (!name) return { ok: false, error: 'invalid_name' };
      let reaction = message.reactions.find((r) => r.name === name);
      if (reaction?.users.includes(call.user.id)) return { ok: false, error: 'already_reacted' };
      if (!reaction) message.reactions.push((reaction = { name, users: [] }));
      reaction.users.push(call.user.id);
      return { ok: true };
    },
  },
  'reactions.get': {
    scope: 'reactions:read',
    run: (call: SlackCall): SlackResult => {
      const found = findChannel(call, false);
      if ('error' in found) return found.error;
      const message = findMessage(found.channel, call.args.timestamp);
      if (!message) return { ok: false, error: 'message_not_found' };
      return { ok: true, type: 'message', channel: found.channel.id, message: messageShape(message) };
    },
  },
  'conversations.info': {
    scope: 'channels:read',
    run: (call: SlackCall): SlackResult => {
      const found = findChannel(call, false);
      if ('error' in found) return found.error;
      return { ok: true, channel: channelShape(found.channel, call.user, call.nowSec) };
    },
  },
  'conversations.history': {
    scope: 'channels:history',
    run: (call: SlackCall): SlackResult => {
      const found = findChannel(call, true);
      if ('error' in found) return found.error;
      const oldest = tsNumber(call.args.oldest) ?? 0;
      const latest = tsNumber(call.args.latest) ?? Number.POSITIVE_INFINITY;
      const inclusive = call.args.inclusive === true || call.args.inclusive === 'true' || call.args.inclusive === '1';
      const limit = Math.min(Math.max(tsNumber(call.args.limit) ?? 100, 1), 999);
      const inRange = found.channel.messages.filter((m) => {
        const t = Number(m.ts);
        return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
      });
      const newestFirst = [...inRange].reverse();
      return { ok: true, messages: newestFirst.slice(0, limit).map(messageShape), has_more: newestFirst.length > limit, pin_count: 0 };
    },
  },
} as const;
