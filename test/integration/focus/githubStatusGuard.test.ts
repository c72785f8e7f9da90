// The GitHub Busy guard against the sandbox: GraphQL checked against GitHub's schema, the `user`
// scope enforced, and every fault the sandbox can produce.
import assert from 'node:assert/strict';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { GuardError, type GuardFailureKind } from '../../../src/guards/guardError';
import { GuardOrchestrator, type GuardEvent } from '../../../src/app/focus/guardOrchestrator';
import type { Fault } from '../../sandbox/server';
import { graphqlOperation } from './flakyNetwork';
import { DEMO, startFocusSandbox, type FocusSandbox } from './focusSandbox';

const min = 60_000;

describe('GitHub Busy guard (sandbox)', () => {
  let fx: FocusSandbox;
  let token: string;
  let timeoutMs: number | undefined;
  beforeEach(async () => {
    fx = await startFocusSandbox();
    token = DEMO.fullToken;
    timeoutMs = undefined;
  });
  afterEach(() => fx.close());

  const guard = () => new GitHubStatusGuard({ client: () => Promise.resolve(fx.github(token, timeoutMs)), clock: fx.clock });
  const target = (minutes = 50, blockId = 'b1'): GuardTarget => ({ blockId, type: 'deepWork', endsAt: fx.clock.now() + minutes * min });
  function orchestrator(store = new MemorySharedStore(), g = guard(), windowId = 'w1', events: GuardEvent[] = []) {
    return new GuardOrchestrator({ store, clock: fx.clock, log: silentLogger, windowId, guards: () => [{ guard: g, enabled: true }], onEvent: (e) => events.push(e), retry: { baseMs: 1_000, maxMs: 60_000 } });
  }

  it('sets Busy with "Focusing until", expiring a little after the block', async () => {
    const o = orchestrator();
    const t = target(50);
    await o.reconcile(t);
    const status = fx.lead().status!;
    assert.equal(status.limitedAvailability, true);
    assert.match(status.message!, /^Focusing until \d\d:\d\d$/);
    assert.equal(status.emoji, ':dart:');
    assert.equal(Date.parse(status.expiresAt!), t.endsAt + 5 * min);
    assert.equal(fx.changeUserStatusCount(), 1);
  });

  it('restores the earlier status exactly', async () => {
    const expiresAt = new Date(fx.clock.now() + 6 * 60 * min).toISOString().replace('.000Z', 'Z');
    fx.setStatus({ emoji: ':house:', message: 'Working from home', limitedAvailability: false, expiresAt });
    const o = orchestrator();
    const t = target(25);
    await o.reconcile(t);
    assert.equal(fx.lead().status!.limitedAvailability, true);
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    const s = fx.lead().status!;
    assert.deepEqual({ emoji: s.emoji, message: s.message, limitedAvailability: s.limitedAvailability, expiresAt: s.expiresAt }, { emoji: ':house:', message: 'Working from home', limitedAvailability: false, expiresAt });
    assert.equal(o.records().githubStatus.outcome, 'restored');
    assert.equal(fx.changeUserStatusCount(), 2);
  });

  it('restores a Busy status the user had set themselves', async () => {
    fx.setStatus({ emoji: ':palm_tree:', message: 'Half day', limitedAvailability: true });
    const o = orchestrator();
    await o.reconcile(target(25));
    await o.reconcile(undefined);
    const s = fx.lead().status!;
    assert.deepEqual([s.emoji, s.message, s.limitedAvailability, s.expiresAt], [':palm_tree:', 'Half day', true, null]);
  });

  it('clears the status when there was none before', async () => {
    fx.setStatus(null);
    const o = orchestrator();
    await o.reconcile(target(25));
    assert.ok(fx.lead().status);
    await o.reconcile(undefined);
    assert.equal(fx.lead().status, null);
    assert.equal(o.records().githubStatus.outcome, 'cleared');
  });

  it('does not bring back a status that would have expired during the block', async () => {
    fx.setStatus({ emoji: ':coffee:', message: 'Back at 10', expiresAt: new Date(fx.clock.now() + 10 * min).toISOString() });
    const o = orchestrator();
    const t = target(25);
    await o.reconcile(t);
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    assert.equal(fx.lead().status, null);
  });

  it("leaves the user's status alone when they changed it during the block", async () => {
    const o = orchestrator();
    await o.reconcile(target(50));
    fx.setStatus({ emoji: ':pizza:', message: 'Lunch', limitedAvailability: false });
    fx.clock.advance(10 * min);
    await o.reconcile(undefined);
    const s = fx.lead().status!;
    assert.deepEqual([s.emoji, s.message], [':pizza:', 'Lunch']);
    assert.equal(o.records().githubStatus.outcome, 'userChanged');
    assert.equal(fx.changeUserStatusCount(), 1, 'no write after the user took over');
  });

  it('does not overwrite the user\'s change when the block is extended', async () => {
    const o = orchestrator();
    const t = target(25);
    await o.reconcile(t);
    fx.setStatus({ emoji: ':phone:', message: 'On a call' });
    await o.reconcile({ ...t, endsAt: t.endsAt + 15 * min });
    assert.equal(fx.lead().status!.message, 'On a call');
    assert.equal(o.records().githubStatus.phase, 'userChanged');
  });

  it('moves the message and expiry with one write when the block is extended', async () => {
    const o = orchestrator();
    const t = target(25);
    await o.reconcile(t);
    await o.reconcile({ ...t, endsAt: t.endsAt + 15 * min });
    assert.equal(Date.parse(fx.lead().status!.expiresAt!), t.endsAt + 20 * min);
    assert.equal(fx.changeUserStatusCount(), 2);
  });

  it('finishes the restore after a crash, with a fresh guard and the stored records', async () => {
    fx.setStatus({ emoji: ':books:', message: 'Reading', limitedAvailability: false });
    const store = new MemorySharedStore();
    await orchestrator(store).reconcile(target(25));
    assert.equal(fx.lead().status!.limitedAvailability, true);
    // A new window: new client, new guard, new orchestrator; only the storage survives.
    const fresh = orchestrator(store, guard(), 'w2');
    await fresh.reconcile(undefined);
    const s = fx.lead().status!;
    assert.deepEqual([s.emoji, s.message, s.limitedAvailability], [':books:', 'Reading', false]);
  });

  it('without the user scope: the block goes on, the guard warns, and works once the scope is granted', async () => {
    token = DEMO.repoOnlyToken;
    const events: GuardEvent[] = [];
    const o = orchestrator(new MemorySharedStore(), guard(), 'w1', events);
    const t = target(50);
    await o.reconcile(t);
    const rec = o.records().githubStatus;
    assert.equal(rec.phase, 'engaging', 'the snapshot works with the base scopes; the write needs user');
    assert.equal(rec.failure?.kind, 'missingScope');
    assert.deepEqual(rec.failure?.scopes, ['user']);
    assert.equal(events.find((e) => e.kind === 'failed')?.kind, 'failed');
    assert.equal(fx.lead().status, null);
    token = DEMO.fullToken;
    fx.clock.set(rec.nextAttemptAt!);
    await o.reconcile(t);
    assert.equal(o.records().githubStatus.phase, 'engaged');
    assert.equal(fx.lead().status!.limitedAvailability, true);
  });

  it('sends documents the real GitHub schema accepts', async () => {
    await orchestrator().reconcile(target(25));
    const gql = fx.sandbox.requests.filter((r) => r.api === 'graphql');
    assert.deepEqual(gql.map((r) => [r.graphqlOperation, r.status]), [['LeadDeskViewerStatus', 200], ['LeadDeskChangeUserStatus', 200]]);
  });

  // Every fault the sandbox can produce, aimed at the snapshot read at the block's start (and, for
  // the restore, at the read at its end). Retries inside the client are exhausted on purpose.
  const cases: Array<{ name: string; fault: Fault | Fault[]; kind: GuardFailureKind; waitsUntilReset?: boolean; timeoutMs?: number }> = [
    { name: 'unauthorized', fault: { kind: 'unauthorized' }, kind: 'unauthorized' },
    { name: 'missingScope', fault: { kind: 'missingScope', scope: 'read:user' }, kind: 'missingScope' },
    { name: 'primaryRateLimit 403', fault: { kind: 'primaryRateLimit', resetInSeconds: 600 }, kind: 'rateLimited', waitsUntilReset: true },
    { name: 'primaryRateLimit 429', fault: { kind: 'primaryRateLimit', status: 429, resetInSeconds: 600 }, kind: 'rateLimited', waitsUntilReset: true },
    { name: 'graphqlRateLimited', fault: { kind: 'graphqlRateLimited', resetInSeconds: 600 }, kind: 'rateLimited', waitsUntilReset: true },
    { name: 'secondaryRateLimit', fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 120 }, kind: 'rateLimited', waitsUntilReset: true },
    { name: 'secondaryRateLimit 429, short', fault: [{ kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 1 }, { kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 1 }], kind: 'rateLimited' },
    { name: 'status 502', fault: Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502 })), kind: 'offline' },
    { name: 'status 504', fault: Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 504 })), kind: 'offline' },
    { name: 'reset', fault: Array.from({ length: 3 }, () => ({ kind: 'reset' as const })), kind: 'offline' },
    { name: 'malformedJson', fault: { kind: 'malformedJson' }, kind: 'offline' },
    { name: 'delay past the deadline', fault: { kind: 'delay', ms: 1_500 }, kind: 'offline', timeoutMs: 300 },
  ];

  for (const c of cases) {
    it(`fault ${c.name}: the block keeps its guard retrying, then engages and restores`, async () => {
      fx.setStatus({ emoji: ':house:', message: 'Remote', limitedAvailability: false });
      timeoutMs = c.timeoutMs;
      fx.sandbox.faults.inject('POST /graphql', c.fault);
      const o = orchestrator();
      const t = target(50);
      await o.reconcile(t);
      const failed = o.records().githubStatus;
      assert.equal(failed.phase, 'pending');
      assert.equal(failed.failure?.kind, c.kind);
      if (c.waitsUntilReset) assert.ok(failed.nextAttemptAt! >= fx.clock.now() + 100_000, `waits for the limit (${failed.nextAttemptAt! - fx.clock.now()} ms)`);
      else if (c.kind === 'missingScope') assert.ok(failed.nextAttemptAt! >= t.endsAt, 'a missing scope is not asked for again during the block');
      else assert.ok(failed.nextAttemptAt! <= fx.clock.now() + 5_000, 'a short problem is retried soon');
      assert.equal(fx.lead().status!.message, 'Remote', 'nothing was changed');
      // Signing in again with the scope is what retries a missing one.
      if (c.kind === 'missingScope') await o.retryNow();
      else fx.clock.set(failed.nextAttemptAt!);
      // The short deadline only while the fault is there: a busy machine may answer slowly.
      timeoutMs = undefined;
      await o.reconcile(t);
      assert.equal(o.records().githubStatus.phase, 'engaged');

      // The same fault at the end: the restore is retried until it works.
      fx.sandbox.faults.inject('POST /graphql', c.fault);
      timeoutMs = c.timeoutMs;
      fx.clock.set(t.endsAt);
      await o.reconcile(undefined);
      const releasing = o.records().githubStatus;
      assert.equal(releasing.phase, 'releasing');
      assert.equal(releasing.failure?.kind, c.kind);
      timeoutMs = undefined;
      fx.clock.set(releasing.nextAttemptAt!);
      await o.reconcile(undefined);
      assert.equal(o.records().githubStatus.outcome, 'restored');
      assert.equal(fx.lead().status!.message, 'Remote');
      assert.equal(fx.sandbox.faults.pending(), 0, 'every injected fault was met');
    });
  }

  it('a lost answer to the write (GitHub applied it) is still undone', async () => {
    fx.setStatus(null);
    fx.network.loseAnswerOf(graphqlOperation('LeadDeskChangeUserStatus'));
    const o = orchestrator();
    await o.reconcile(target(25));
    assert.equal(o.records().githubStatus.phase, 'engaging');
    assert.equal(fx.lead().status?.limitedAvailability, true, 'the sandbox applied it though the answer was lost');
    fx.network.restore();
    await o.reconcile(undefined);
    assert.equal(fx.lead().status, null);
  });

  it('maps a failure to GuardError for callers outside the orchestrator', async () => {
    token = 'ghp_unknown';
    await assert.rejects(guard().snapshot(), (e) => GuardError.is(e, 'unauthorized'));
  });
});
