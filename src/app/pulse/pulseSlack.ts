// The Slack calls the pulse makes, over a WebClient, with every failure turned into a PulseError
// whose message says what happened and what to do. Only reaction counts are read back: the users
// list Slack sends with each reaction is dropped here and goes no further.
import { translated } from '../../core/inertText';
import type { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { guardErrorFromSlack } from '../../guards/slackGuard';

export type PulseFailureKind = 'noChannel' | 'notInChannel' | 'channelNotFound' | 'messageGone' | 'missingScope' | 'unauthorized' | 'rateLimited' | 'offline' | 'failed';

export class PulseError extends Error {
  override readonly name = 'PulseError';
  constructor(
    readonly kind: PulseFailureKind,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  static is(err: unknown, kind?: PulseFailureKind): err is PulseError {
    return err instanceof PulseError && (kind === undefined || err.kind === kind);
  }
}

export interface PulseMessage {
  readonly ts: string;
  readonly user?: string;
  readonly text?: string;
}

/** What the pulse needs from Slack. */
export interface PulseSlack {
  /** The token's own user id (auth.test). */
  userId(): Promise<string>;
  /** The channel's name and whether the token's user is in it (conversations.info). */
  channel(channel: string): Promise<{ name: string; isMember: boolean }>;
  /** Messages since `oldestSec`, newest first (conversations.history). */
  history(channel: string, oldestSec: number): Promise<PulseMessage[]>;
  /** Posts and returns the message's ts (chat.postMessage). */
  post(channel: string, text: string): Promise<string>;
  /** Reaction name → count on one message (reactions.get). */
  reactionCounts(channel: string, ts: string): Promise<Record<string, number>>;
}

/** Scopes the pulse needs on the Slack user token, by method. */
export const pulseScopes = ['chat:write', 'reactions:read', 'channels:read', 'channels:history'] as const;

function platformCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'slack_webapi_platform_error' ? (err as WebAPIPlatformError).data.error : undefined;
}

/** A Slack failure while `doing` something with `channel`, as one actionable PulseError. */
export function pulseErrorFromSlack(err: unknown, doing: string, channel: string, now: number): PulseError {
  if (PulseError.is(err)) return err;
  const code = platformCode(err);
  if (code === 'not_in_channel') return new PulseError('notInChannel', translated`You are not a member of the Slack channel ${channel}, so Lead Desk could not ${doing}. Join the channel in Slack, then try again.`, { cause: err });
  if (code === 'channel_not_found') return new PulseError('channelNotFound', translated`Slack has no channel ${channel} that your token can see, so Lead Desk could not ${doing}. Check leadDesk.pulse.slackChannel (the channel ID is at the bottom of the channel's details in Slack).`, { cause: err });
  if (code === 'message_not_found') return new PulseError('messageGone', translated`The pulse message in ${channel} was deleted, so Lead Desk could not ${doing}.`, { cause: err });
  const guard = guardErrorFromSlack(err, now);
  switch (guard.kind) {
    case 'missingScope': {
      const scopes = guard.options.scopes?.join(', ') || pulseScopes.join(', ');
      return new PulseError('missingScope', translated`Your Slack token lacks the ${scopes} scope, so Lead Desk could not ${doing}. Add it to your Slack app's user token scopes, reinstall the app, and run "Lead Desk: Connect Slack" with the new token.`, { cause: err });
    }
    case 'unauthorized':
    case 'notConnected':
      return new PulseError('unauthorized', translated`Slack did not accept the stored token, so Lead Desk could not ${doing}. Run "Lead Desk: Connect Slack" with a current token.`, { cause: err });
    case 'rateLimited': {
      const seconds = guard.retryAt ? Math.max(1, Math.ceil((guard.retryAt - now) / 1000)) : 60;
      return new PulseError('rateLimited', translated`Slack is limiting requests, so Lead Desk could not ${doing}. Try again in ${seconds} s.`, { cause: err });
    }
    case 'offline':
      return new PulseError('offline', translated`Slack could not be reached, so Lead Desk could not ${doing}. Check your connection and try again.`, { cause: err });
    case 'failed':
      return new PulseError('failed', translated`Lead Desk could not ${doing}: ${guard.message}`, { cause: err });
  }
}

function countsOf(message: unknown): Record<string, number> {
  const reactions = (message as { reactions?: unknown } | undefined)?.reactions;
  const counts: Record<string, number> = {};
  if (!Array.isArray(reactions)) return counts;
  for (const r of reactions as unknown[]) {
    const { name, count } = (r ?? {}) as { name?: unknown; count?: unknown };
    if (typeof name === 'string' && typeof count === 'number' && Number.isInteger(count) && count >= 0) counts[name] = count;
  }
  return counts;
}

/** The port over a WebClient; `now` dates rate-limit advice. */
export function slackPulse(client: WebClient, now: () => number): PulseSlack {
  const call = async <T>(doing: string, channel: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw pulseErrorFromSlack(err, doing, channel, now());
    }
  };
  return {
    userId: () =>
      call(translated`check the Slack token`, '', async () => {
        const res = await client.auth.test();
        if (typeof res.user_id !== 'string') throw new PulseError('failed', translated`Slack did not say who the token belongs to. Run "Lead Desk: Connect Slack" again.`);
        return res.user_id;
      }),
    channel: (channel) =>
      call(translated`read the pulse channel`, channel, async () => {
        const res = await client.conversations.info({ channel });
        return { name: res.channel?.name ?? channel, isMember: res.channel?.is_member === true };
      }),
    history: (channel, oldestSec) =>
      call(translated`look for this week\u2019s pulse in the channel`, channel, async () => {
        const res = await client.conversations.history({ channel, oldest: String(oldestSec), limit: 200 });
        return (res.messages ?? []).flatMap((m) => (typeof m.ts === 'string' ? [{ ts: m.ts, user: m.user, text: m.text }] : []));
      }),
    post: (channel, text) =>
      call(translated`post the pulse`, channel, async () => {
        const res = await client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false });
        if (typeof res.ts !== 'string') throw new PulseError('failed', translated`Slack accepted the pulse but did not say which message it is. Look in the channel before sending again.`);
        return res.ts;
      }),
    reactionCounts: (channel, ts) =>
      call(translated`read the pulse answers`, channel, async () => {
        const res = await client.reactions.get({ channel, timestamp: ts, full: true });
        return countsOf(res.message);
      }),
  };
}
