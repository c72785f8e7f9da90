import assert from 'node:assert/strict';
import { asLocalState, emptyLocalState, isSnoozeActive, pin, pruneLocalState, snooze, snoozeEnd, unpin, unsnooze } from '../../../src/core/queue/localState';
import { inTimeZone } from './fixtures';

describe('queue pins and snoozes', () => {
  const zone = inTimeZone('Europe/Berlin');
  before(zone.before);
  after(zone.after);
  const now = new Date('2026-03-04T15:20:00+01:00');

  it('snoozes for one hour, or until tomorrow at the start of the working day', () => {
    assert.equal(snoozeEnd('hour', now).toISOString(), '2026-03-04T15:20:00.000Z');
    assert.equal(snoozeEnd('tomorrow', now).toISOString(), '2026-03-05T08:00:00.000Z');
    assert.equal(snoozeEnd('tomorrow', now, 8 * 60 + 30).toISOString(), '2026-03-05T07:30:00.000Z');
  });

  it('wakes a time snooze when its time has come', () => {
    const s = snooze(emptyLocalState, 'acme/web#1', 'hour', now, undefined).snoozes[0];
    assert.equal(isSnoozeActive(s, new Date(now.getTime() + 59 * 60_000), undefined), true);
    assert.equal(isSnoozeActive(s, new Date(now.getTime() + 60 * 60_000), undefined), false);
  });

  it('wakes an activity snooze only when the pull request is updated', () => {
    const s = snooze(emptyLocalState, 'acme/web#1', 'activity', now, '2026-03-04T10:00:00Z').snoozes[0];
    assert.equal(isSnoozeActive(s, new Date('2027-01-01'), '2026-03-04T10:00:00Z'), true);
    assert.equal(isSnoozeActive(s, now, '2026-03-04T10:00:01Z'), false);
  });

  it('replaces an earlier snooze of the same item, and unsnoozes', () => {
    let state = snooze(emptyLocalState, 'acme/web#1', 'hour', now, undefined);
    state = snooze(state, 'acme/web#1', 'activity', now, '2026-03-04T10:00:00Z');
    assert.deepEqual(state.snoozes.map((s) => s.kind), ['activity']);
    assert.deepEqual(unsnooze(state, 'acme/web#1').snoozes, []);
  });

  it('pins once, keeps pin order, and unpins', () => {
    let state = pin(emptyLocalState, 'a');
    state = pin(state, 'b');
    assert.equal(pin(state, 'a'), state);
    assert.deepEqual(state.pins, ['a', 'b']);
    assert.deepEqual(unpin(state, 'a').pins, ['b']);
  });

  it('prunes ended snoozes and the pins and snoozes of pull requests that are gone', () => {
    let state = pin(pin(emptyLocalState, 'open#1'), 'merged#2');
    state = snooze(state, 'open#1', 'hour', new Date(now.getTime() - 2 * 3_600_000), undefined);
    state = snooze(state, 'merged#2', 'activity', now, '2026-03-04T10:00:00Z');
    const pruned = pruneLocalState(state, now, new Map([['open#1', '2026-03-04T10:00:00Z']]));
    assert.deepEqual(pruned, { pins: ['open#1'], snoozes: [] });
    assert.equal(pruneLocalState(pruned, now, new Map([['open#1', 'x']])), pruned);
  });

  it('reads stored state defensively', () => {
    assert.deepEqual(asLocalState(undefined), emptyLocalState);
    const kept = { key: 'a', kind: 'hour', snoozedAt: '2026-03-04T14:20:00.000Z', until: '2026-03-04T15:20:00.000Z' } as const;
    // An hour snooze without its end would hide the item for good: dropped like any damaged entry.
    const endless = { key: 'c', kind: 'hour', snoozedAt: '2026-03-04T14:20:00.000Z' };
    assert.deepEqual(asLocalState({ pins: ['a', 3], snoozes: [kept, endless, { key: 'b', kind: 'forever' }, null] }), {
      pins: ['a'],
      snoozes: [kept],
    });
  });
});
