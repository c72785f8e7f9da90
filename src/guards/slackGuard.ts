// Slack: snoozes notifications (DND) for the block and sets a status with an expiry, then puts the
// earlier status (text, emoji, expiry) and snooze back, unless the user changed them meanwhile.
// Scopes on the user token: dnd:read, dnd:write, users.profile:read, users.profile:write.
// Only types come from @slack/web-api here: the client itself is loaded (src/guards/slackClient.ts)
// when Slack is first used, so that starting Lead Desk does not pay for it.
import type { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { isBusyMessageFor, statusMessage } from '../core/focus/format';
import type { EngageOptions, EngageOutcome, Guard, GuardTarget, ReleaseOutcome } from './guard';
import { GuardError } from './guardError';
import { RemoteStatusGuard, type RemoteStatusGuardOptions } from './remoteStatusGuard';
import { guardCatalogue, type GuardId } from '../core/focus/guardCatalogue';
import { translated } from '../core/inertText';
import { errorText } from '../core/errorText';

export interface SlackStatus {
  readonly text: string;
  readonly emoji: string;
  /** Epoch seconds; 0 = does not expire. */
  readonly expiration: number;
}

export interface SlackSnapshot {
  /** The user's own status; empty when there was none, or only another Lead Desk's. */
  readonly status: SlackStatus;
  /** Epoch seconds when the user's own snooze ends; null = not snoozing. */
  readonly snoozeEndsAt: number | null;
  /**
   * What another Lead Desk (another profile or machine, sharing no storage with this one) had set
   * when the block began. Never taken for the user's own: that Lead Desk restores theirs.
   */
  readonly other?: { readonly status: SlackStatus; readonly snoozeEndsAt: number | null };
}

export interface SlackPlan {
  readonly status: SlackStatus;
  /** Epoch seconds: the block's end. */
  readonly snoozeUntil: number;
}

export type SlackGuardOptions = RemoteStatusGuardOptions<WebClient>;

export const slackGuardId = 'slack' satisfies GuardId;

/** Scopes the guard needs on a Slack user token. */
export const slackScopes = ['dnd:read', 'dnd:write', 'users.profile:read', 'users.profile:write'] as const;

const unauthorizedErrors = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'no_permission']);

/** The client's error classes, told apart by their documented `code` (ErrorCode) values. */
function slackErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('slack_webapi_') ? code : undefined;
}

export function guardErrorFromSlack(err: unknown, now: number): GuardError {
  if (GuardError.is(err)) return err;
  switch (slackErrorCode(err)) {
    case 'slack_webapi_rate_limited_error': {
      const { retryAfter } = err as WebAPIRateLimitedError;
      return new GuardError('rateLimited', translated`Slack asked us to slow down for ${retryAfter} s.`, { retryAt: now + retryAfter * 1000, cause: err });
    }
    case 'slack_webapi_platform_error': {
      const data = (err as WebAPIPlatformError).data;
      const code = data.error;
      if (code === 'missing_scope') {
        const raw = (data as unknown as { needed?: unknown }).needed;
        const needed = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
        return new GuardError('missingScope', needed.length > 0 ? translated`The Slack token lacks the ${needed.join(', ')} scope.` : translated`The Slack token lacks the required scope.`, { scopes: needed, cause: err });
      }
      if (unauthorizedErrors.has(code)) return new GuardError('unauthorized', translated`Slack did not accept the token (${code}). Connect Slack again.`, { cause: err });
      if (code === 'ratelimited') return new GuardError('rateLimited', translated`Slack rate limit reached.`, { retryAt: now + 60_000, cause: err });
      // The client reports a body it could not parse as a "platform error" whose code is the raw text.
      if (typeof code !== 'string' || !/^[a-z_]+$/.test(code)) return new GuardError('offline', translated`Slack sent a response that could not be read.`, { cause: err });
      return new GuardError('failed', translated`Slack said ${code}.`, { cause: err });
    }
    case 'slack_webapi_http_error': {
      const { statusCode, headers } = err as WebAPIHTTPError;
      if (statusCode === 429) {
        const seconds = Number(headers['retry-after']) || 60;
        return new GuardError('rateLimited', translated`Slack asked us to slow down for ${seconds} s.`, { retryAt: now + seconds * 1000, cause: err });
      }
      return new GuardError(statusCode >= 500 ? 'offline' : 'failed', translated`Slack answered HTTP ${statusCode}.`, { cause: err });
    }
    case 'slack_webapi_request_error':
      return new GuardError('offline', translated`Could not reach Slack.`, { cause: err });
    default:
      return new GuardError('failed', errorText(err), { cause: err });
  }
}

function readStatus(profile: unknown): SlackStatus {
  const p = (profile && typeof profile === 'object' ? profile : {}) as Record<string, unknown>;
  return {
    text: typeof p.status_text === 'string' ? p.status_text : '',
    emoji: typeof p.status_emoji === 'string' ? p.status_emoji : '',
    expiration: typeof p.status_expiration === 'number' ? p.status_expiration : 0,
  };
}

const noStatus: SlackStatus = { text: '', emoji: '', expiration: 0 };
const seconds = (ms: number): number => Math.floor(ms / 1000);
const isEmpty = (s: SlackStatus): boolean => !s.text && !s.emoji;
const expiredAt = (s: SlackStatus, now: number): boolean => s.expiration > 0 && s.expiration * 1000 <= now;
const sameStatus = (a: SlackStatus, b: SlackStatus): boolean => (isEmpty(a) && isEmpty(b)) || (a.text === b.text && a.emoji === b.emoji && a.expiration === b.expiration);
/** Slack snoozes by whole minutes, so a snooze we set ends up to a minute after the time asked for. */
const snoozeSlackSeconds = 90;
const snoozeNear = (endsAt: number | null, until: number | undefined): boolean => endsAt !== null && until !== undefined && Math.abs(endsAt - until) <= snoozeSlackSeconds;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isSlackStatus = (v: unknown): v is SlackStatus => isObject(v) && typeof v.text === 'string' && typeof v.emoji === 'string' && typeof v.expiration === 'number' && Number.isFinite(v.expiration);
const isSnoozeEnd = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

export class SlackGuard extends RemoteStatusGuard<WebClient> implements Guard<SlackSnapshot, SlackPlan> {
  readonly id = slackGuardId;
  readonly label = guardCatalogue.slack.label;

  protected toGuardError(err: unknown): GuardError {
    return guardErrorFromSlack(err, this.options.clock.now());
  }

  private async read(client: WebClient): Promise<{ status: SlackStatus; snoozeEndsAt: number | null }> {
    const [profile, info] = await Promise.all([client.users.profile.get({}), client.dnd.info({})]);
    // For the token's own user, dnd.info also reports the snooze (the SDK's response type omits it).
    const dnd = info as unknown as { snooze_enabled?: unknown; snooze_endtime?: unknown };
    const snoozing = dnd.snooze_enabled === true && typeof dnd.snooze_endtime === 'number';
    return { status: readStatus(profile.profile), snoozeEndsAt: snoozing ? (dnd.snooze_endtime as number) : null };
  }

  /** The block end a status some Lead Desk set stands for (here or elsewhere), found by content. */
  private leadDeskEnd(status: SlackStatus): number | undefined {
    const end = status.expiration * 1000 - this.graceMs;
    return status.expiration > 0 && isBusyMessageFor(status.text, end) ? seconds(end) : undefined;
  }

  async snapshot(): Promise<SlackSnapshot> {
    return this.call(async (client) => {
      const { status, snoozeEndsAt } = await this.read(client);
      const now = seconds(this.options.clock.now());
      const snooze = snoozeEndsAt !== null && snoozeEndsAt > now ? snoozeEndsAt : null;
      const otherEnd = this.leadDeskEnd(status);
      if (otherEnd === undefined) return { status, snoozeEndsAt: snooze };
      // Another Lead Desk's status, and its snooze if it ends with that block: theirs, not the user's.
      const othersSnooze = snoozeNear(snooze, otherEnd);
      return { status: noStatus, snoozeEndsAt: othersSnooze ? null : snooze, other: { status, snoozeEndsAt: othersSnooze ? snooze : null } };
    });
  }

  plan(target: GuardTarget): SlackPlan {
    return {
      status: { text: statusMessage(target), emoji: this.emoji, expiration: seconds(target.endsAt + this.graceMs) },
      snoozeUntil: seconds(target.endsAt),
    };
  }

  private snoozeMinutes(until: number): number {
    return Math.max(1, Math.ceil((until * 1000 - this.options.clock.now()) / 60_000));
  }

  private setStatus(client: WebClient, status: SlackStatus): Promise<unknown> {
    return client.users.profile.set({ profile: { status_text: status.text, status_emoji: status.emoji, status_expiration: status.expiration } });
  }

  async engage(plan: SlackPlan, previous: SlackPlan | undefined, options: EngageOptions = {}): Promise<EngageOutcome> {
    return this.call(async (client) => {
      let statusSet = false;
      let snoozeSet = false;
      if (previous || options.retry) {
        const current = await this.read(client);
        // What an earlier attempt already set (its answer lost) is not sent again.
        statusSet = sameStatus(current.status, plan.status);
        snoozeSet = snoozeNear(current.snoozeEndsAt, plan.snoozeUntil);
        const oursExpired = isEmpty(current.status) && !!previous && expiredAt(previous.status, this.options.clock.now());
        const ours = statusSet || current.status.text === previous?.status.text || this.leadDeskEnd(current.status) !== undefined || oursExpired;
        if (previous && !ours) return 'userChanged';
      }
      // Independent calls: in parallel, so the guard costs one round trip.
      await Promise.all([snoozeSet ? undefined : client.dnd.setSnooze({ num_minutes: this.snoozeMinutes(plan.snoozeUntil) }), statusSet ? undefined : this.setStatus(client, plan.status)]);
      return 'engaged';
    });
  }

  async release(snapshot: SlackSnapshot, plan: SlackPlan, now: number, previous?: SlackPlan): Promise<ReleaseOutcome> {
    return this.call(async (client) => {
      const current = await this.read(client);
      const writes: Array<Promise<unknown>> = [];
      let outcome: ReleaseOutcome = 'nothingToRestore';

      // With another Lead Desk's status in the snapshot, its status and snooze go back while they
      // last and that Lead Desk restores the user's own at its end; only our own is replaced then.
      const other = snapshot.other;
      const mine = current.status.text === plan.status.text || (!!previous && current.status.text === previous.status.text);
      const oursExpired = isEmpty(current.status) && expiredAt(plan.status, now);
      const othersEnd = this.leadDeskEnd(current.status);
      const replaceable = mine || oursExpired || (!other && othersEnd !== undefined);
      const wanted = other ? other.status : snapshot.status;
      const before = isEmpty(wanted) || expiredAt(wanted, now) ? noStatus : wanted;
      if (sameStatus(current.status, before)) {
        // Already as it should be: a restore whose answer was lost, or nothing was there.
        if (!isEmpty(before)) outcome = 'restored';
      } else if (replaceable) {
        writes.push(this.setStatus(client, before));
        outcome = isEmpty(before) ? 'cleared' : 'restored';
      } else if (!isEmpty(current.status) && othersEnd === undefined) {
        outcome = 'userChanged';
      }

      // Our snooze is the one ending at the block's end (or, when the snapshot is the user's own,
      // one another Lead Desk set for its block); a snooze the user set since is theirs. If ours has
      // just run out and theirs would still be on, theirs comes back.
      const keep = other?.snoozeEndsAt ?? snapshot.snoozeEndsAt;
      const theirs = keep !== null && keep * 1000 > now + 60_000 ? keep : null;
      const oursActive = snoozeNear(current.snoozeEndsAt, plan.snoozeUntil) || snoozeNear(current.snoozeEndsAt, previous?.snoozeUntil) || (!other && snoozeNear(current.snoozeEndsAt, othersEnd));
      const oursRanOut = current.snoozeEndsAt === null && now >= (plan.snoozeUntil - snoozeSlackSeconds) * 1000;
      if ((oursActive && !snoozeNear(current.snoozeEndsAt, theirs ?? undefined)) || (oursRanOut && theirs)) {
        writes.push(theirs ? client.dnd.setSnooze({ num_minutes: this.snoozeMinutes(theirs) }) : client.dnd.endSnooze());
        if (outcome === 'nothingToRestore') outcome = theirs ? 'restored' : 'cleared';
      }
      await Promise.all(writes);
      return outcome;
    });
  }

  restoreDeadline(snapshot: SlackSnapshot, plan: SlackPlan, releaseStartedAt: number): number {
    const ours = Math.max(plan.status.expiration, plan.snoozeUntil) * 1000;
    if (isEmpty(snapshot.status)) return ours;
    const cap = releaseStartedAt + this.giveUpAfterMs;
    return Math.max(ours, snapshot.status.expiration > 0 ? Math.min(snapshot.status.expiration * 1000, cap) : cap);
  }

  expiredAnyway(snapshot: SlackSnapshot, plan: SlackPlan, now: number): boolean {
    return expiredAt(plan.status, now) && plan.snoozeUntil * 1000 <= now && (isEmpty(snapshot.status) || expiredAt(snapshot.status, now));
  }

  describe(plan: SlackPlan): string {
    return `Snoozed, status "${plan.status.text}"`;
  }

  isSnapshot(value: unknown): value is SlackSnapshot {
    if (!isObject(value) || !isSlackStatus(value.status) || !isSnoozeEnd(value.snoozeEndsAt)) return false;
    const other = value.other;
    return other === undefined || (isObject(other) && isSlackStatus(other.status) && isSnoozeEnd(other.snoozeEndsAt));
  }

  isPlan(value: unknown): value is SlackPlan {
    return isObject(value) && isSlackStatus(value.status) && typeof value.snoozeUntil === 'number' && Number.isFinite(value.snoozeUntil);
  }
}
