import assert from 'node:assert/strict';
import { DAY_MS, addDecayed, decayFactor, decayedAt } from '../../../src/core/delegation/decay';
import { NOW, daysAgo } from './commitFixtures';

describe('recency decay', () => {
  it('halves a value every half-life', () => {
    assert.equal(decayFactor(0, 180), 1);
    assert.equal(decayFactor(180 * DAY_MS, 180), 0.5);
    assert.equal(decayFactor(360 * DAY_MS, 180), 0.25);
  });

  it('reads an event as of an injected now', () => {
    const v = { value: 0, at: daysAgo(60) };
    addDecayed(v, 1, daysAgo(60), 60);
    assert.ok(Math.abs(decayedAt(v, NOW, 60) - 0.5) < 1e-12);
  });

  it('sums events added out of order the same as in order', () => {
    const inOrder = { value: 0, at: daysAgo(100) };
    for (const d of [100, 50, 10]) addDecayed(inOrder, 1, daysAgo(d), 30);
    const shuffled = { value: 0, at: daysAgo(10) };
    for (const d of [10, 100, 50]) addDecayed(shuffled, 1, daysAgo(d), 30);
    const expected = [100, 50, 10].reduce((s, d) => s + Math.pow(0.5, d / 30), 0);
    assert.ok(Math.abs(decayedAt(inOrder, NOW, 30) - expected) < 1e-12);
    assert.ok(Math.abs(decayedAt(shuffled, NOW, 30) - expected) < 1e-12);
  });

  it('does not count up events that are later than now', () => {
    const v = { value: 0, at: NOW };
    addDecayed(v, 1, NOW + DAY_MS, 30);
    assert.equal(decayedAt(v, NOW, 30), 1);
  });
});
