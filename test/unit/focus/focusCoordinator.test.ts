import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { parseSchedule, type ScheduleEntry } from '../../../src/core/focus/schedule';
import { FocusStoreKey, MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator, type CoordinatorEvent } from '../../../src/app/focus/focusCoordinator';
import { FakeGuard, missingScope, recordingLogger, type FakeWorld } from './fakeGuard';

/** Where every guard's record lived before each had a key of its own. */
const legacyKey = 'leadDesk.focus.guards';
const min = 60_000;
// Monday 2025-06-09, 08:50 local time.
const t0 = new Date(2025, 5, 9, 8, 50).getTime();
const lease = { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 1_500 };

function windows(count: number, schedule: readonly ScheduleEntry[] = []) {
  const clock = new ManualClock(t0);
  const store = new MemorySharedStore();
  const world: FakeWorld = { status: null, writes: 0, reads: 0 };
  let ids = 0;
  const events: Array<{ window: string; event: CoordinatorEvent }> = [];
  const all = Array.from({ length: count }, (_, i) => {
    // Each window has its own guard instance over the same outside world.
    const guard = new FakeGuard('status', world, () => clock.now());
    const c = new FocusCoordinator({
      store,
      clock,
      log: silentLogger,
      windowId: `w${i + 1}`,
      guards: () => [{ guard, enabled: true }],
      schedule: () => schedule,
      lease,
      newId: () => `block-${++ids}`,
    });
    c.onEvent((event) => events.push({ window: c.windowId, event }));
    return c;
  });
  const pulseAll = async (live = all) => {
    for (const c of live) await c.pulse();
  };
  /** Lets time pass with every live window beating every 5 s, as their timers would. */
  const runUntil = async (time: number, live = all) => {
    while (clock.now() < time) {
      clock.set(Math.min(time, clock.now() + 5_000));
      await pulseAll(live);
    }
  };
  return { clock, store, world, all, events, pulseAll, runUntil };
}

describe('focus coordination across windows', () => {
  it('shows the same block in every window and acts on it from exactly one', async () => {
    const { all, world, clock, pulseAll } = windows(3);
    const [a, b, c] = all;
    await b.start({ type: 'deepWork', minutes: 50 });
    assert.equal(world.writes, 1, 'the window the user acts in engages at once');
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      await pulseAll();
    }
    assert.deepEqual(all.map((w) => w.state().block?.id), ['block-1', 'block-1', 'block-1']);
    assert.deepEqual(all.map((w) => w.isHolder()), [false, true, false]);
    assert.equal(world.writes, 1, 'still exactly one write after every window pulsed');

    await a.extend(15);
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await pulseAll();
    }
    assert.equal(world.writes, 2, 'one write for the extension');

    await c.stop();
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await pulseAll();
    }
    assert.equal(world.writes, 3, 'one write for the restore');
    assert.equal(world.status, null);
  });

  it('hands over to another window when the holder dies', async () => {
    const { all, world, clock, store, pulseAll } = windows(3);
    const [a, b, c] = all;
    await a.start({ type: 'deepWork', minutes: 25 });
    assert.equal(a.isHolder(), true);
    // Window a dies (no dispose, no more pulses). The block ends while nobody holds the lease.
    clock.advance(25 * min);
    await pulseAll([b, c]);
    assert.equal(world.status?.text.startsWith('busy'), true, 'nobody acts before the lease expires');
    clock.advance(31_000);
    await pulseAll([b, c]);
    const holder = store.get<{ holder: string }>(FocusStoreKey.lease)!.holder;
    assert.ok(holder === 'w2' || holder === 'w3');
    assert.equal(world.status?.text.startsWith('busy'), true, 'the new holder waits for its lease to settle');
    clock.advance(2_000);
    await pulseAll([b, c]);
    assert.equal(world.status, null);
    assert.equal(world.writes, 2);
    assert.equal(b.state().history.length, 1);
  });

  it('hands over at once when a window closes cleanly', async () => {
    const { all, world, clock } = windows(2);
    const [a, b] = all;
    await a.start({ type: 'deepWork', minutes: 25 });
    await a.dispose();
    assert.equal(b.lease(), undefined);
    await b.stop();
    clock.advance(1_000);
    await b.pulse();
    assert.equal(world.status, null);
  });

  it('records a block that ran out once, in the holder, with a break offer', async () => {
    const { all, clock, events, pulseAll, runUntil } = windows(2);
    await all[0].start({ type: 'review', minutes: 25 });
    await runUntil(t0 + 25 * min - 1);
    clock.advance(1);
    assert.equal(all[1].state().block, undefined, 'every window sees the block end on time');
    await pulseAll();
    await pulseAll();
    const ended = events.filter((e) => e.event.kind === 'blockEnded');
    assert.deepEqual(ended.map((e) => e.window), ['w1']);
    assert.equal(all[1].state().breakOffer?.blockId, 'block-1');
  });

  it('adversarial: a window without the lease never changes a guard record, even when asked to retry now', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const world: FakeWorld = { status: null, writes: 0, reads: 0 };
    const make = (id: string) => {
      const guard = new FakeGuard('status', world, () => clock.now());
      return { guard, c: new FocusCoordinator({ store, clock, log: silentLogger, windowId: id, guards: () => [{ guard, enabled: true }], schedule: () => [], lease }) };
    };
    const a = make('w1');
    const b = make('w2');
    a.guard.failNext('snapshot', missingScope());
    await a.c.start({ type: 'deepWork', minutes: 50 });
    const before = JSON.stringify(a.c.guardRecords());
    assert.ok(a.c.guardRecords().status.nextAttemptAt, 'the guard waits before its retry');
    // The user signs in in window b, which does not hold the lease.
    await b.c.orchestrator.retryNow();
    await b.c.pulse();
    assert.equal(JSON.stringify(b.c.guardRecords()), before, 'the record is as the holder left it');
    assert.equal(b.c.isHolder(), false);
    // The holder sees the request and retries at once, without waiting for the backoff.
    await a.c.pulse();
    assert.equal(a.c.guardRecords().status.phase, 'engaged');
    assert.equal(a.c.guardRecords().status.by, 'w1');
  });

  it('adversarial: a damaged guard record never makes the heartbeat fail', async () => {
    const clock = new ManualClock(t0);
    const store = new MemorySharedStore();
    const world: FakeWorld = { status: { text: 'busy until 1', expiresAt: null }, writes: 0, reads: 0 };
    const guard = new FakeGuard('status', world, () => clock.now());
    const { log, lines } = recordingLogger();
    await store.update(legacyKey, { status: { guardId: 'status', blockId: 'gone', phase: 'releasing', snapshot: null, attempts: 1, updatedAt: t0, by: 'w0' } });
    const c = new FocusCoordinator({ store, clock, log, windowId: 'w1', guards: () => [{ guard, enabled: true }], schedule: () => [], lease });
    for (let i = 0; i < 10; i++) {
      clock.advance(1_000);
      await c.pulse();
    }
    assert.deepEqual(lines.filter((l) => l.level === 'error').map((l) => l.message), []);
    assert.equal(lines.filter((l) => l.level === 'warn').length, 1);
  });

  it('lets windows read the state but never write over an unseen change', async () => {
    const { all, store } = windows(2);
    await all[0].start({ type: 'deepWork', minutes: 25 });
    const before = store.writes;
    await all[1].pulse();
    assert.equal(store.writes, before, 'a non-holder heartbeat writes nothing');
  });
});

describe('focus coordination with a schedule', () => {
  const schedule = parseSchedule([{ days: ['mon'], start: '09:00', end: '11:00', label: 'Heads-down' }]).entries;

  it('starts a scheduled block by itself, once, in one window', async () => {
    const { all, clock, events, world, pulseAll, runUntil } = windows(2, schedule);
    await runUntil(new Date(2025, 5, 9, 9, 0).getTime() - 1);
    assert.equal(all[0].state().block, undefined);
    clock.advance(1);
    await pulseAll();
    const starts = events.filter((e) => e.event.kind === 'scheduledStart');
    assert.equal(starts.length, 1);
    const block = all[1].state().block!;
    assert.equal(block.label, 'Heads-down');
    assert.equal(block.endsAt, new Date(2025, 5, 9, 11, 0).getTime());
    assert.equal(world.writes, 1);
  });

  it('does not start again after the user stops or skips it', async () => {
    const { all, runUntil } = windows(1, schedule);
    await runUntil(new Date(2025, 5, 9, 9, 0).getTime());
    const id = all[0].state().block!.id;
    await all[0].cancel(id);
    await runUntil(new Date(2025, 5, 9, 9, 5).getTime());
    assert.equal(all[0].state().block, undefined);
  });

  it('does not start on top of an accepted break, and starts when the break ends', async () => {
    const { all, events, runUntil } = windows(1, schedule);
    await all[0].start({ type: 'deepWork', minutes: 8 });
    await runUntil(t0 + 8 * min); // 08:58: the block completes
    await all[0].acceptBreak(5);
    await runUntil(new Date(2025, 5, 9, 9, 2).getTime());
    assert.equal(all[0].state().block, undefined, 'the break is respected');
    assert.ok(all[0].state().break);
    await runUntil(new Date(2025, 5, 9, 9, 3).getTime());
    const block = all[0].state().block!;
    assert.equal(block.source, 'schedule');
    assert.equal(block.endsAt, new Date(2025, 5, 9, 11, 0).getTime());
    assert.equal(events.filter((e) => e.event.kind === 'breakEnded').length, 1);
  });

  it('counts a block the user started by hand as the scheduled one', async () => {
    const { all, runUntil } = windows(1, schedule);
    await all[0].start({ type: 'planning', minutes: 30 });
    await runUntil(new Date(2025, 5, 9, 9, 20).getTime());
    assert.equal(all[0].state().block, undefined);
    await runUntil(new Date(2025, 5, 9, 9, 25).getTime());
    assert.equal(all[0].state().block, undefined, 'the covered occurrence does not start after the manual block');
  });

  it('wakes its caller for the next scheduled start', async () => {
    const { all, pulseAll } = windows(1, schedule);
    await pulseAll();
    const wake = all[0].nextWakeAt()!;
    assert.ok(wake <= new Date(2025, 5, 9, 9, 0).getTime());
  });
});
