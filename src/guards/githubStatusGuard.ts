// GitHub "Busy": sets the user's status to limited availability for the block, with an expiry a
// little after the block's end so that a crash can never leave them Busy for long, and puts the
// earlier status back exactly afterwards, unless they changed it themselves in the meantime.
import { isBusyMessageFor, statusMessage } from '../core/focus/format';
import type { GitHubClient } from '../github/client';
import { GitHubError } from '../github/errors';
import { changeUserStatus, readViewerStatus, sameStatus, statusAsInput, type UserStatus } from '../github/status/userStatus';
import type { EngageOptions, EngageOutcome, Guard, GuardTarget, ReleaseOutcome } from './guard';
import { GuardError } from './guardError';
import { RemoteStatusGuard, type RemoteStatusGuardOptions } from './remoteStatusGuard';
import { guardCatalogue, type GuardId } from '../core/focus/guardCatalogue';
import { translated } from '../core/inertText';
import { errorText } from '../core/errorText';

export interface GitHubStatusSnapshot {
  /** The user's own status before the block; null: none (or only another Lead Desk's Busy). */
  readonly status: UserStatus | null;
  /**
   * The Busy status another Lead Desk (another profile or machine, sharing no storage with this
   * one) had set when the block began. Never taken for the user's own: that Lead Desk restores theirs.
   */
  readonly otherBusy?: UserStatus;
}

export interface GitHubStatusPlan {
  readonly emoji: string;
  readonly message: string;
  /** ISO 8601: block end plus the grace period. */
  readonly expiresAt: string;
}

export type GitHubStatusGuardOptions = RemoteStatusGuardOptions<GitHubClient>;

export const githubStatusGuardId = 'githubStatus' satisfies GuardId;

export function guardErrorFromGitHub(err: unknown): GuardError {
  if (GuardError.is(err)) return err;
  if (!GitHubError.is(err)) return new GuardError('failed', errorText(err), { cause: err });
  const retryAt = err.retryAt?.getTime();
  switch (err.kind) {
    case 'missingScope': {
      const scopes = err.scopes?.length ? err.scopes : ['user'];
      const named = scopes.map((s) => `'${s}'`).join(translated` or `);
      return new GuardError('missingScope', translated`Setting your GitHub status needs the ${named} scope, which your sign-in lacks.`, { scopes, cause: err });
    }
    case 'unauthorized':
      return new GuardError('unauthorized', translated`GitHub did not accept your sign-in.`, { cause: err });
    case 'rateLimited':
    case 'secondaryRateLimited':
      return new GuardError('rateLimited', err.message, { retryAt, cause: err });
    case 'offline':
    case 'timeout':
    case 'server':
    case 'malformed':
      return new GuardError('offline', err.message, { retryAt, cause: err });
    default:
      return new GuardError('failed', err.detail ?? err.message, { cause: err });
  }
}

function isExpired(iso: string | null | undefined, now: number): boolean {
  return !!iso && Date.parse(iso) <= now;
}

const sameInstant = (a: string | null | undefined, b: string | null | undefined): boolean => !!a && !!b && Date.parse(a) === Date.parse(b);

/** Whether `current` is exactly what `plan` sets (GitHub may normalise the emoji, so not that). */
function isPlanned(current: UserStatus | null, plan: GitHubStatusPlan | undefined): boolean {
  return !!current && !!plan && current.message === plan.message && current.indicatesLimitedAvailability && sameInstant(current.expiresAt, plan.expiresAt);
}

function hasContent(status: UserStatus | null): status is UserStatus {
  return !!status && (!!status.emoji || !!status.message);
}

/** Records written before statuses carried their organisation read it as public. */
function normalised(status: UserStatus | null): UserStatus | null {
  return status ? { ...status, organizationId: status.organizationId ?? null } : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';

function isUserStatus(v: unknown): v is UserStatus {
  return (
    isObject(v) &&
    isTextOrNull(v.emoji) &&
    isTextOrNull(v.message) &&
    typeof v.indicatesLimitedAvailability === 'boolean' &&
    isTextOrNull(v.expiresAt) &&
    (v.organizationId === undefined || isTextOrNull(v.organizationId))
  );
}

export class GitHubStatusGuard extends RemoteStatusGuard<GitHubClient> implements Guard<GitHubStatusSnapshot, GitHubStatusPlan> {
  readonly id = githubStatusGuardId;
  readonly label = guardCatalogue.githubStatus.label;

  protected toGuardError(err: unknown): GuardError {
    return guardErrorFromGitHub(err);
  }

  /**
   * A Busy status some Lead Desk set, here or in another profile or machine that shares no storage
   * with this one: our message, Busy, and an expiry exactly the grace period after the end in the
   * message. Found by content, because the other instance's records are out of reach.
   */
  private isLeadDesks(status: UserStatus | null): status is UserStatus {
    return !!status?.indicatesLimitedAvailability && !!status.expiresAt && isBusyMessageFor(status.message, Date.parse(status.expiresAt) - this.graceMs);
  }

  async snapshot(): Promise<GitHubStatusSnapshot> {
    const current = await this.call(readViewerStatus);
    // Never the user's own: what they had before is known only to the Lead Desk that set this.
    return this.isLeadDesks(current) ? { status: null, otherBusy: current } : { status: current };
  }

  plan(target: GuardTarget): GitHubStatusPlan {
    return {
      emoji: this.emoji,
      message: statusMessage(target),
      expiresAt: new Date(target.endsAt + this.graceMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  async engage(plan: GitHubStatusPlan, previous: GitHubStatusPlan | undefined, options: EngageOptions = {}): Promise<EngageOutcome> {
    return this.call(async (client) => {
      if (previous || options.retry) {
        const current = await readViewerStatus(client);
        // An earlier attempt landed and only its answer was lost: nothing to write again.
        if (isPlanned(current, plan)) return 'engaged';
        const oursExpired = current === null && !!previous && isExpired(previous.expiresAt, this.options.clock.now());
        if (previous && !isPlanned(current, previous) && !this.isLeadDesks(current) && !oursExpired) return 'userChanged';
      }
      await changeUserStatus(client, { emoji: plan.emoji, message: plan.message, limitedAvailability: true, expiresAt: plan.expiresAt });
      return 'engaged';
    });
  }

  async release(snapshot: GitHubStatusSnapshot, plan: GitHubStatusPlan, now: number, previous?: GitHubStatusPlan): Promise<ReleaseOutcome> {
    return this.call(async (client) => {
      const current = await readViewerStatus(client);
      const mine = isPlanned(current, plan) || isPlanned(current, previous) || (current === null && isExpired(plan.expiresAt, now));
      // Before the block another Lead Desk showed Busy: its block may still run, so its Busy goes
      // back while it lasts, and that Lead Desk restores the user's own status at its end. Anything
      // but our own status is left as it is.
      const other = snapshot.otherBusy ? normalised(snapshot.otherBusy) : null;
      // A status that would have expired by now is not brought back.
      const before = snapshot.otherBusy ? other : normalised(snapshot.status);
      const target = hasContent(before) && !isExpired(before.expiresAt, now) ? before : null;
      // A restore whose answer was lost, or a status that is already what it should be.
      if (target && sameStatus(current, target)) return 'restored';
      const replaceable = snapshot.otherBusy ? mine : mine || this.isLeadDesks(current);
      if (!replaceable) return current === null || this.isLeadDesks(current) ? 'nothingToRestore' : 'userChanged';
      if (!target && current === null) return 'nothingToRestore';
      await changeUserStatus(client, statusAsInput(target));
      return target ? 'restored' : 'cleared';
    });
  }

  restoreDeadline(snapshot: GitHubStatusSnapshot, plan: GitHubStatusPlan, releaseStartedAt: number): number {
    // Until our Busy status has run out by itself, and, if there was a status before, until it
    // would have run out too (or a day, for one that never expires).
    const ours = Date.parse(plan.expiresAt);
    if (!hasContent(snapshot.status)) return ours;
    const cap = releaseStartedAt + this.giveUpAfterMs;
    const theirs = snapshot.status.expiresAt ? Math.min(Date.parse(snapshot.status.expiresAt), cap) : cap;
    return Math.max(ours, theirs);
  }

  expiredAnyway(snapshot: GitHubStatusSnapshot, plan: GitHubStatusPlan, now: number): boolean {
    return isExpired(plan.expiresAt, now) && (!hasContent(snapshot.status) || isExpired(snapshot.status.expiresAt, now));
  }

  describe(plan: GitHubStatusPlan): string {
    return `Busy: "${plan.message}"`;
  }

  isSnapshot(value: unknown): value is GitHubStatusSnapshot {
    return isObject(value) && (value.status === null || isUserStatus(value.status)) && (value.otherBusy === undefined || isUserStatus(value.otherBusy));
  }

  isPlan(value: unknown): value is GitHubStatusPlan {
    return isObject(value) && typeof value.emoji === 'string' && typeof value.message === 'string' && typeof value.expiresAt === 'string' && Number.isFinite(Date.parse(value.expiresAt));
  }
}
