import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { startBlock, stopBlock } from '../../../src/core/focus/focusMachine';
import { planBlock, unplanBlock } from '../../../src/core/focus/plannedBlocks';
import { parseSchedule } from '../../../src/core/focus/schedule';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { reviveFocusState } from '../../../src/core/focus/storedFocusState';
import { emptyFocusState } from '../../../src/core/focus/types';
import { formatOccurrenceTimes, upcomingRows } from '../../../src/core/focus/upcoming';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import type { CalendarEvent } from '../../../src/core/calendar/calendarEvent';

const min = 60_000;
// Thursday 2025-11-27, local time.
const at = (day: number, h: number, m = 0) => new Date(2025, 10, day, h, m).getTime();
const thursdays = parseSchedule([{ days: ['thu'], start: '12:51', end: '13:21', label: 'Lunch focus' }]).entries;

describe('the Focus view\'s upcoming blocks', () => {
  it('shows the date, so this Thursday and next Thursday never read the same', () => {
    const rows = upcomingRows(thursdays, emptyFocusState, at(27, 13));
    assert.deepEqual(rows.map((r) => formatOccurrenceTimes(r.occurrence)), ['Thu 27 Nov 12:51–13:21']);
    const later = upcomingRows(thursdays, emptyFocusState, at(27, 9));
    assert.equal(later.length, 1, 'next Thursday waits until this one is over');
    const after = upcomingRows(thursdays, emptyFocusState, at(27, 14));
    assert.deepEqual(after.map((r) => formatOccurrenceTimes(r.occurrence)), ['Thu 4 Dec 12:51–13:21']);
  });

  it('marks the running block "now", and drops its row once it is stopped', () => {
    const now = at(27, 13);
    const [row] = upcomingRows(thursdays, emptyFocusState, now);
    const running = startBlock(emptyFocusState, { id: 'b1', type: 'deepWork', minutes: 0, endsAt: row.occurrence.end, source: 'schedule', occurrenceId: row.occurrence.id }, now);
    assert.equal(upcomingRows(thursdays, running, now)[0].now, true);
    const stopped = stopBlock(running, now + min).state;
    const after = upcomingRows(thursdays, stopped, now + min);
    assert.ok(after.every((r) => r.occurrence.id !== row.occurrence.id && !r.now), 'no "· now" row after the block is stopped');
    assert.deepEqual(after.map((r) => formatOccurrenceTimes(r.occurrence)), ['Thu 4 Dec 12:51–13:21']);
  });

  it('shows a block saved for later once, even when the weekly schedule has the same time', () => {
    const now = at(27, 9);
    const state = planBlock(emptyFocusState, { id: 'p1', type: 'deepWork', label: 'Focus', start: at(27, 12, 51), end: at(27, 13, 21) }, now);
    const rows = upcomingRows(thursdays, state, now);
    assert.equal(rows.length, 1);
    const alone = upcomingRows([], state, now);
    assert.equal(alone[0].plannedId, 'p1');
    assert.deepEqual(upcomingRows([], unplanBlock(state, 'p1', now), now), []);
  });
});

describe('blocks saved for later', () => {
  it('refuses an ended slot and one overlapping another saved block', () => {
    const now = at(27, 9);
    assert.throws(() => planBlock(emptyFocusState, { id: 'x', type: 'deepWork', label: 'Focus', start: at(27, 7), end: at(27, 8) }, now), /already over/);
    const one = planBlock(emptyFocusState, { id: 'a', type: 'deepWork', label: 'Focus', start: at(28, 9), end: at(28, 11) }, now);
    assert.throws(() => planBlock(one, { id: 'b', type: 'deepWork', label: 'Focus', start: at(28, 10), end: at(28, 12) }, now), /already saved for Fri 28 Nov 09:00–11:00/);
  });

  it('survives a reload, and the scheduler starts it at its time, after a meeting, like a weekly block', async () => {
    const clock = new ManualClock(at(27, 9));
    const store = new MemorySharedStore();
    const standup: CalendarEvent = { id: 'standup', feedId: 'work', title: 'standup', start: at(28, 9), end: at(28, 9, 15), allDay: false, busy: true, declined: false };
    const make = (windowId: string) =>
      new FocusCoordinator({
        store,
        clock,
        log: silentLogger,
        windowId,
        guards: () => [],
        schedule: () => [],
        meetings: () => ({ meetingsBetween: (from, to) => [standup].filter((e) => e.end > from && e.start < to) }),
        lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 },
        newId: () => `id-${windowId}-${clock.now()}`,
      });
    const first = make('w1');
    await first.plan({ type: 'deepWork', label: 'Found time', start: at(28, 9), end: at(28, 11) });
    await first.dispose();

    const reloaded = make('w2');
    assert.equal(reviveFocusState(store.get('leadDesk.focus.state')).planned?.length, 1, 'kept in shared storage');
    assert.equal(reloaded.nextWakeAt(), at(28, 9), 'the timer wakes for it');
    clock.set(at(28, 9));
    await reloaded.pulse();
    assert.equal(reloaded.state().block, undefined, 'not inside the standup');
    clock.set(at(28, 9, 15));
    await reloaded.pulse();
    const block = reloaded.state().block;
    assert.equal(block?.label, 'Found time');
    assert.equal(block?.source, 'schedule');
    assert.equal(block?.endsAt, at(28, 11));
    clock.set(at(28, 9, 20));
    await reloaded.pulse();
    assert.equal(reloaded.state().block?.id, block?.id, 'started once');
  });
});
