import assert from 'node:assert/strict';
import { startBlock, pauseBlock } from '../../../src/core/focus/focusMachine';
import { busyMessage, focusStatusText, formatCountdown, formatDuration, msUntilNextSecond } from '../../../src/core/focus/format';
import { nextAttemptAt } from '../../../src/core/focus/retryPolicy';
import { emptyFocusState } from '../../../src/core/focus/types';

const t0 = new Date(2025, 5, 10, 10, 13, 0).getTime();

describe('focus texts', () => {
  it('counts down in whole seconds, rounding up', () => {
    assert.equal(formatCountdown(47 * 60_000 + 12_000), '47:12');
    assert.equal(formatCountdown(47 * 60_000 + 11_001), '47:12');
    assert.equal(formatCountdown(65 * 60_000), '1:05:00');
    assert.equal(formatCountdown(0), '0:00');
    assert.equal(formatCountdown(-5), '0:00');
  });

  it('changes the text exactly on the next whole second', () => {
    assert.equal(msUntilNextSecond(25 * 60_000), 1000);
    assert.equal(msUntilNextSecond(25 * 60_000 - 250), 750);
  });

  it('shows idle, running, paused and break texts', () => {
    assert.equal(focusStatusText(emptyFocusState, t0), '$(target) Focus');
    const running = startBlock(emptyFocusState, { id: 'b', type: 'deepWork', minutes: 50 }, t0);
    assert.equal(focusStatusText(running, t0 + 2 * 60_000 + 48_000), '$(clock) 47:12 · Deep work');
    assert.equal(focusStatusText(pauseBlock(running, t0 + 60_000), t0 + 30 * 60_000), '$(debug-pause) 49:00 · Deep work');
    const onBreak = { ...emptyFocusState, break: { startedAt: t0, endsAt: t0 + 5 * 60_000, afterBlockId: 'b' } };
    assert.equal(focusStatusText(onBreak, t0 + 60_000), '$(coffee) 4:00 · Break');
  });

  it('writes durations and the busy message', () => {
    assert.equal(formatDuration(125 * 60_000), '2 h 05 min');
    assert.equal(formatDuration(25 * 60_000), '25 min');
    assert.equal(busyMessage(new Date(2025, 5, 10, 11, 0).getTime()), 'Focusing until 11:00');
  });
});

describe('guard retry policy', () => {
  it('backs off exponentially up to a cap, and never before a rate limit resets', () => {
    assert.equal(nextAttemptAt(1, 0, undefined), 5_000);
    assert.equal(nextAttemptAt(2, 0, undefined), 10_000);
    assert.equal(nextAttemptAt(20, 0, undefined), 300_000);
    assert.equal(nextAttemptAt(1, 0, 3_600_000), 3_600_000);
  });
});
