import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GuardOrchestrator, type GuardEvent } from '../../../src/app/focus/guardOrchestrator';
import { guardRecordKey } from '../../../src/core/focus/sharedStore';
import { CountingGuard, FakeGuard, missingScope, offline, rateLimited, recordingLogger, type FakeWorld } from './fakeGuard';

/** Where every guard's record lived before each had a key of its own. */
const legacyKey = 'leadDesk.focus.guards';
const min = 60_000;
const t0 = Date.UTC(2025, 5, 10, 7, 0);

function setup(options: { worlds?: number; enabled?: boolean[] } = {}) {
  const clock = new ManualClock(t0);
  const store = new MemorySharedStore();
  const worlds: FakeWorld[] = Array.from({ length: options.worlds ?? 1 }, () => ({ status: null, writes: 0, reads: 0 }));
  const guards = worlds.map((w, i) => new FakeGuard(`g${i}`, w, () => clock.now()));
  const enabled = options.enabled ?? guards.map(() => true);
  const events: GuardEvent[] = [];
  const make = (windowId = 'w1') =>
    new GuardOrchestrator({ store, clock, log: silentLogger, windowId, guards: () => guards.map((guard, i) => ({ guard, enabled: enabled[i] })), onEvent: (e) => events.push(e) });
  return { clock, store, worlds, guards, enabled, events, orchestrator: make(), make };
}

const block = (endsAt = t0 + 50 * min, blockId = 'b1'): GuardTarget => ({ blockId, type: 'deepWork', endsAt });

describe('guard orchestration', () => {
  it('snapshots, engages, and restores exactly what was there', async () => {
    const { orchestrator, worlds, clock } = setup();
    worlds[0].status = { text: 'In a meeting', expiresAt: null };
    await orchestrator.reconcile(block());
    assert.deepEqual(worlds[0].status, { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min });
    assert.equal(orchestrator.records().g0.phase, 'engaged');
    clock.advance(50 * min);
    await orchestrator.reconcile(undefined);
    assert.deepEqual(worlds[0].status, { text: 'In a meeting', expiresAt: null });
    assert.equal(orchestrator.records().g0.outcome, 'restored');
    assert.equal(worlds[0].writes, 2);
  });

  it('does nothing more while nothing changes', async () => {
    const { orchestrator, worlds } = setup();
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.hasWork(block()), false);
    await orchestrator.reconcile(block());
    await orchestrator.reconcile(block(t0 + 50 * min + 10_000));
    assert.equal(worlds[0].writes, 1, 'a move of less than a minute is not worth a write');
  });

  it('updates the busy state once when the block is extended', async () => {
    const { orchestrator, worlds } = setup();
    await orchestrator.reconcile(block());
    await orchestrator.reconcile(block(t0 + 65 * min));
    assert.equal(worlds[0].status?.text, `busy until ${t0 + 65 * min}`);
    assert.equal(worlds[0].writes, 2);
  });

  it("leaves the user's own change alone, during and after the block", async () => {
    const { orchestrator, worlds } = setup();
    await orchestrator.reconcile(block());
    worlds[0].status = { text: 'Lunch', expiresAt: null };
    await orchestrator.reconcile(block(t0 + 65 * min));
    assert.equal(orchestrator.records().g0.phase, 'userChanged');
    await orchestrator.reconcile(undefined);
    assert.deepEqual(worlds[0].status, { text: 'Lunch', expiresAt: null });
    assert.equal(orchestrator.records().g0.outcome, 'userChanged');
  });

  it('engages all guards at the same time, not one after another', async () => {
    const { orchestrator, guards } = setup({ worlds: 3 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    guards.forEach((g) => (g.gate = gate));
    const running = orchestrator.reconcile(block());
    await new Promise((r) => setImmediate(r));
    // All three are waiting inside snapshot() at once.
    release();
    await running;
    assert.deepEqual(guards.map((g) => g.world.writes), [1, 1, 1]);
  });

  it('does not let a guard that hangs hold up the others, and counts the hang as a failure', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const hung: FakeWorld = { status: null, writes: 0, reads: 0 };
    const ok: FakeWorld = { status: null, writes: 0, reads: 0 };
    const stuck = new FakeGuard('stuck', hung, () => clock.now());
    stuck.gate = new Promise<void>(() => undefined);
    const fine = new FakeGuard('fine', ok, () => clock.now());
    const events: GuardEvent[] = [];
    const o = new GuardOrchestrator({ store, clock, log: silentLogger, windowId: 'w', callTimeoutMs: 50, onEvent: (e) => events.push(e), guards: () => [{ guard: stuck, enabled: true }, { guard: fine, enabled: true }] });
    const first = o.reconcile(block());
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(ok.writes, 1, 'the healthy guard engaged while the other hangs');
    await o.reconcile(undefined);
    assert.equal(ok.status, null, 'and was released while the other still hangs');
    await first;
    const failed = events.find((e) => e.kind === 'failed' && e.guard === stuck);
    assert.equal(failed?.kind === 'failed' && failed.error.kind, 'offline');
    assert.match(failed?.kind === 'failed' ? failed.error.message : '', /did not finish reading what is there within/);
    assert.equal(o.records().stuck?.phase, 'released', 'nothing was set, so the ended block leaves nothing to undo');
    assert.equal(hung.writes, 0);
  });

  it('keeps the block running when a guard fails, and retries with backoff', async () => {
    const { orchestrator, guards, worlds, clock, events } = setup({ worlds: 2 });
    guards[0].failNext('engage', offline(), offline());
    await orchestrator.reconcile(block());
    assert.equal(worlds[1].writes, 1, 'the other guard is not held up');
    const rec = orchestrator.records().g0;
    assert.equal(rec.phase, 'engaging');
    assert.equal(rec.failure?.kind, 'offline');
    assert.equal(rec.nextAttemptAt, t0 + 5_000);
    assert.equal(events.filter((e) => e.kind === 'failed').length, 1);

    clock.advance(4_000);
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.attempts, 1, 'not retried before the backoff');
    clock.advance(1_000);
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.attempts, 2);
    assert.equal(orchestrator.records().g0.nextAttemptAt, clock.now() + 10_000, 'the wait doubles');
    assert.equal(events.filter((e) => e.kind === 'failed').length, 1, 'the same problem is reported once');
    clock.advance(10_000);
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.phase, 'engaged');
    assert.equal(orchestrator.records().g0.failure, undefined);
    assert.equal(worlds[0].writes, 1);
  });

  it('waits until a rate limit resets', async () => {
    const { orchestrator, guards, clock } = setup();
    guards[0].failNext('snapshot', rateLimited(t0 + 10 * min));
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.phase, 'pending');
    assert.equal(orchestrator.nextDueAt(), t0 + 10 * min);
    clock.set(t0 + 10 * min);
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.phase, 'engaged');
  });

  it('retries at once when the user fixed the cause (signed in, connected)', async () => {
    const { orchestrator, guards } = setup();
    guards[0].failNext('snapshot', missingScope());
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.hasWork(block()), false, 'waiting for the backoff');
    await orchestrator.retryNow();
    assert.equal(orchestrator.hasWork(block()), true);
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.phase, 'engaged');
  });

  it('reports a missing scope so the user can be asked for it', async () => {
    const { orchestrator, guards, events } = setup();
    guards[0].failNext('snapshot', missingScope());
    await orchestrator.reconcile(block());
    const failed = events.find((e) => e.kind === 'failed');
    assert.equal(failed?.kind === 'failed' && failed.error.kind, 'missingScope');
    assert.deepEqual(orchestrator.records().g0.failure?.scopes, ['user']);
  });

  it('forgets a guard that never got its snapshot when the block ends', async () => {
    const { orchestrator, guards, worlds } = setup();
    guards[0].failNext('snapshot', offline());
    await orchestrator.reconcile(block());
    await orchestrator.reconcile(undefined);
    assert.equal(orchestrator.records().g0.phase, 'released');
    assert.equal(worlds[0].writes, 0);
  });

  it('undoes an engage whose answer was lost (it may have happened)', async () => {
    const { orchestrator, guards, worlds } = setup();
    worlds[0].status = { text: 'Before', expiresAt: null };
    // The write lands, the answer does not.
    const original = guards[0].engage.bind(guards[0]);
    guards[0].engage = async (plan, previous) => {
      await original(plan, previous);
      throw offline();
    };
    await orchestrator.reconcile(block());
    assert.equal(orchestrator.records().g0.phase, 'engaging');
    await orchestrator.reconcile(undefined);
    assert.deepEqual(worlds[0].status, { text: 'Before', expiresAt: null });
  });

  it('retries a failed restore until it works', async () => {
    const { orchestrator, guards, worlds, clock } = setup();
    await orchestrator.reconcile(block());
    clock.advance(50 * min);
    guards[0].failNext('release', offline(), offline());
    await orchestrator.reconcile(undefined);
    assert.equal(orchestrator.records().g0.phase, 'releasing');
    assert.ok(orchestrator.hasWork(undefined) === false, 'nothing to do before the retry is due');
    clock.advance(5_000);
    await orchestrator.reconcile(undefined);
    clock.advance(10_000);
    await orchestrator.reconcile(undefined);
    assert.equal(orchestrator.records().g0.phase, 'released');
    assert.equal(worlds[0].status, null);
  });

  it('stops retrying a restore once our status has expired by itself, quietly', async () => {
    const { orchestrator, guards, clock, events } = setup();
    await orchestrator.reconcile(block());
    clock.advance(50 * min);
    guards[0].failNext('release', ...Array.from({ length: 50 }, offline));
    for (let i = 0; i < 20 && orchestrator.records().g0.phase !== 'released'; i++) {
      await orchestrator.reconcile(undefined);
      clock.set(orchestrator.nextDueAt() ?? clock.now());
    }
    const rec = orchestrator.records().g0;
    assert.equal(rec.phase, 'released');
    assert.equal(rec.outcome, 'expired');
    assert.ok(clock.now() >= t0 + 55 * min && clock.now() < t0 + 56 * min, 'the last try is at the deadline');
    assert.equal(events.filter((e) => e.kind === 'gaveUp').length, 0);
  });

  it('tells the user when a status could finally not be restored', async () => {
    const { orchestrator, guards, worlds, clock, events } = setup();
    worlds[0].status = { text: 'On vacation', expiresAt: null };
    await orchestrator.reconcile(block());
    clock.advance(50 * min);
    guards[0].failNext('release', ...Array.from({ length: 400 }, offline));
    for (let i = 0; i < 400 && orchestrator.records().g0.phase === 'releasing' || i === 0; i++) {
      await orchestrator.reconcile(undefined);
      clock.set(orchestrator.nextDueAt() ?? clock.now());
    }
    assert.equal(orchestrator.records().g0.phase, 'gaveUp');
    assert.equal(events.filter((e) => e.kind === 'gaveUp').length, 1);
    assert.ok(clock.now() >= t0 + 50 * min + 24 * 60 * min);
  });

  it('finishes a restore after a crash from the stored records, in a fresh instance', async () => {
    const first = setup();
    first.worlds[0].status = { text: 'Before', expiresAt: null };
    await first.orchestrator.reconcile(block());
    // The window dies. A new one starts with the same storage and a new guard instance.
    const freshGuard = new FakeGuard('g0', first.worlds[0], () => first.clock.now());
    const fresh = new GuardOrchestrator({ store: first.store, clock: first.clock, log: silentLogger, windowId: 'w2', guards: () => [{ guard: freshGuard, enabled: true }] });
    assert.equal(fresh.hasWork(undefined), true);
    await fresh.reconcile(undefined);
    assert.deepEqual(first.worlds[0].status, { text: 'Before', expiresAt: null });
    assert.equal(fresh.records().g0.by, 'w2');
  });

  it('releases a guard turned off during the block, and engages one turned on', async () => {
    const { orchestrator, worlds, enabled } = setup({ worlds: 2, enabled: [true, false] });
    await orchestrator.reconcile(block());
    assert.equal(worlds[1].writes, 0);
    enabled[0] = false;
    enabled[1] = true;
    await orchestrator.reconcile(block());
    assert.equal(worlds[0].status, null);
    assert.equal(worlds[1].status?.text, `busy until ${t0 + 50 * min}`);
  });

  it('restores the last block before snapshotting the next one', async () => {
    const { orchestrator, guards, worlds, clock } = setup();
    worlds[0].status = { text: 'Before', expiresAt: null };
    await orchestrator.reconcile(block());
    guards[0].failNext('release', offline());
    await orchestrator.reconcile(undefined);
    // A new block starts while the restore is still failing.
    await orchestrator.reconcile(block(t0 + 90 * min, 'b2'));
    assert.equal(orchestrator.records().g0.blockId, 'b1', 'no snapshot of our own busy status');
    clock.advance(5_000);
    await orchestrator.reconcile(block(t0 + 90 * min, 'b2'));
    await orchestrator.reconcile(block(t0 + 90 * min, 'b2'));
    const rec = orchestrator.records().g0;
    assert.equal(rec.blockId, 'b2');
    assert.deepEqual(rec.snapshot, { text: 'Before', expiresAt: null });
  });

  it('folds overlapping calls into one more run with the newest target', async () => {
    const { orchestrator, guards, worlds } = setup();
    let release!: () => void;
    guards[0].gate = new Promise<void>((r) => (release = r));
    const a = orchestrator.reconcile(block());
    const b = orchestrator.reconcile(block());
    const c = orchestrator.reconcile(undefined);
    release();
    await Promise.all([a, b, c]);
    assert.equal(worlds[0].writes, 2, 'engaged once and released once');
    assert.equal(worlds[0].status, null);
  });

  it('adversarial: stores the new plan, with the previous one, before an update is sent', async () => {
    const { orchestrator, guards, worlds, clock } = setup();
    worlds[0].status = { text: 'Working from home', expiresAt: null };
    await orchestrator.reconcile(block());
    const stored: unknown[] = [];
    const original = guards[0].engage.bind(guards[0]);
    guards[0].engage = async (plan, previous) => {
      const rec = orchestrator.records().g0;
      stored.push({ plan: rec.plan, previousPlan: rec.previousPlan });
      // The update lands and its answer is lost.
      await original(plan, previous);
      throw offline();
    };
    await orchestrator.reconcile(block(t0 + 65 * min));
    assert.deepEqual(stored, [{ plan: { text: `busy until ${t0 + 65 * min}`, expiresAt: t0 + 70 * min }, previousPlan: { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min } }]);
    guards[0].engage = original;
    clock.set(orchestrator.nextDueAt()!);
    await orchestrator.reconcile(block(t0 + 65 * min));
    assert.equal(orchestrator.records().g0.phase, 'engaged');
    await orchestrator.reconcile(undefined);
    assert.deepEqual(worlds[0].status, { text: 'Working from home', expiresAt: null });
  });

  it('adversarial: a damaged record is dropped or repaired with one warning, and nothing throws on any heartbeat', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const worlds: FakeWorld[] = [0, 1, 2].map(() => ({ status: null, writes: 0, reads: 0 }));
    const guards = worlds.map((w, i) => new FakeGuard(`g${i}`, w, () => clock.now()));
    const { log, lines } = recordingLogger();
    worlds[1].status = { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min };
    await store.update(legacyKey, {
      // Engaged without a plan: nothing is known about what was set.
      g0: { guardId: 'g0', blockId: 'b1', phase: 'engaged', snapshot: null, attempts: 0, updatedAt: t0, by: 'w0' },
      // Usable, with numbers that are not.
      g1: { guardId: 'g1', blockId: 'b1', phase: 'engaged', snapshot: null, plan: { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min }, attempts: 'x', nextAttemptAt: null, updatedAt: 'soon', by: 'w0' },
      g2: { phase: 'dancing' },
    });
    const o = new GuardOrchestrator({ store, clock, log, windowId: 'w1', guards: () => guards.map((guard) => ({ guard, enabled: true })) });
    for (let i = 0; i < 5; i++) {
      await o.reconcile(undefined);
      clock.advance(5_000);
    }
    assert.deepEqual(lines.filter((l) => l.level === 'error'), []);
    const warnings = lines.filter((l) => l.level === 'warn').map((l) => l.message);
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings.join('\n'), /fake g0: the stored record was damaged \(its plan is missing or damaged\), so it was dropped/);
    assert.equal(o.records().g1.outcome, 'cleared', 'the repaired record was acted on');
    assert.equal(worlds[1].status, null);
    assert.equal(o.records().g0, undefined);
    assert.equal(store.get(legacyKey), undefined, 'the healed records replaced the old map');
  });

  it("adversarial: another window's stale copy of global state put back over the records neither engages nor restores twice", async () => {
    // A window that writes global state writes all of it, as it last saw it: a copy from before
    // this window engaged (no record, or one still engaging) lands over the engaged record.
    const { store, worlds, clock } = setup();
    const guards = [new CountingGuard('g0', worlds[0], () => clock.now())];
    const orchestrator = new GuardOrchestrator({ store, clock, log: silentLogger, windowId: 'w1', guards: () => guards.map((guard) => ({ guard, enabled: true })) });
    await orchestrator.reconcile(block());
    assert.equal(guards[0].engages, 1);
    await store.update(guardRecordKey('g0'), undefined);
    clock.advance(min);
    await orchestrator.reconcile(block());
    assert.equal(guards[0].engages, 1, 'engaged once: a record gone under it is put back, not engaged afresh');
    const engaged = store.get<{ phase: string }>(guardRecordKey('g0'));
    assert.equal(engaged?.phase, 'engaged', 'the record is written again');

    clock.advance(49 * min);
    await orchestrator.reconcile(undefined);
    assert.equal(guards[0].releases, 1);
    await store.update(guardRecordKey('g0'), engaged);
    clock.advance(min);
    await orchestrator.reconcile(undefined);
    assert.equal(guards[0].releases, 1, 'restored once: an engaged record older than the release is not released again');
    assert.equal(orchestrator.records().g0.phase, 'released');
    assert.equal(worlds[0].writes, 2);
  });

  it('keeps each guard\'s record under its own key, migrating the old combined record', async () => {
    const { orchestrator, store, worlds } = setup({ worlds: 2 });
    worlds[0].status = { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min };
    const engaged = { guardId: 'g0', blockId: 'b1', phase: 'engaged', snapshot: { text: 'Before', expiresAt: null }, plan: { text: `busy until ${t0 + 50 * min}`, expiresAt: t0 + 55 * min }, attempts: 0, updatedAt: t0, by: 'w0' };
    await store.update(legacyKey, { g0: engaged });
    assert.equal(orchestrator.records().g0.phase, 'engaged', 'read from the old map');
    await orchestrator.reconcile(block(t0 + 90 * min, 'b2'));
    await orchestrator.reconcile(block(t0 + 90 * min, 'b2'));
    assert.deepEqual(worlds[0].status?.text, `busy until ${t0 + 90 * min}`);
    assert.equal(store.get(legacyKey), undefined);
    assert.equal(store.get<{ blockId: string }>(guardRecordKey('g0'))?.blockId, 'b2');
    assert.equal(store.get<{ blockId: string }>(guardRecordKey('g1'))?.blockId, 'b2');
    await orchestrator.reconcile(undefined);
    assert.deepEqual(worlds[0].status, { text: 'Before', expiresAt: null }, 'the old block was restored before the new one snapshotted');
  });
});
