import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { acceptBreak, advance, endBreak, focusStretch, guardTarget, startBlock, stopBlock, takeBreak } from '../../../src/core/focus/focusMachine';
import { isBusyMessageFor, statusMessage } from '../../../src/core/focus/format';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { reviveFocusState } from '../../../src/core/focus/storedFocusState';
import { emptyFocusState, type FocusState } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { FakeGuard, type FakeWorld } from '../focus/fakeGuard';

const min = 60_000;
const at = (h: number, m = 0, day = 9) => new Date(2025, 5, day, h, m).getTime();

function block(state: FocusState, id: string, from: number, to: number): FocusState {
  const running = startBlock(state, { id, type: 'deepWork', minutes: (to - from) / min }, from);
  return advance(running, to).state;
}

describe('breaks', () => {
  it('counts a stretch of focus across blocks with short gaps, and starts again after a break', () => {
    let s = block(emptyFocusState, 'a', at(9), at(9, 50));
    s = startBlock(s, { id: 'b', type: 'deepWork', minutes: 60 }, at(9, 52));
    assert.deepEqual(focusStretch(s, at(10, 32), 5 * min), { since: at(9), focusedMs: 90 * min });
    // A gap at least as long as a break splits the stretch.
    assert.deepEqual(focusStretch(s, at(10, 32), 2 * min), { since: at(9, 52), focusedMs: 40 * min });
    // No block running: nothing to suggest.
    assert.equal(focusStretch(emptyFocusState, at(10), 5 * min), undefined);
  });

  it('records a break taken mid-block: the block ends, the break is kept for the week', () => {
    let s = startBlock(emptyFocusState, { id: 'a', type: 'deepWork', minutes: 120 }, at(9));
    s = takeBreak(s, 10, at(10, 30));
    assert.equal(s.block, undefined);
    assert.equal(s.history.at(-1)?.outcome, 'stopped');
    assert.equal(s.history.at(-1)?.focusedMs, 90 * min);
    assert.deepEqual(s.breaks, [{ startedAt: at(10, 30), endsAt: at(10, 40) }]);
    // Focus after the break starts a new stretch.
    s = startBlock(s, { id: 'b', type: 'deepWork', minutes: 60 }, at(10, 40));
    assert.deepEqual(focusStretch(s, at(11), 5 * min), { since: at(10, 40), focusedMs: 20 * min });
  });

  it('keeps an accepted break after a block, shortened when it ends early', () => {
    let s = block(emptyFocusState, 'a', at(9), at(10));
    s = acceptBreak(s, 15, at(10));
    s = endBreak(s, at(10, 5));
    assert.deepEqual(s.breaks, [{ startedAt: at(10), endsAt: at(10, 5) }]);
    // Starting a block during a break ends it there too.
    s = acceptBreak(block(s, 'b', at(11), at(12)), 15, at(12));
    s = startBlock(s, { id: 'c', type: 'deepWork', minutes: 30 }, at(12, 3));
    assert.deepEqual(s.breaks?.at(-1), { startedAt: at(12), endsAt: at(12, 3) });
  });

  it('survives storage: breaks and the end of the day are read back, damage is dropped', () => {
    const stored = JSON.parse(JSON.stringify({ ...emptyFocusState, breaks: [{ startedAt: at(10), endsAt: at(10, 5) }, { startedAt: 'x' }], off: { id: 'off-1', since: at(17), until: at(9, 0, 10) } })) as unknown;
    const problems: string[] = [];
    const s = reviveFocusState(stored, { warn: (p) => problems.push(p) });
    assert.deepEqual(s.breaks, [{ startedAt: at(10), endsAt: at(10, 5) }]);
    assert.deepEqual(s.off, { id: 'off-1', since: at(17), until: at(9, 0, 10) });
    assert.equal(problems.length, 1);
  });
});

describe('End My Day', () => {
  it('publishes "Off until Mon 09:00", recognised as Lead Desk’s own in any zone', () => {
    const monday = new Date(2025, 5, 16, 9, 0).getTime();
    assert.equal(statusMessage({ kind: 'off', endsAt: monday }), 'Off until Mon 09:00');
    assert.equal(isBusyMessageFor('Off until Mon 09:00', monday), true);
    assert.equal(isBusyMessageFor('Off until Mon 09:07', monday), false);
    assert.equal(isBusyMessageFor('Off until someday 09:00', monday), false);
  });

  it('sets the status for the evening and puts back what was there in the morning, as a block does', async () => {
    const clock = new ManualClock(at(17, 30, 13)); // Friday
    const world: FakeWorld = { status: { text: 'Reviewing things', expiresAt: null }, writes: 0, reads: 0 };
    const guard = new FakeGuard('status', world, () => clock.now());
    const c = new FocusCoordinator({
      store: new MemorySharedStore(),
      clock,
      log: silentLogger,
      windowId: 'w1',
      guards: () => [{ guard, enabled: true }],
      schedule: () => [],
      lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 },
      newId: () => 'x',
    });
    await c.start({ type: 'deepWork', minutes: 60 });
    const monday = at(9, 0, 16);
    await c.endDay(monday);
    // The block's status is put back first, then the evening's is set, on the next beat.
    await c.pulse();
    const state = c.state();
    assert.equal(state.block, undefined, 'the running block is stopped');
    assert.equal(state.history.length, 1);
    assert.equal(guardTarget(state)?.kind, 'off');
    assert.equal(world.status?.text, `busy until ${monday}`, 'the guard was engaged for the off target');
    assert.equal(c.guardRecords().status?.snapshot && (c.guardRecords().status.snapshot as { text: string }).text, 'Reviewing things', 'the snapshot is the user’s own status, not the focus one');
    assert.equal(c.nextWakeAt()! <= monday, true, 'the timer wakes by the morning');
    clock.set(monday);
    await c.pulse();
    assert.equal(c.state().off, undefined);
    assert.deepEqual(world.status, { text: 'Reviewing things', expiresAt: null }, 'restored in the morning');
  });

  it('puts the status back at once when the lead comes back early', async () => {
    const clock = new ManualClock(at(18));
    const world: FakeWorld = { status: null, writes: 0, reads: 0 };
    const guard = new FakeGuard('status', world, () => clock.now());
    const c = new FocusCoordinator({ store: new MemorySharedStore(), clock, log: silentLogger, windowId: 'w1', guards: () => [{ guard, enabled: true }], schedule: () => [], lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 } });
    await c.endDay(at(9, 0, 10));
    assert.ok(world.status);
    await c.resumeDay();
    assert.equal(world.status, null);
    // A block started while off ends the evening too.
    await c.endDay(at(9, 0, 10));
    await c.start({ type: 'deepWork', minutes: 30 });
    assert.equal(c.state().off, undefined);
    const stopped = stopBlock(c.state(), clock.now()).state;
    assert.equal(guardTarget(stopped), undefined);
  });
});
