import assert from 'node:assert/strict';
import {
  FocusTransitionError,
  acceptBreak,
  advance,
  cancelBlock,
  declineBreak,
  extendBlock,
  focusedMs,
  guardTarget,
  pauseBlock,
  remainingMs,
  resumeBlock,
  startBlock,
  stopBlock,
  switchType,
  todaysBlocks,
  todaysFocusMs,
} from '../../../src/core/focus/focusMachine';
import { emptyFocusState, type FocusState } from '../../../src/core/focus/types';

const min = 60_000;
// A fixed local time; the machine only ever sees the `now` it is given.
const t0 = new Date(2025, 5, 10, 9, 0, 0).getTime();

function started(minutes = 50, at = t0): FocusState {
  return startBlock(emptyFocusState, { id: 'b1', type: 'deepWork', minutes }, at);
}

describe('focus block state machine', () => {
  it('starts a block that ends after the chosen minutes', () => {
    const s = started(50);
    assert.equal(s.block?.endsAt, t0 + 50 * min);
    assert.equal(remainingMs(s.block, t0 + 10 * min), 40 * min);
    assert.equal(s.revision, 1);
  });

  it('refuses a second block while one runs, and impossible lengths', () => {
    assert.throws(() => startBlock(started(), { id: 'b2', type: 'review', minutes: 25 }, t0), (e) => FocusTransitionError.is(e, 'alreadyRunning'));
    assert.throws(() => startBlock(emptyFocusState, { id: 'x', type: 'review', minutes: 0 }, t0), (e) => FocusTransitionError.is(e, 'invalidMinutes'));
    assert.throws(() => startBlock(emptyFocusState, { id: 'x', type: 'review', minutes: 9 * 60 }, t0), (e) => FocusTransitionError.is(e, 'invalidMinutes'));
  });

  it('freezes the countdown while paused and moves the end on resume', () => {
    const paused = pauseBlock(started(50), t0 + 10 * min);
    assert.equal(remainingMs(paused.block!, t0 + 30 * min), 40 * min, 'no time passes while paused');
    assert.throws(() => pauseBlock(paused, t0 + 11 * min), (e) => FocusTransitionError.is(e, 'alreadyPaused'));
    const resumed = resumeBlock(paused, t0 + 30 * min);
    assert.equal(resumed.block!.endsAt, t0 + 70 * min);
    assert.equal(resumed.block!.pausedMs, 20 * min);
    assert.equal(remainingMs(resumed.block!, t0 + 30 * min), 40 * min);
    assert.throws(() => resumeBlock(resumed, t0 + 31 * min), (e) => FocusTransitionError.is(e, 'notPaused'));
  });

  it('does not complete a paused block however long the pause', () => {
    const paused = pauseBlock(started(25), t0 + 5 * min);
    const { state, events } = advance(paused, t0 + 5 * 60 * min);
    assert.equal(events.length, 0);
    assert.equal(state, paused);
  });

  it('extends a running or a paused block', () => {
    assert.equal(extendBlock(started(25), 15, t0 + min).block!.endsAt, t0 + 40 * min);
    const paused = pauseBlock(started(25), t0 + 5 * min);
    assert.equal(remainingMs(extendBlock(paused, 15, t0 + 6 * min).block!, t0 + 20 * min), 35 * min);
    assert.throws(() => extendBlock(emptyFocusState, 15, t0), (e) => FocusTransitionError.is(e, 'noBlock'));
    assert.throws(() => extendBlock(started(25), -5, t0), (e) => FocusTransitionError.is(e, 'invalidMinutes'));
  });

  it('stops early and records the focused time without pauses', () => {
    let s = started(50);
    s = pauseBlock(s, t0 + 10 * min);
    s = resumeBlock(s, t0 + 15 * min);
    const { state, finished } = stopBlock(s, t0 + 30 * min);
    assert.equal(state.block, undefined);
    assert.equal(finished.outcome, 'stopped');
    assert.equal(finished.focusedMs, 25 * min);
    assert.deepEqual(state.history.map((b) => b.id), ['b1']);
    assert.equal(state.breakOffer, undefined, 'a stopped block offers no break');
  });

  it('stops a paused block counting only the time before the pause', () => {
    const s = pauseBlock(started(50), t0 + 20 * min);
    assert.equal(stopBlock(s, t0 + 45 * min).finished.focusedMs, 20 * min);
  });

  it('completes a block at its planned end even when noticed much later, and offers a break', () => {
    const s = started(25);
    assert.equal(advance(s, t0 + 25 * min - 1).events.length, 0);
    const { state, events } = advance(s, t0 + 3 * 60 * min);
    assert.equal(events.length, 1);
    const ended = events[0];
    assert.equal(ended.kind, 'blockEnded');
    assert.equal(ended.kind === 'blockEnded' && ended.block.endedAt, t0 + 25 * min);
    assert.equal(ended.kind === 'blockEnded' && ended.block.focusedMs, 25 * min);
    assert.deepEqual(state.breakOffer, { blockId: 'b1', offeredAt: t0 + 3 * 60 * min });
  });

  it('switches the type and keeps the clock', () => {
    const s = switchType(started(50), 'planning');
    assert.equal(s.block!.type, 'planning');
    assert.equal(s.block!.endsAt, t0 + 50 * min);
    const pr = { owner: 'acme', repo: 'web', number: 7, title: 'Fix login', url: 'https://github.com/acme/web/pull/7' };
    const review = switchType(s, 'review', pr.title, pr);
    assert.deepEqual([review.block!.label, review.block!.pullRequest?.number], ['Fix login', 7]);
    assert.equal(switchType(review, 'deepWork').block!.pullRequest, undefined, 'only a review block names a pull request');
  });

  it('takes an offered break, which ends by itself', () => {
    const ended = advance(started(25), t0 + 25 * min).state;
    const onBreak = acceptBreak(ended, 5, t0 + 26 * min);
    assert.deepEqual(onBreak.break, { startedAt: t0 + 26 * min, endsAt: t0 + 31 * min, afterBlockId: 'b1' });
    assert.equal(onBreak.breakOffer, undefined);
    const over = advance(onBreak, t0 + 31 * min);
    assert.equal(over.state.break, undefined);
    assert.deepEqual(over.events, [{ kind: 'breakEnded', afterBlockId: 'b1' }]);
  });

  it('declines a break, and refuses one that was never offered', () => {
    const ended = advance(started(25), t0 + 25 * min).state;
    assert.equal(declineBreak(ended).breakOffer, undefined);
    assert.throws(() => acceptBreak(declineBreak(ended), 5, t0 + 26 * min), (e) => FocusTransitionError.is(e, 'noBreakOffer'));
    assert.throws(() => acceptBreak(started(), 5, t0), (e) => FocusTransitionError.is(e, 'noBreakOffer'));
  });

  it('ends a break when the user starts a new block', () => {
    const onBreak = acceptBreak(advance(started(25), t0 + 25 * min).state, 10, t0 + 25 * min);
    const next = startBlock(onBreak, { id: 'b2', type: 'review', minutes: 25 }, t0 + 27 * min);
    assert.equal(next.break, undefined);
    assert.equal(next.block!.id, 'b2');
  });

  it('drops a skipped block without recording it', () => {
    const s = cancelBlock(started(), 'b1');
    assert.equal(s.block, undefined);
    assert.equal(s.history.length, 0);
    assert.equal(cancelBlock(started(), 'other').block?.id, 'b1', 'a stale skip leaves a newer block alone');
  });

  it("totals today's blocks from local midnight, including the running one", () => {
    const yesterday = new Date(2025, 5, 9, 16, 0).getTime();
    let s = stopBlock(startBlock(emptyFocusState, { id: 'y', type: 'deepWork', minutes: 60 }, yesterday), yesterday + 60 * min).state;
    s = stopBlock(startBlock(s, { id: 'a', type: 'deepWork', minutes: 50 }, t0), t0 + 50 * min).state;
    s = startBlock(s, { id: 'b', type: 'review', minutes: 25 }, t0 + 60 * min);
    const now = t0 + 70 * min;
    assert.deepEqual(todaysBlocks(s, now).map((b) => b.id), ['a']);
    assert.equal(todaysFocusMs(s, now), 60 * min);
  });

  it('counts a block running across midnight from midnight only', () => {
    const late = new Date(2025, 5, 9, 23, 30).getTime();
    const s = startBlock(emptyFocusState, { id: 'n', type: 'deepWork', minutes: 90 }, late);
    const now = new Date(2025, 5, 10, 0, 20).getTime();
    assert.equal(focusedMs(s.block!, now), 50 * min);
    assert.equal(todaysFocusMs(s, now), 20 * min);
  });

  it('gives the guards the block end, and nothing without a block', () => {
    assert.deepEqual(guardTarget(started(25)), { blockId: 'b1', type: 'deepWork', label: undefined, endsAt: t0 + 25 * min });
    assert.equal(guardTarget(emptyFocusState), undefined);
  });
});
