// chat.postMessage over the sandbox's channels, with Slack's answers: channel_not_found for a
// channel the token's user cannot see, not_in_channel when they are not a member, no_text and
// msg_too_long. Rate limiting (429 ratelimited), invalid_auth and missing_scope come from the
// endpoint and the fault injector, as for every other method.
import type { SlackChannelRecord, SlackState } from '../state/records';
import type { SlackCall, SlackResult } from './slackMethods';

/** Slack truncates longer text; the sandbox refuses it so a test notices. */
const MAX_TEXT = 40_000;

function findChannel(slack: SlackState, raw: unknown): SlackChannelRecord | undefined {
  if (typeof raw !== 'string' || !raw) return undefined;
  const name = raw.replace(/^#/, '').toLowerCase();
  return slack.channels.find((c) => c.id === raw || c.name.toLowerCase() === name);
}

export const SLACK_CHAT_METHODS: Record<string, { scope: string | null; run: (c: SlackCall) => SlackResult }> = {
  'chat.postMessage': {
    scope: 'chat:write',
    run: ({ slack, user, args, nowSec }) => {
      const channel = findChannel(slack, args.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!channel.members.includes(user.id)) return { ok: false, error: 'not_in_channel' };
      const text = typeof args.text === 'string' ? args.text : '';
      if (!text.trim() && args.blocks === undefined) return { ok: false, error: 'no_text' };
      if (text.length > MAX_TEXT) return { ok: false, error: 'msg_too_long' };
      const ts = `${nowSec}.${String(slack.messages.length + 1).padStart(6, '0')}`;
      const { token: _token, channel: _channel, text: _text, ...rest } = args;
      slack.messages.push({ channel: channel.id, ts, user: user.id, text, args: rest });
      return { ok: true, channel: channel.id, ts, message: { type: 'message', user: user.id, text, ts } };
    },
  },
};
