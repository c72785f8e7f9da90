import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { Fault } from '../../sandbox/faults/faultTypes';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { describeQueueStatus } from '../../../src/core/queue/queueStatus';
import { makeClient, queueHarness } from '../queue/queueHarness';
import { drainEvents, type FaultColumn, hangSwitch, MatrixRow, unhandledRejections, writesIn } from './faultMatrix';

// The queue refresh row of the fault matrix: the real refresh path (planner → one GraphQL request
// → parser → scheduler) against the sandbox over HTTP, with the scheduler on a fake clock.

interface FaultCase {
  readonly column: FaultColumn;
  readonly name: string;
  /** A fault on every GraphQL request, or GitHub unreachable altogether. */
  readonly fault: Fault | 'offline' | 'hang';
  readonly kind: string;
  /** The few words the view's description shows. */
  readonly summary: string;
  /** What happened and, where the user must act, what to do. */
  readonly message: RegExp;
  /** GitHub's own wait, in seconds, that the next attempt must respect. */
  readonly waitSeconds?: number;
}

const cases: FaultCase[] = [
  { column: '401', name: '401 Bad credentials', fault: { kind: 'unauthorized' }, kind: 'unauthorized', summary: 'sign-in needed', message: /^GitHub did not accept your sign-in \(401\)\. Sign in again or use another token\.$/ },
  { column: 'missing scope', name: 'missing scope (INSUFFICIENT_SCOPES)', fault: { kind: 'missingScope', scope: 'read:org' }, kind: 'missingScope', summary: "missing 'read:org' scope", message: /^Your GitHub sign-in lacks the 'read:org' scope that the review queue needs\. Sign in again and grant it\.$/ },
  { column: 'primary rate limit', name: 'primary rate limit, 403 with x-ratelimit-remaining 0', fault: { kind: 'primaryRateLimit', resetInSeconds: 900 }, kind: 'rateLimited', summary: 'rate limited', message: /^GitHub's rate limit for your account is used up until \d\d:\d\d\. The queue keeps its last data meanwhile\.$/, waitSeconds: 900 },
  { column: 'primary rate limit', name: 'primary rate limit, 429', fault: { kind: 'primaryRateLimit', status: 429, resetInSeconds: 600 }, kind: 'rateLimited', summary: 'rate limited', message: /used up until \d\d:\d\d/, waitSeconds: 600 },
  { column: 'secondary rate limit', name: 'secondary rate limit with retry-after', fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 120 }, kind: 'secondaryRateLimited', summary: 'GitHub asked to slow down', message: /^GitHub asked Lead Desk to slow down \(secondary rate limit\) until \d\d:\d\d\.$/, waitSeconds: 120 },
  { column: 'secondary rate limit', name: 'secondary rate limit, 429', fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 90, status: 429 }, kind: 'secondaryRateLimited', summary: 'GitHub asked to slow down', message: /secondary rate limit/, waitSeconds: 90 },
  { column: 'GraphQL error at 200', name: 'GraphQL RATE_LIMITED at HTTP 200', fault: { kind: 'graphqlRateLimited', resetInSeconds: 1200 }, kind: 'rateLimited', summary: 'rate limited', message: /used up until \d\d:\d\d/, waitSeconds: 1200 },
  { column: 'GraphQL error at 200', name: 'GraphQL partial data beside errors at HTTP 200', fault: { kind: 'graphqlPartialData', field: 'reviewRequested' }, kind: 'server', summary: 'partial answer', message: /^GitHub could not finish the queue's searches and sent only part of the answer\.$/ },
  { column: '502', name: '502 Bad Gateway', fault: { kind: 'status', status: 502 }, kind: 'server', summary: 'GitHub error 502', message: /^GitHub had a server error \(502\)\.$/ },
  { column: '502', name: '504 Gateway Timeout', fault: { kind: 'status', status: 504 }, kind: 'server', summary: 'GitHub error 504', message: /server error \(504\)/ },
  { column: 'hang/timeout', name: 'GitHub never answers', fault: 'hang', kind: 'timeout', summary: 'GitHub timed out', message: /^GitHub did not answer in time\.$/ },
  { column: 'connection reset', name: 'connection reset', fault: { kind: 'reset' }, kind: 'offline', summary: 'offline', message: /^Could not reach GitHub\. Check your connection or leadDesk\.github\.apiUrl\.$/ },
  { column: 'malformed JSON', name: 'malformed JSON', fault: { kind: 'malformedJson' }, kind: 'malformed', summary: 'unreadable answer', message: /^GitHub sent an answer that could not be read\.$/ },
  { column: 'offline', name: 'offline (nothing listening)', fault: 'offline', kind: 'offline', summary: 'offline', message: /^Could not reach GitHub\. Check your connection or leadDesk\.github\.apiUrl\.$/ },
];

const row = new MatrixRow('queue refresh');

describe('fault matrix: queue refresh against the sandbox', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  const unhandled = unhandledRejections();

  before(async () => {
    unhandled.install();
    sandbox = await startSandbox({ scenario: loadScenario('demo') });
  });
  after(async () => {
    unhandled.remove();
    await sandbox.close();
    console.log(`\n${MatrixRow.header()}\n${row.format()}\n`);
  });
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.clearRequests();
    unhandled.seen.length = 0;
  });

  for (const c of cases) {
    const passed = row.cell(c.column);
    it(`${c.column}: ${c.name}: keeps the last good data, says what happened, writes nothing, and recovers`, async () => {
      const hang = hangSwitch();
      const h = queueHarness(makeClient(sandbox, DEMO.fullToken, { deadline: hang.deadline }));
      h.scheduler.start();
      await h.scheduler.refresh();
      const good = h.scheduler.state.data;
      assert.ok(good, 'the first refresh loads');
      const before = sandbox.requests.length;

      const injectedAt = Date.now();
      if (c.fault === 'offline') await sandbox.offline();
      else sandbox.faults.persist('graphql', c.fault === 'hang' ? hang.fault() : c.fault);
      // The scheduler's clock is fake but GitHub's reset times are real, so this attempt runs now.
      await h.clock.advance(60_000);
      await h.scheduler.refresh();
      const state = h.scheduler.state;
      assert.equal(state.failure?.kind, c.kind, state.failure?.message);
      assert.equal(state.data, good, 'the last good data stays');
      assert.equal(state.failure.summary, c.summary);
      assert.match(state.failure.message, c.message);
      const status = describeQueueStatus(state, h.clock.now());
      assert.ok(status.startsWith(`updated 1 min ago · ${c.summary}, retrying at `), status);
      // A retry that falls on the next day also names it ("Fri 00:02"), as near midnight it may.
      assert.match(status, /retrying at (?:\p{L}+\.? )?\d\d:\d\d$/u);
      const attempts = sandbox.requests.length - before;
      assert.ok(attempts >= (c.fault === 'offline' ? 0 : 1) && attempts <= 3, `${attempts} requests for one refresh: retries stay inside Octokit's small budget`);
      if (c.waitSeconds !== undefined) {
        // GitHub's reset time is absolute (x-ratelimit-reset); retry-after counts from the answer.
        const retryAt = state.failure.retryAt;
        assert.ok(retryAt !== undefined && retryAt >= injectedAt + c.waitSeconds * 1000 - 2000, `GitHub's wait of ${c.waitSeconds}s was not read: ${String(retryAt)}`);
        assert.ok(state.nextAttemptAt! >= retryAt, `retries at ${new Date(state.nextAttemptAt!).toISOString()}, before ${new Date(retryAt).toISOString()}`);
        // Asking by hand inside GitHub's window sends nothing.
        const sent = sandbox.requests.length;
        const manual = await h.scheduler.refresh('manual');
        assert.equal(manual.ok, false);
        assert.equal(sandbox.requests.length, sent);
      }

      if (c.fault === 'offline') await sandbox.online();
      sandbox.faults.clear();
      await h.runNextAttempt();
      assert.equal(h.scheduler.state.failure, undefined, 'recovers by itself once the fault clears');
      assert.notEqual(h.scheduler.state.data, good);
      assert.equal(h.scheduler.state.failures, 0);
      assert.deepEqual(writesIn(sandbox), [], 'a refresh never writes');
      await drainEvents();
      assert.deepEqual(unhandled.seen, [], 'no unhandled rejection');
      passed();
    });
  }

  it('backs off exponentially while a fault lasts, never a retry storm', async () => {
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken));
    h.scheduler.start();
    await h.scheduler.refresh();
    sandbox.faults.persist('graphql', { kind: 'status', status: 502 });
    const gaps: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const from = h.clock.now();
      await h.runNextAttempt();
      gaps.push(h.scheduler.state.nextAttemptAt! - h.clock.now());
      assert.ok(h.clock.now() > from);
    }
    assert.deepEqual(gaps, [30_000, 60_000, 120_000, 240_000]);
    assert.ok(sandbox.requests.length <= 1 + 4 * 3, `${sandbox.requests.length} requests`);
  });

  it('reads unexpected payload shapes without breaking: nulls, missing fields, a deleted author', async () => {
    // The sandbox answers for real; the answer is then mangled the ways GitHub's can differ.
    const mangle = (node: Record<string, unknown>, i: number) => {
      if (i % 5 === 0) node.author = null;
      if (i % 5 === 1) delete node.title;
      if (i % 5 === 2) node.statusCheckRollup = { state: 'NEW_STATE' };
      if (i % 5 === 3) node.timelineItems = null;
      if (i % 5 === 4) node.additions = null;
    };
    const mangling: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const body = (await res.json()) as { data?: Record<string, { nodes?: Array<Record<string, unknown> | null> } | null> };
      for (const value of Object.values(body.data ?? {})) value?.nodes?.forEach((n, i) => n && mangle(n, i));
      if (body.data?.mine?.nodes) body.data.mine.nodes.push(null, { __typename: 'Issue' });
      return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
    };
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken, { fetch: mangling }));
    const outcome = await h.scheduler.refresh('manual');
    assert.deepEqual(outcome, { ok: true });
    const prs = Object.values(h.scheduler.state.data!.results).flatMap((r) => r.pullRequests);
    assert.ok(prs.some((p) => p.author === undefined));
    assert.ok(prs.every((p) => typeof p.title === 'string' && p.title.length > 0));
    assert.ok(prs.every((p) => Number.isFinite(p.additions)));
  });
});
