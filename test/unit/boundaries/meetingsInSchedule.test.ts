import assert from 'node:assert/strict';
import type { CalendarEvent, MeetingSource } from '../../../src/core/calendar/calendarEvent';
import { ManualClock } from '../../../src/core/clock';
import { decideSchedule, parseSchedule } from '../../../src/core/focus/schedule';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator, type CoordinatorEvent } from '../../../src/app/focus/focusCoordinator';
import { FakeGuard, type FakeWorld } from '../focus/fakeGuard';

const min = 60_000;
// Monday 2025-06-09, local time.
const at = (h: number, m = 0) => new Date(2025, 5, 9, h, m).getTime();
const schedule = parseSchedule([{ days: ['mon'], start: '09:00', end: '11:00', label: 'Heads-down' }]).entries;

function meeting(id: string, start: number, end: number, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return { id, feedId: 'work', title: id, start, end, allDay: false, busy: true, declined: false, ...extra };
}

/** A calendar the test can change while the coordinator runs. */
class FakeMeetings implements MeetingSource {
  events: CalendarEvent[] = [];
  meetingsBetween(from: number, to: number): readonly CalendarEvent[] {
    return this.events.filter((e) => e.end > from && e.start < to);
  }
}

function setup(start: number) {
  const clock = new ManualClock(start);
  const world: FakeWorld = { status: null, writes: 0, reads: 0 };
  const guard = new FakeGuard('status', world, () => clock.now());
  const meetings = new FakeMeetings();
  let ids = 0;
  const c = new FocusCoordinator({
    store: new MemorySharedStore(),
    clock,
    log: silentLogger,
    windowId: 'w1',
    guards: () => [{ guard, enabled: true }],
    schedule: () => schedule,
    meetings: () => meetings,
    lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 },
    newId: () => `block-${++ids}`,
  });
  const events: CoordinatorEvent[] = [];
  c.onEvent((e) => events.push(e));
  /** Beats the way the window's timer would: at nextWakeAt, at least every 5 min. */
  const runUntil = async (time: number) => {
    await c.pulse();
    while (clock.now() < time) {
      const wake = c.nextWakeAt() ?? Infinity;
      clock.set(Math.min(time, Math.max(clock.now() + 1, Math.min(wake, clock.now() + 5 * min))));
      await c.pulse();
    }
  };
  return { clock, c, meetings, events, runUntil, world };
}

describe('time blocking with meetings', () => {
  describe('the schedule decision', () => {
    const inputs = { blockRunning: false, onBreak: false, handled: [] as string[] };

    it('starts as before without meetings', () => {
      assert.equal(decideSchedule(schedule, inputs, at(9)).kind, 'start');
    });

    it('waits for the end of a meeting the block would start in, through back-to-back meetings', () => {
      const meetings = [meeting('standup', at(8, 55), at(9, 15)), meeting('1:1', at(9, 15), at(9, 45))];
      const d = decideSchedule(schedule, { ...inputs, meetings }, at(9));
      assert.equal(d.kind, 'delay');
      assert.equal(d.kind === 'delay' && d.until, at(9, 45));
      assert.equal(d.kind === 'delay' && d.meeting.id, '1:1');
    });

    it('starts after the meeting, naming it', () => {
      const meetings = [meeting('standup', at(8, 55), at(9, 15))];
      const d = decideSchedule(schedule, { ...inputs, meetings }, at(9, 15));
      assert.equal(d.kind, 'start');
      assert.equal(d.kind === 'start' && d.after?.id, 'standup');
    });

    it('skips the block when the meeting leaves less than 25 minutes', () => {
      const meetings = [meeting('planning', at(9), at(10, 40))];
      const d = decideSchedule(schedule, { ...inputs, meetings }, at(9));
      assert.equal(d.kind, 'skip');
      assert.equal(d.kind === 'skip' && d.leftMs, 20 * min);
    });

    it('ignores free, declined and all-day events', () => {
      const meetings = [
        meeting('focus hold', at(8), at(12), { busy: false }),
        meeting('declined', at(8), at(12), { declined: true }),
        meeting('offsite', at(0), at(23, 59), { allDay: true }),
      ];
      assert.equal(decideSchedule(schedule, { ...inputs, meetings }, at(9)).kind, 'start');
    });
  });

  describe('the coordinator', () => {
    it('never starts a scheduled block inside a meeting: it says why and starts when the meeting ends', async () => {
      const { c, meetings, events, runUntil, clock } = setup(at(8, 50));
      meetings.events = [meeting('standup', at(8, 55), at(9, 20))];
      await runUntil(at(9, 10));
      assert.equal(c.state().block, undefined, 'no block during the meeting');
      const delayed = events.filter((e) => e.kind === 'scheduledDelayed');
      assert.equal(delayed.length, 1, 'the delay is said once');
      assert.equal(delayed[0].kind === 'scheduledDelayed' && delayed[0].until, at(9, 20));
      await runUntil(at(9, 21));
      const started = events.find((e) => e.kind === 'scheduledStart');
      assert.ok(started && started.kind === 'scheduledStart');
      assert.equal(started.block.startedAt, at(9, 20), 'woke at the meeting end');
      assert.equal(started.after?.id, 'standup');
      assert.equal(c.state().block?.endsAt, at(11));
      assert.equal(clock.now(), at(9, 21));
    });

    it('skips a block the meetings leave too little of, and says which meeting', async () => {
      const { c, meetings, events, runUntil } = setup(at(8, 50));
      meetings.events = [meeting('all hands', at(9), at(10, 45))];
      await runUntil(at(11));
      assert.equal(c.state().block, undefined);
      assert.equal(c.state().history.length, 0);
      const skipped = events.filter((e) => e.kind === 'scheduledSkipped');
      assert.equal(skipped.length, 1);
      assert.equal(skipped[0].kind === 'scheduledSkipped' && skipped[0].meeting.id, 'all hands');
      assert.equal(skipped[0].kind === 'scheduledSkipped' && skipped[0].leftMs, 15 * min);
    });

    it('warns 5 minutes before the next meeting, once, and can end the block at its start', async () => {
      const { c, meetings, events, runUntil, clock } = setup(at(8, 50));
      meetings.events = [meeting('design review', at(10), at(10, 30))];
      await runUntil(at(9, 30));
      assert.ok(c.state().block, 'the scheduled block runs');
      assert.equal(events.filter((e) => e.kind === 'meetingSoon').length, 0);
      await runUntil(at(9, 56));
      const soon = events.filter((e) => e.kind === 'meetingSoon');
      assert.equal(soon.length, 1, 'warned once');
      assert.ok(soon[0].kind === 'meetingSoon');
      assert.equal(soon[0].meeting.id, 'design review');
      // The warning came at 09:55, when the timer woke for it.
      assert.ok(events.indexOf(soon[0]) >= 0 && clock.now() === at(9, 56));
      await c.endAt(soon[0].meeting.start);
      assert.equal(c.state().block?.endsAt, at(10));
      await runUntil(at(10, 1));
      assert.equal(c.state().block, undefined);
      const ended = c.state().history.at(-1)!;
      assert.equal(ended.endedAt, at(10));
      assert.equal(ended.outcome, 'completed');
    });
  });
});
