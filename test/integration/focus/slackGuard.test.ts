// The Slack guard against the sandbox's Slack Web API: snooze and status set for the block, the
// earlier status and snooze put back, and every fault the sandbox can produce.
import assert from 'node:assert/strict';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GuardError, type GuardFailureKind } from '../../../src/guards/guardError';
import { GuardOrchestrator } from '../../../src/app/focus/guardOrchestrator';
import { SlackGuard } from '../../../src/guards/slackGuard';
import type { Fault } from '../../sandbox/server';
import { DEMO, startFocusSandbox, type FocusSandbox } from './focusSandbox';

const min = 60_000;

describe('Slack guard (sandbox)', () => {
  let fx: FocusSandbox;
  let token: string;
  let timeoutMs: number | undefined;
  beforeEach(async () => {
    fx = await startFocusSandbox();
    token = DEMO.slackToken;
    timeoutMs = undefined;
  });
  afterEach(() => fx.close());

  const guard = () => new SlackGuard({ client: () => Promise.resolve(fx.slack(token, timeoutMs)), clock: fx.clock });
  const target = (minutes = 50): GuardTarget => ({ blockId: 'b1', type: 'deepWork', endsAt: fx.clock.now() + minutes * min });
  const orchestrator = (store = new MemorySharedStore(), g = guard(), windowId = 'w1') =>
    new GuardOrchestrator({ store, clock: fx.clock, log: silentLogger, windowId, guards: () => [{ guard: g, enabled: true }], retry: { baseMs: 1_000, maxMs: 60_000 } });
  const sec = (ms: number) => Math.floor(ms / 1000);

  it('snoozes for the block and sets a status that expires after it', async () => {
    const t = target(50);
    await orchestrator().reconcile(t);
    const u = fx.slackLead();
    assert.equal(u.snoozeEndsAt, sec(t.endsAt));
    assert.match(u.statusText, /^Focusing until \d\d:\d\d$/);
    assert.equal(u.statusEmoji, ':dart:');
    assert.equal(u.statusExpiration, sec(t.endsAt + 5 * min));
    assert.equal(fx.slackCalls('dnd.setSnooze'), 1);
    assert.equal(fx.slackCalls('users.profile.set'), 1);
  });

  it('puts back the earlier status text, emoji and expiry exactly, and the earlier snooze', async () => {
    const u = fx.slackLead();
    const expiration = sec(fx.clock.now() + 4 * 60 * min);
    const snooze = sec(fx.clock.now() + 2 * 60 * min);
    Object.assign(u, { statusText: 'Commuting', statusEmoji: ':bus:', statusExpiration: expiration, snoozeEndsAt: snooze });
    const o = orchestrator();
    const t = target(25);
    await o.reconcile(t);
    assert.equal(fx.slackLead().snoozeEndsAt, sec(t.endsAt));
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    const after = fx.slackLead();
    assert.deepEqual([after.statusText, after.statusEmoji, after.statusExpiration], ['Commuting', ':bus:', expiration]);
    assert.ok(Math.abs(after.snoozeEndsAt! - snooze) <= 60, 'the user\'s own snooze runs to its old end');
    assert.equal(o.records().slack.outcome, 'restored');
  });

  it('clears the status and ends the snooze when there was none', async () => {
    const o = orchestrator();
    await o.reconcile(target(25));
    await o.reconcile(undefined);
    const u = fx.slackLead();
    assert.deepEqual([u.statusText, u.statusEmoji, u.statusExpiration, u.snoozeEndsAt], ['', '', 0, null]);
    assert.equal(fx.slackCalls('dnd.endSnooze'), 1);
    assert.equal(o.records().slack.outcome, 'cleared');
  });

  it("leaves the user's own status and snooze alone", async () => {
    const o = orchestrator();
    await o.reconcile(target(25));
    Object.assign(fx.slackLead(), { statusText: 'In a meeting', statusEmoji: ':calendar:', statusExpiration: 0, snoozeEndsAt: sec(fx.clock.now() + 90 * min) });
    await o.reconcile(undefined);
    const u = fx.slackLead();
    assert.deepEqual([u.statusText, u.statusEmoji], ['In a meeting', ':calendar:']);
    assert.equal(u.snoozeEndsAt, sec(fx.clock.now() + 90 * min));
    assert.equal(fx.slackCalls('users.profile.set'), 1);
    assert.equal(fx.slackCalls('dnd.endSnooze'), 0);
  });

  it('finishes the restore after a crash, with a fresh guard and the stored records', async () => {
    Object.assign(fx.slackLead(), { statusText: 'Heads down', statusEmoji: ':headphones:' });
    const store = new MemorySharedStore();
    await orchestrator(store).reconcile(target(25));
    await orchestrator(store, guard(), 'w2').reconcile(undefined);
    const u = fx.slackLead();
    assert.deepEqual([u.statusText, u.statusEmoji, u.snoozeEndsAt], ['Heads down', ':headphones:', null]);
  });

  it('reports the scopes a read-only token lacks', async () => {
    token = DEMO.slackReadOnlyToken;
    const o = orchestrator();
    await o.reconcile(target(25));
    const rec = o.records().slack;
    assert.equal(rec.failure?.kind, 'missingScope');
    assert.deepEqual(rec.failure?.scopes, ['dnd:read']);
  });

  it('says "not connected" without a token', async () => {
    const g = new SlackGuard({ client: () => Promise.reject(new GuardError('notConnected', 'Connect Slack first.')), clock: fx.clock });
    await assert.rejects(g.snapshot(), (e) => GuardError.is(e, 'notConnected'));
  });

  const cases: Array<{ name: string; fault: Fault; kind: GuardFailureKind; waits?: boolean; timeoutMs?: number }> = [
    { name: 'unauthorized', fault: { kind: 'unauthorized' }, kind: 'unauthorized' },
    { name: 'missingScope', fault: { kind: 'missingScope', scope: 'users.profile:read' }, kind: 'missingScope' },
    { name: 'primaryRateLimit', fault: { kind: 'primaryRateLimit', resetInSeconds: 300 }, kind: 'rateLimited', waits: true },
    { name: 'graphqlRateLimited', fault: { kind: 'graphqlRateLimited', resetInSeconds: 300 }, kind: 'rateLimited', waits: true },
    { name: 'secondaryRateLimit', fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 300 }, kind: 'rateLimited', waits: true },
    { name: 'status 502', fault: { kind: 'status', status: 502 }, kind: 'offline' },
    { name: 'status 504', fault: { kind: 'status', status: 504 }, kind: 'offline' },
    { name: 'reset', fault: { kind: 'reset' }, kind: 'offline' },
    { name: 'malformedJson', fault: { kind: 'malformedJson' }, kind: 'offline' },
    { name: 'delay past the deadline', fault: { kind: 'delay', ms: 1_500 }, kind: 'offline', timeoutMs: 300 },
  ];

  for (const c of cases) {
    it(`fault ${c.name}: retried, then engaged and restored`, async () => {
      Object.assign(fx.slackLead(), { statusText: 'Remote', statusEmoji: ':house:' });
      timeoutMs = c.timeoutMs;
      fx.sandbox.faults.inject('slack users.profile.get', c.fault);
      const o = orchestrator();
      const t = target(50);
      await o.reconcile(t);
      const failed = o.records().slack;
      assert.equal(failed.phase, 'pending');
      assert.equal(failed.failure?.kind, c.kind, failed.failure?.message);
      if (c.waits) assert.ok(failed.nextAttemptAt! >= fx.clock.now() + 250_000);
      if (c.kind === 'missingScope') {
        // Not asked for again during the block; connecting Slack again is what retries it.
        assert.ok(failed.nextAttemptAt! >= t.endsAt);
        await o.retryNow();
      } else {
        fx.clock.set(failed.nextAttemptAt!);
      }
      // The short deadline only while the fault is there: a busy machine may answer slowly.
      timeoutMs = undefined;
      await o.reconcile(t);
      assert.equal(o.records().slack.phase, 'engaged');

      fx.sandbox.faults.inject('slack users.profile.get', c.fault);
      timeoutMs = c.timeoutMs;
      fx.clock.set(t.endsAt);
      await o.reconcile(undefined);
      assert.equal(o.records().slack.phase, 'releasing');
      timeoutMs = undefined;
      fx.clock.set(o.records().slack.nextAttemptAt!);
      await o.reconcile(undefined);
      assert.equal(o.records().slack.outcome, 'restored');
      assert.equal(fx.slackLead().statusText, 'Remote');
      const snooze = fx.slackLead().snoozeEndsAt;
      assert.ok(snooze === null || snooze * 1000 <= fx.clock.now(), 'not snoozing after the block');
      assert.equal(fx.sandbox.faults.pending(), 0);
    });
  }
});
