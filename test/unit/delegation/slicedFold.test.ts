import assert from 'node:assert/strict';
import { TimeSlicer, type SliceClock } from '../../../src/core/delegation/slicedFold';

/** A clock that moves only when work is done: each folded item costs `costMs`. */
function fakeClock(budgetMs: number): SliceClock & { time: number; pauses: number[] } {
  const clock = {
    time: 0,
    pauses: [] as number[],
    budgetMs,
    now: () => clock.time,
    pause: () => {
      clock.pauses.push(clock.time);
      return Promise.resolve();
    },
  };
  return clock;
}

describe('folding in time slices', () => {
  it('hands control back whenever a slice has used its budget, not once per list', async () => {
    const clock = fakeClock(10);
    const folded: number[] = [];
    await new TimeSlicer(clock).each([1, 2, 3, 4, 5, 6, 7], (n) => {
      folded.push(n);
      clock.time += 4;
    });
    assert.deepEqual(folded, [1, 2, 3, 4, 5, 6, 7]);
    // 4 ms an item against a 10 ms budget: a pause after every third item.
    assert.deepEqual(clock.pauses, [12, 24]);
  });

  it('runs one slice on across lists handed over without a pause, so their ends cannot add up', async () => {
    const clock = fakeClock(10);
    const slicer = new TimeSlicer(clock);
    const costly = () => void (clock.time += 4);
    await slicer.each([1, 2], costly);
    assert.deepEqual(clock.pauses, [], 'the first list stays under the budget');
    await slicer.each([3, 4], costly);
    assert.deepEqual(clock.pauses, [12], 'the second list pauses once the two together used the budget');
  });

  it('never pauses work that stays inside its budget', async () => {
    const clock = fakeClock(10);
    await new TimeSlicer(clock).each(Array.from({ length: 100 }, (_, i) => i), () => void (clock.time += 0.05));
    assert.deepEqual(clock.pauses, []);
  });
});
