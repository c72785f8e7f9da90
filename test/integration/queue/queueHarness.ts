// Wires the queue's Node parts exactly as the extension does (planner → one GraphQL request →
// parser → scheduler), against the sandbox over real HTTP, with a fake clock for the scheduler
// so retries and recovery are tested without waiting.
import type { Sandbox } from '../../sandbox/server';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { silentLogger } from '../../../src/core/logger';
import { planSearches, type SearchPlanInput } from '../../../src/core/queue/searchQueries';
import { RefreshScheduler } from '../../../src/core/queue/refreshScheduler';
import type { QueueSearch, QueueSnapshot } from '../../../src/core/queue/queueTypes';
import { fetchQueue, type FetchQueueOptions } from '../../../src/github/queue/fetchQueue';
import { classifyQueueError } from '../../../src/github/queue/queueFailure';
import { FakeClock } from '../../unit/queue/fakeClock';

export interface QueueHarness {
  readonly client: GitHubClient;
  readonly clock: FakeClock;
  readonly scheduler: RefreshScheduler<QueueSnapshot>;
  readonly searches: QueueSearch[];
  /** Fires the scheduler's next timer and waits for the refresh it starts. */
  runNextAttempt(): Promise<void>;
}

export function makeClient(sandbox: Sandbox, token: string, overrides: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token, log: silentLogger, unthrottled: true, retryBaseMs: 5, maxInlineWaitSeconds: 0, ...overrides });
}

export function queueHarness(client: GitHubClient, plan: Partial<SearchPlanInput> = {}, fetchOptions: FetchQueueOptions = {}): QueueHarness {
  const clock = new FakeClock(Date.now());
  const searches = planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [], now: new Date(clock.now()), ...plan });
  const scheduler = new RefreshScheduler<QueueSnapshot>({
    clock,
    intervalMs: 5 * 60_000,
    load: () => fetchQueue(client, searches, fetchOptions),
    classify: (err) => classifyQueueError(err, new Date(clock.now())),
  });
  return {
    client,
    clock,
    scheduler,
    searches,
    async runNextAttempt() {
      const due = scheduler.state.nextAttemptAt;
      if (due === undefined) throw new Error('no attempt is scheduled');
      await clock.advance(Math.max(0, due - clock.now()));
      await scheduler.refresh();
    },
  };
}
