// GitHub "Busy": sets the user's status to limited availability for the block, with an expiry a
// little after the block's end so that a crash can never leave them Busy for long, and puts the
// earlier status back exactly afterwards, unless they changed it themselves in the meantime.
import { busyMessage } from '../core/focus/format';
import type { GitHubClient } from '../github/client';
import { GitHubError } from '../github/errors';
import { changeUserStatus, readViewerStatus, statusAsInput, type UserStatus } from '../github/status/userStatus';
import type { Guard, GuardTarget, EngageOutcome, ReleaseOutcome } from './guard';
import { GuardError } from './guardError';
import { RemoteStatusGuard, type RemoteStatusGuardOptions } from './remoteStatusGuard';

export interface GitHubStatusSnapshot {
  /** null: no status was set. */
  readonly status: UserStatus | null;
}

export interface GitHubStatusPlan {
  readonly emoji: string;
  readonly message: string;
  /** ISO 8601: block end plus the grace period. */
  readonly expiresAt: string;
}

export type GitHubStatusGuardOptions = RemoteStatusGuardOptions<GitHubClient>;

export const githubStatusGuardId = 'githubStatus';

export function guardErrorFromGitHub(err: unknown): GuardError {
  if (GuardError.is(err)) return err;
  if (!GitHubError.is(err)) return new GuardError('failed', err instanceof Error ? err.message : String(err), { cause: err });
  const retryAt = err.retryAt?.getTime();
  switch (err.kind) {
    case 'missingScope':
      return new GuardError('missingScope', `Setting your GitHub status needs the ${(err.scopes?.length ? err.scopes : ['user']).map((s) => `'${s}'`).join(' or ')} scope, which your sign-in lacks.`, { scopes: err.scopes?.length ? err.scopes : ['user'], cause: err });
    case 'unauthorized':
      return new GuardError('unauthorized', 'GitHub did not accept your sign-in.', { cause: err });
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

/** Our status, recognised by its message and Busy flag (GitHub may normalise the emoji). */
function isOurs(current: UserStatus | null, plan: GitHubStatusPlan): boolean {
  return !!current && current.message === plan.message && current.indicatesLimitedAvailability;
}

function hasContent(status: UserStatus | null): status is UserStatus {
  return !!status && (!!status.emoji || !!status.message);
}

export class GitHubStatusGuard extends RemoteStatusGuard<GitHubClient> implements Guard<GitHubStatusSnapshot, GitHubStatusPlan> {
  readonly id = githubStatusGuardId;
  readonly label = 'GitHub Busy status';

  protected toGuardError(err: unknown): GuardError {
    return guardErrorFromGitHub(err);
  }

  async snapshot(): Promise<GitHubStatusSnapshot> {
    return { status: await this.call(readViewerStatus) };
  }

  plan(target: GuardTarget): GitHubStatusPlan {
    return {
      emoji: this.emoji,
      message: busyMessage(target.endsAt),
      expiresAt: new Date(target.endsAt + this.graceMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  async engage(plan: GitHubStatusPlan, previous: GitHubStatusPlan | undefined): Promise<EngageOutcome> {
    return this.call(async (client) => {
      if (previous) {
        const current = await readViewerStatus(client);
        const oursExpired = current === null && isExpired(previous.expiresAt, this.options.clock.now());
        if (!isOurs(current, previous) && !oursExpired) return 'userChanged';
      }
      await changeUserStatus(client, { emoji: plan.emoji, message: plan.message, limitedAvailability: true, expiresAt: plan.expiresAt });
      return 'engaged';
    });
  }

  async release(snapshot: GitHubStatusSnapshot, plan: GitHubStatusPlan, now: number): Promise<ReleaseOutcome> {
    return this.call(async (client) => {
      const current = await readViewerStatus(client);
      const oursExpired = current === null && isExpired(plan.expiresAt, now);
      if (!isOurs(current, plan) && !oursExpired) return current === null ? 'nothingToRestore' : 'userChanged';
      // A status that would have expired by now is not brought back.
      const before = hasContent(snapshot.status) && !isExpired(snapshot.status.expiresAt, now) ? snapshot.status : null;
      if (!before && current === null) return 'nothingToRestore';
      await changeUserStatus(client, statusAsInput(before));
      return before ? 'restored' : 'cleared';
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
}
