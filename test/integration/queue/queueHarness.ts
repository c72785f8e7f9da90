// Wires the queue's Node parts exactly as the extension does (the refresh use case, which plans,
// sends one GraphQL request and parses it, on the scheduler), against the sandbox over real HTTP,
// with a fake clock for the scheduler so retries and recovery are tested without waiting.
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { classifyRefreshFailure, refreshQueue, type RefreshQueueDeps } from '../../../src/app/queue/refreshQueue';
import { silentLogger } from '../../../src/core/logger';
import { defaultQueueSettings, type QueueSettings } from '../../../src/core/queue/queueSettings';
import { RefreshScheduler } from '../../../src/core/queue/refreshScheduler';
import type { QueueSnapshot } from '../../../src/core/queue/queueTypes';
import { FakeClock } from '../../unit/queue/fakeClock';

export interface QueueHarness {
  readonly client: GitHubClient;
  readonly clock: FakeClock;
  readonly scheduler: RefreshScheduler<QueueSnapshot>;
  /** What the use case was given, as the queue model gives it. */
  readonly deps: RefreshQueueDeps;
  /** Fires the scheduler's next timer and waits for the refresh it starts. */
  runNextAttempt(): Promise<void>;
}

export function makeClient(sandbox: Sandbox, token: string, overrides: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token, log: silentLogger, unthrottled: true, retryBaseMs: 5, maxInlineWaitSeconds: 0, ...overrides });
}

export interface QueueHarnessOptions {
  readonly settings?: Partial<QueueSettings>;
  /** The GitHub remotes of the "open folders". */
  readonly workspaceRepos?: readonly string[];
  /** Stands in for the client getter, e.g. one that throws NotSignedInError. */
  readonly clientGetter?: () => Promise<GitHubClient>;
  readonly clock?: FakeClock;
}

export function queueHarness(client: GitHubClient, options: QueueHarnessOptions = {}): QueueHarness {
  const clock = options.clock ?? new FakeClock(Date.now());
  const settings: QueueSettings = { ...defaultQueueSettings, ...options.settings };
  const deps: RefreshQueueDeps = {
    client: options.clientGetter ?? (() => Promise.resolve(client)),
    settings: () => settings,
    workspaceRepos: () => Promise.resolve(options.workspaceRepos ?? []),
    clock,
    log: silentLogger,
  };
  const scheduler = new RefreshScheduler<QueueSnapshot>({
    clock,
    intervalMs: settings.autoRefreshMinutes * 60_000,
    load: () => refreshQueue(deps),
    classify: (err) => classifyRefreshFailure(deps, err),
  });
  return {
    client,
    clock,
    scheduler,
    deps,
    async runNextAttempt() {
      const due = scheduler.state.nextAttemptAt;
      if (due === undefined) throw new Error('no attempt is scheduled');
      await clock.advance(Math.max(0, due - clock.now()));
      await scheduler.refresh();
    },
  };
}

/**
 * The demo scenario's sandbox for the calling suite, with faults and the request log cleared
 * before each test; call the returned function inside a test to get it.
 */
export function useDemoSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  before(async () => {
    sandbox = await startSandbox({ scenario: loadScenario('demo') });
  });
  after(async () => sandbox?.close());
  beforeEach(() => {
    sandbox?.faults.clear();
    sandbox?.clearRequests();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox is not running; call useDemoSandbox() inside describe()');
    return sandbox;
  };
}
