import assert from 'node:assert/strict';
import type { CalendarEvent } from '../../../src/core/calendar/calendarEvent';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { aggregateWeek, weekLine, type WeekInputs } from '../../../src/core/week/aggregateWeek';
import { daysOfWeek, weekKeyOf } from '../../../src/core/week/weekCalendar';
import { emptyWeekRecord, reviveWeekRecord, type WeekBlock, type WeekRecord } from '../../../src/core/week/weekRecord';
import { reviewTimeText, weekViewData } from '../../../src/core/week/weekView';
import { inTimeZone } from '../queue/fixtures';

// Berlin moves its clocks on Sunday 29 March 2026 (02:00 → 03:00): that week has a 23-hour Sunday.
const zone = inTimeZone('Europe/Berlin');
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();
const hour = 3_600_000;

function block(id: string, type: WeekBlock['type'], from: number, to: number, extra: Partial<WeekBlock> = {}): WeekBlock {
  return { id, type, startedAt: from, endedAt: to, focusedMs: to - from, ...extra };
}

function meeting(id: string, title: string, from: number, to: number, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return { id, feedId: 'work', title, start: from, end: to, allDay: false, busy: true, declined: false, ...extra };
}

describe('week aggregation', () => {
  before(zone.before);
  after(zone.after);

  const week = () => weekKeyOf(at(25, 12));
  const inputs = (record: WeekRecord, o: Partial<WeekInputs> = {}): WeekInputs => ({
    record,
    workingTime: defaultWorkingHours,
    targetPercent: 50,
    now: at(30, 12),
    ...o,
  });

  it('names the week by its Monday and gives the DST week a 23-hour Sunday', () => {
    assert.equal(week(), '2026-03-23');
    const days = daysOfWeek(week());
    assert.equal(days.length, 7);
    assert.deepEqual(days.map((d) => (d.end - d.start) / hour), [24, 24, 24, 24, 24, 24, 23]);
    assert.equal(weekKeyOf(at(29, 23, 30)), '2026-03-23');
    assert.equal(weekKeyOf(at(30, 0, 30)), '2026-03-30');
  });

  it('stacks each working day by kind, keeps time outside working hours apart, and marks the target', () => {
    const record: WeekRecord = {
      ...emptyWeekRecord(week()),
      blocks: [
        block('a', 'deepWork', at(23, 9), at(23, 11)),
        // 16:00–18:00: one hour inside working hours, one after.
        block('b', 'deepWork', at(24, 16), at(24, 18)),
        // Paused for half of it: counts half.
        { ...block('c', 'planning', at(25, 9), at(25, 10)), focusedMs: hour / 2 },
        block('d', 'review', at(26, 10), at(26, 11), { label: 'Fix <script>alert(1)</script> parser' }),
      ],
    };
    const s = aggregateWeek(inputs(record, { meetings: [meeting('m1', 'Standup', at(23, 9, 30), at(23, 10)), meeting('m2', 'Declined', at(23, 13), at(23, 14), { declined: true })] }));
    assert.deepEqual(s.days.map((d) => d.date), ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27']);
    const [mon, tue, wed, thu] = s.days;
    assert.deepEqual(mon.within, { deepWork: 2, review: 0, meetings: 0.5, planning: 0 });
    assert.deepEqual(tue.within, { deepWork: 1, review: 0, meetings: 0, planning: 0 });
    assert.deepEqual(tue.outside, { deepWork: 1, review: 0, meetings: 0, planning: 0 });
    assert.equal(wed.within.planning, 0.5);
    assert.equal(thu.within.review, 1);
    assert.equal(mon.targetHours, 4);
    assert.equal(s.figures.targetHours, 20);
    assert.equal(s.figures.deepWorkHours, 4);
    assert.equal(s.figures.meetingHours, 0.5);
    assert.equal(s.figures.eveningsWorked, 1);
    assert.deepEqual(s.items.map((i) => i.title), ['Fix <script>alert(1)</script> parser', 'Standup']);
  });

  it('counts a night across the clock change by real hours, all of it outside working hours', () => {
    // Saturday 23:00 to Sunday 04:00 wall clock is four real hours on the day the clocks go forward.
    const record = { ...emptyWeekRecord(week()), blocks: [block('n', 'deepWork', at(28, 23), at(29, 4))] };
    const s = aggregateWeek(inputs(record));
    const sat = s.days.find((d) => d.date === '2026-03-28');
    const sun = s.days.find((d) => d.date === '2026-03-29');
    assert.equal(sat?.working, false);
    assert.equal(sat?.outside.deepWork, 1);
    assert.equal(sun?.outside.deepWork, 3);
    assert.equal(s.figures.deepWorkHours, 4);
    assert.equal(s.figures.afterHoursHours, 4);
    assert.equal(s.figures.eveningsWorked, 2);
  });

  it('counts nothing after now, and no meetings without a calendar', () => {
    const record = { ...emptyWeekRecord(week()), blocks: [block('a', 'deepWork', at(23, 9), at(23, 11))] };
    const s = aggregateWeek(inputs(record, { now: at(23, 10) }));
    assert.equal(s.figures.deepWorkHours, 1);
    assert.equal(s.figures.meetingHours, 0);
  });

  it('adds a quarter hour of review time for each review given outside a review block, and counts reviews per day', () => {
    const record: WeekRecord = {
      ...emptyWeekRecord(week()),
      blocks: [block('r', 'review', at(24, 10), at(24, 11))],
      reviews: { fetchedAt: at(30, 9), total: 3, times: [at(24, 10, 30), at(24, 14), at(25, 20)] },
    };
    const s = aggregateWeek(inputs(record));
    const tue = s.days.find((d) => d.date === '2026-03-24');
    const wed = s.days.find((d) => d.date === '2026-03-25');
    assert.equal(tue?.reviews, 2);
    assert.equal(tue?.within.review, 1.25);
    assert.equal(wed?.outside.review, 0.25);
    assert.equal(s.figures.reviewsGiven, 3);
  });

  it('says the week in one line, as the lead would', () => {
    const record: WeekRecord = {
      ...emptyWeekRecord(week()),
      blocks: [block('a', 'deepWork', at(23, 8), at(23, 17))],
      handoffs: [{ id: 'acme/api#1→jin', at: at(23, 12) }, { id: 'acme/api#2→jin', at: at(24, 12) }],
      breaks: [{ id: 'a', startedAt: at(23, 17), endedAt: at(23, 17, 5) }],
      reviews: { fetchedAt: at(30, 9), total: 31, times: [] },
    };
    const s = aggregateWeek(inputs(record));
    assert.equal(s.line, '9 h deep work of 20 h target; 31 reviews; 2 handed off; 1 evening worked');
    assert.equal(s.figures.breaks, 1);
    assert.equal(weekLine({ ...s.figures, reviewsGiven: undefined, eveningsWorked: 2, deepWorkHours: 12.4 }), '12 h deep work of 20 h target; 2 handed off; 2 evenings worked');
  });

  it("times a review from its first pending comment to submitting, capped, and estimates one-step reviews", () => {
    const record: WeekRecord = {
      ...emptyWeekRecord(week()),
      reviews: {
        fetchedAt: at(30, 9),
        total: 3,
        // 40 min from the first pending comment; pending overnight (capped at 2 h); approved in one step.
        times: [at(24, 11), at(25, 10), at(26, 15)],
        spans: [40 * 60_000, 18 * 3_600_000, 0],
      },
    };
    const s = aggregateWeek(inputs(record));
    const hours = (date: string) => s.days.find((d) => d.date === date)?.within.review;
    assert.equal(hours('2026-03-24'), 40 / 60);
    assert.equal(hours('2026-03-25'), 1, 'the capped review starts at 08:00, before the 09:00 working window');
    assert.equal(s.days.find((d) => d.date === '2026-03-25')?.outside.review, 1);
    assert.equal(hours('2026-03-26'), 0.25);
    assert.deepEqual(s.figures.reviewTime, { hours: 40 / 60 + 2 + 0.25, timed: 2, estimated: 1 });
    assert.equal(reviewTimeText(s.figures.reviewTime), '2.9 h: 2 timed from the first pending comment to submitting (at most 2 h each), 1 submitted in one step and estimated at 15 min each');
    assert.equal(reviewTimeText({ hours: 0.5, timed: 0, estimated: 2 }), '0.5 h, estimated 15 min per review (GitHub does not record how long a review took)');
    assert.ok(weekViewData(s, { currentWeek: week(), targetPercent: 50, notes: [] }).figures.some((f) => f.label === 'Time reviewing' && f.value.startsWith('2.9 h: 2 timed')));
  });

  it('counts an older record without spans at the fixed estimate, and refuses damaged spans', () => {
    const old: WeekRecord = { ...emptyWeekRecord(week()), reviews: { fetchedAt: at(30, 9), total: 1, times: [at(24, 11)] } };
    assert.deepEqual(aggregateWeek(inputs(old)).figures.reviewTime, { hours: 0.25, timed: 0, estimated: 1 });
    assert.ok('problem' in reviveWeekRecord({ ...old, reviews: { ...old.reviews, spans: [1, 2] } }, week()));
    assert.ok('problem' in reviveWeekRecord({ ...old, reviews: { ...old.reviews, spans: [-5] } }, week()));
    assert.ok('record' in reviveWeekRecord({ ...old, reviews: { ...old.reviews, spans: [600_000] } }, week()));
  });
});
