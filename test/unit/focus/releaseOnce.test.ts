import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { guardRecordKey, MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GuardOrchestrator, type GuardEvent } from '../../../src/app/focus/guardOrchestrator';
import { CountingGuard, type FakeWorld } from './fakeGuard';

const min = 60_000;
const t0 = Date.UTC(2025, 5, 10, 7, 0);
const block: GuardTarget = { blockId: 'b-release-once', type: 'deepWork', endsAt: t0 + 50 * min };

describe('releasing a guard once per block', () => {
  it('a second release 100 ms after the first joins it, and the view keeps what the first one did', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const world: FakeWorld = { status: { text: 'In a meeting', expiresAt: null }, writes: 0, reads: 0 };
    const guard = new CountingGuard('g0', world, () => clock.now());
    const events: GuardEvent[] = [];
    // Two heartbeats over the same storage in one extension host (a coordinator rebuilt while the
    // old one was still restoring): each has its own orchestrator.
    const make = (windowId: string) => new GuardOrchestrator({ store, clock, log: silentLogger, windowId, guards: () => [{ guard, enabled: true }], onEvent: (e) => events.push(e) });
    const first = make('w1');
    await first.reconcile(block);
    assert.equal(first.records().g0.phase, 'engaged');

    clock.advance(50 * min);
    let open!: () => void;
    guard.gate = new Promise<void>((resolve) => (open = resolve));
    const releasing = first.reconcile(undefined);
    await new Promise((r) => setImmediate(r));
    clock.advance(100);
    const second = make('w2').reconcile(undefined);
    await new Promise((r) => setImmediate(r));
    open();
    await Promise.all([releasing, second]);

    assert.equal(guard.releases, 1, 'the guard is asked to restore once');
    assert.deepEqual(world.status, { text: 'In a meeting', expiresAt: null });
    assert.equal(first.records().g0.phase, 'released');
    assert.equal(first.records().g0.outcome, 'restored', 'not "left as you set it"');
    assert.equal(events.filter((e) => e.kind === 'released').length, 1, 'one release is reported');
  });

  it('a restore that already finished for this block is not overwritten by a late one', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const world: FakeWorld = { status: { text: 'In a meeting', expiresAt: null }, writes: 0, reads: 0 };
    const guard = new CountingGuard('g0', world, () => clock.now());
    const make = (windowId: string) => new GuardOrchestrator({ store, clock, log: silentLogger, windowId, guards: () => [{ guard, enabled: true }] });
    const first = make('w1');
    await first.reconcile(block);
    clock.advance(50 * min);
    // Another window read the record as "releasing" before this one finished: its step starts
    // from that stale record, after the restore landed.
    const late = make('w2');
    let open!: () => void;
    guard.gate = new Promise<void>((resolve) => (open = resolve));
    const lateRun = late.reconcile(undefined);
    await new Promise((r) => setImmediate(r));
    // Meanwhile the window that held the lease restored the status and recorded it.
    world.status = { text: 'In a meeting', expiresAt: null };
    await store.update(guardRecordKey('g0'), { ...first.records().g0, phase: 'released', outcome: 'restored', by: 'w3' });
    open();
    await lateRun;
    assert.equal(guard.releases, 1);
    assert.equal(late.records().g0.outcome, 'restored', 'the late run found the status restored, which is not the user changing it');
  });
});
