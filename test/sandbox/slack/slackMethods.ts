// The Slack Web API methods the focus guard uses, over the sandbox's Slack state.
import type { SlackState, SlackUserRecord } from '../state/records';
import { profileShape } from './slackProfile';
import { CHANNEL_METHODS } from './slackChannels';

export interface SlackCall {
  slack: SlackState;
  user: SlackUserRecord;
  args: Record<string, unknown>;
  nowSec: number;
}

export type SlackResult = Record<string, unknown> & { ok: boolean };

interface SlackMethod {
  scope: string | null;
  run: (c: SlackCall) => SlackResult;
}

function dndState(u: SlackUserRecord, nowSec: number) {
  const snoozing = u.snoozeEndsAt !== null && u.snoozeEndsAt > nowSec;
  return {
    dnd_enabled: snoozing,
    next_dnd_start_ts: 1,
    next_dnd_end_ts: 1,
    snooze_enabled: snoozing,
    ...(snoozing ? { snooze_endtime: u.snoozeEndsAt, snooze_remaining: u.snoozeEndsAt! - nowSec } : {}),
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function parseProfile(raw: unknown): Record<string, unknown> | undefined {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  if (typeof raw !== 'string') return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const SLACK_METHODS: Record<string, SlackMethod> = {
  'auth.test': {
    scope: null,
    run: ({ slack, user }) => ({ ok: true, url: `https://${slack.teamName.toLowerCase().replace(/\W+/g, '-')}.slack.com/`, team: slack.teamName, user: user.name, team_id: slack.teamId, user_id: user.id, is_enterprise_install: false }),
  },
  'dnd.info': {
    scope: 'dnd:read',
    run: ({ slack, user, args, nowSec }) => {
      const target = typeof args.user === 'string' ? slack.users.find((u) => u.id === args.user) : user;
      if (!target) return { ok: false, error: 'user_not_found' };
      return { ok: true, ...dndState(target, nowSec) };
    },
  },
  'dnd.setSnooze': {
    scope: 'dnd:write',
    run: ({ user, args, nowSec }) => {
      const minutes = Number(args.num_minutes);
      if (!Number.isFinite(minutes) || minutes <= 0) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: num_minutes'] } };
      user.snoozeEndsAt = nowSec + Math.round(minutes * 60);
      return { ok: true, snooze_enabled: true, snooze_endtime: user.snoozeEndsAt, snooze_remaining: user.snoozeEndsAt - nowSec, snooze_is_indefinite: false };
    },
  },
  'dnd.endSnooze': {
    scope: 'dnd:write',
    run: ({ user, nowSec }) => {
      if (user.snoozeEndsAt === null || user.snoozeEndsAt <= nowSec) return { ok: false, error: 'snooze_not_active' };
      user.snoozeEndsAt = null;
      return { ok: true, ...dndState(user, nowSec) };
    },
  },
  'users.profile.get': {
    scope: 'users.profile:read',
    run: ({ slack, user, args, nowSec }) => {
      const target = typeof args.user === 'string' ? slack.users.find((u) => u.id === args.user) : user;
      if (!target) return { ok: false, error: 'user_not_found' };
      return { ok: true, profile: profileShape(target, slack.teamId, nowSec) };
    },
  },
  'users.profile.set': {
    scope: 'users.profile:write',
    run: ({ slack, user, args, nowSec }) => {
      const profile = parseProfile(args.profile) ?? (typeof args.name === 'string' ? { [args.name]: args.value } : undefined);
      if (!profile) return { ok: false, error: 'invalid_profile' };
      if (typeof profile.status_text === 'string' && profile.status_text.length > 100) return { ok: false, error: 'too_long' };
      if ('status_text' in profile) user.statusText = text(profile.status_text);
      if ('status_emoji' in profile) user.statusEmoji = text(profile.status_emoji);
      if ('status_expiration' in profile) user.statusExpiration = Number(profile.status_expiration) || 0;
      return { ok: true, username: user.name, profile: profileShape(user, slack.teamId, nowSec) };
    },
  },
  ...CHANNEL_METHODS,
};
