// Refresh the review queue: plan the searches from the settings and the workspace's repositories,
// fetch them with the GitHub client, and, when that fails, say why in the queue's words. Plain
// Node: the client, the settings, the repositories, the clock and the log are handed in, and the
// caller (the scheduler) decides when to call.
import { translated } from '../../core/inertText';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { QueueSettings } from '../../core/queue/queueSettings';
import type { QueueSnapshot } from '../../core/queue/queueTypes';
import type { RefreshFailure } from '../../core/queue/refreshScheduler';
import { planSearches } from '../../core/queue/searchQueries';
import type { GitHubClient } from '../../github/client';
import { GitHubError } from '../../github/errors';
import { NotSignedInError } from '../../github/notSignedInError';
import { fetchQueue } from '../../github/queue/fetchQueue';
import { classifyQueueError } from '../../github/queue/queueFailure';

export interface RefreshQueueDeps {
  /** The client of the signed-in account; throws NotSignedInError when there is none. */
  readonly client: () => Promise<GitHubClient>;
  readonly settings: () => QueueSettings;
  /** "owner/repo" of the open folders' GitHub remotes, watched by the Stale group with the configured ones. */
  readonly workspaceRepos: () => Promise<readonly string[]>;
  readonly clock: Clock;
  readonly log: Logger;
}

/** One refresh: every search of the queue, in as few requests as GitHub allows. */
export async function refreshQueue(deps: RefreshQueueDeps): Promise<QueueSnapshot> {
  const client = await deps.client();
  const s = deps.settings();
  const workspaceRepos = await deps.workspaceRepos();
  const now = () => new Date(deps.clock.now());
  const searches = planSearches({
    includeDrafts: s.includeDrafts,
    staleBusinessHours: s.staleBusinessHours,
    staleRepos: [...workspaceRepos, ...s.repos],
    staleOrgs: s.orgs,
    customSections: s.customSections,
    now: now(),
  });
  return fetchQueue(client, searches, { log: deps.log, now });
}

/** A failed refresh in the queue's words; the log gets GitHub's own detail. */
export function classifyRefreshFailure(deps: Pick<RefreshQueueDeps, 'clock' | 'log'>, err: unknown): RefreshFailure {
  if (NotSignedInError.is(err)) return { kind: 'signedOut', summary: translated`not signed in`, message: translated`Sign in to GitHub to see your review queue.`, transient: false, cause: err };
  const failure = classifyQueueError(err, new Date(deps.clock.now()));
  const detail = GitHubError.is(failure.cause) ? failure.cause.detail : undefined;
  deps.log.warn(`refresh failed (${failure.kind}): ${failure.message}${detail ? ` [${detail}]` : ''}`);
  return failure;
}

/** The settings that shape the searches: a change to one of them needs a refresh, others do not. */
export function searchSettingsKey(s: QueueSettings): string {
  return JSON.stringify([s.includeDrafts, s.staleBusinessHours, s.repos, s.orgs, s.customSections]);
}
