// Posts the weekly update to Slack as mrkdwn. A post is a write under the lead's name, so it is
// never repeated by itself: after an answer that leaves it unknown whether Slack took the message,
// the lead is told to look in the channel first. Every failure leaves the draft where it was.
import { translated } from '../../core/inertText';
import { format } from 'date-fns';
import { toSlackMrkdwn } from '../../core/update/slackMrkdwn';

/** The one Slack call this needs, as @slack/web-api's WebClient offers it. */
export interface SlackPoster {
  readonly chat: {
    postMessage(args: { channel: string; text: string; mrkdwn: boolean; parse: 'none'; link_names: boolean; unfurl_links: boolean; unfurl_media: boolean }): Promise<{ ok?: boolean; channel?: string; ts?: string }>;
  };
}

export type PostFailure = 'notConfigured' | 'tooLong' | 'notInChannel' | 'channelNotFound' | 'rateLimited' | 'notConnected' | 'missingScope' | 'unknownOutcome' | 'refused';

export type PostResult = { readonly ok: true; readonly channel: string; readonly ts?: string } | { readonly ok: false; readonly failure: PostFailure; readonly message: string };

/** Slack cuts a message's text at 40,000 characters; a cut update would be worse than none. */
export const maxSlackText = 40_000;

interface SlackErrorLike {
  readonly code?: string;
  readonly data?: { readonly error?: string; readonly needed?: string };
  readonly retryAfter?: number;
  readonly statusCode?: number;
}

// A function, so the sentence is read in the display language of the moment.
const still = () => translated`The draft is still open.`;

function describe(err: unknown, channel: string, now: Date): { failure: PostFailure; message: string } {
  const e = (err ?? {}) as SlackErrorLike;
  if (e.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter : 60;
    return { failure: 'rateLimited', message: translated`Slack is limiting requests right now. Post again after ${format(now.getTime() + seconds * 1000, 'HH:mm')}. ${still()}` };
  }
  if (e.code === 'slack_webapi_platform_error') {
    const error = e.data?.error ?? 'unknown_error';
    switch (error) {
      case 'not_in_channel':
        return { failure: 'notInChannel', message: translated`You are not a member of ${channel}, so Slack refused the post. Join the channel, then post again. ${still()}` };
      case 'channel_not_found':
        return { failure: 'channelNotFound', message: translated`Slack has no channel ${channel} that you can see. Check leadDesk.update.slackChannel (a name such as #team-updates or an id such as C0123ABCD). ${still()}` };
      case 'invalid_auth':
      case 'not_authed':
      case 'token_revoked':
      case 'token_expired':
      case 'account_inactive':
        return { failure: 'notConnected', message: translated`Slack did not accept the stored token (${error}). Run "Lead Desk: Connect Slack" again, then post. ${still()}` };
      case 'missing_scope':
        return { failure: 'missingScope', message: translated`The Slack token may not post messages (it needs the ${e.data?.needed ?? 'chat:write'} scope). Connect Slack with a token that has it, then post. ${still()}` };
      default:
        return { failure: 'refused', message: translated`Slack refused the post (${error}). ${still()}` };
    }
  }
  // No answer, or a server error: Slack may have posted it, so it is not sent again by itself.
  return { failure: 'unknownOutcome', message: translated`Slack did not answer clearly, so the update may or may not be in ${channel}. Look there before posting again. ${still()}` };
}

export async function postWeeklyUpdate(deps: { readonly slack: () => Promise<SlackPoster>; readonly now: () => Date }, channel: string, markdown: string): Promise<PostResult> {
  if (!channel) return { ok: false, failure: 'notConfigured', message: translated`Set leadDesk.update.slackChannel to the channel for weekly updates (e.g. #team-updates), then post again. The draft is still open.` };
  const text = toSlackMrkdwn(markdown);
  if (text.length > maxSlackText) return { ok: false, failure: 'tooLong', message: translated`The update is ${text.length} characters long as Slack text; Slack accepts ${maxSlackText}. Shorten the draft, then post again.` };
  const slack = await deps.slack();
  try {
    const answer = await slack.chat.postMessage({ channel, text, mrkdwn: true, parse: 'none', link_names: false, unfurl_links: false, unfurl_media: false });
    return { ok: true, channel: answer.channel ?? channel, ...(answer.ts ? { ts: answer.ts } : {}) };
  } catch (err) {
    return { ok: false, ...describe(err, channel, deps.now()) };
  }
}
