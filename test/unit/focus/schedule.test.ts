import assert from 'node:assert/strict';
import {
  currentOccurrence,
  decideSchedule,
  minScheduledMs,
  nextOccurrenceStart,
  occurrencesOn,
  parseSchedule,
  parseTimeOfDay,
  upcomingOccurrences,
  type ScheduleEntry,
} from '../../../src/core/focus/schedule';

const hour = 3_600_000;
const weekdays = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '11:00', label: 'Heads-down' };

function entries(raw: unknown[]): readonly ScheduleEntry[] {
  const parsed = parseSchedule(raw);
  assert.deepEqual(parsed.problems, []);
  return parsed.entries;
}

/** Runs the tests of a block in a time zone, restoring the process's zone afterwards. */
function inTimeZone(zone: string): void {
  let saved: string | undefined;
  before(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  after(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}

describe('focus schedule: parsing', () => {
  it('reads a valid entry', () => {
    const [entry] = entries([weekdays]);
    assert.deepEqual(entry, { index: 0, days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: 540, end: 660, label: 'Heads-down', type: 'deepWork' });
  });

  it('accepts full day names, aliases, a type and an end of 24:00', () => {
    const [entry] = entries([{ days: ['Saturday', 'weekdays'], start: '22:00', end: '24:00', type: 'planning' }]);
    assert.deepEqual(entry.days, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
    assert.equal(entry.end, 24 * 60);
    assert.equal(entry.type, 'planning');
    assert.equal(entry.label, 'Focus');
  });

  it('rejects bad entries with a message naming each, and keeps the good ones', () => {
    const parsed = parseSchedule([
      weekdays,
      { days: ['mon', 'funday'], start: '13:00', end: '14:00', label: 'Bad day' },
      { days: ['tue'], start: '25:00', end: '26:00', label: 'Late' },
      { days: ['wed'], start: '15:00', end: '14:00', label: 'Backwards' },
      { days: ['fri'], start: '10:30', end: '12:00', label: 'Clash' },
      { days: ['thu'], start: '14:00', end: '16:00', label: 'Planning' },
    ]);
    assert.deepEqual(parsed.entries.map((e) => e.label), ['Heads-down', 'Planning']);
    assert.equal(parsed.problems.length, 4);
    assert.match(parsed.problems[0], /leadDesk\.focus\.schedule\[1\] \("Bad day"\).*"funday"/);
    assert.match(parsed.problems[1], /schedule\[2\] \("Late"\).*"25:00".*not a time of day/);
    assert.match(parsed.problems[2], /schedule\[3\] \("Backwards"\) ends \(14:00\) before it starts \(15:00\)/);
    assert.match(parsed.problems[3], /schedule\[4\] \("Clash"\) overlaps leadDesk\.focus\.schedule\[0\] \("Heads-down"\) on Fri/);
  });

  it('lets blocks touch without overlapping', () => {
    assert.equal(entries([weekdays, { days: ['mon'], start: '11:00', end: '12:00', label: 'Next' }]).length, 2);
  });

  it('rejects a list that is not a list, and 24:00 as a start', () => {
    assert.equal(parseSchedule({}).problems.length, 1);
    assert.equal(parseTimeOfDay('24:00', false), undefined);
    assert.equal(parseTimeOfDay('9:05', false), 545);
    assert.equal(parseTimeOfDay('09:60', true), undefined);
  });
  it('drops each broken entry with one problem naming it, and keeps scheduling the sound ones', () => {
    const broken: unknown[] = [null, 'x', [], {}, { days: 'mon' }, { days: [null] }, { days: ['mon'], start: 9, end: 10 }, { days: ['mon'], start: '25:00', end: '26:00' }, { days: ['mon'], start: '09:60', end: '10:00' }, { ...weekdays, label: { text: 'x' } }, { ...weekdays, type: {} }];
    const parsed = parseSchedule([...broken, weekdays]);
    assert.equal(parsed.problems.length, broken.length);
    broken.forEach((_, i) => assert.match(parsed.problems[i], new RegExp(`schedule\\[${i}\\]`)));
    assert.deepEqual(parsed.entries.map((e) => e.index), [broken.length]);
    const monday9 = new Date(2025, 5, 9, 9, 30).getTime();
    assert.equal(decideSchedule(parsed.entries, { blockRunning: false, onBreak: false, handled: [] }, monday9).kind, 'start');
  });
});

describe('focus schedule: occurrences', () => {
  const schedule = entries([weekdays]);
  const monday = (h: number, m = 0) => new Date(2025, 5, 9, h, m).getTime();

  it('is inside from the start minute, and outside from the end minute', () => {
    assert.equal(currentOccurrence(schedule, monday(8, 59)), undefined);
    assert.equal(currentOccurrence(schedule, monday(9))?.label, 'Heads-down');
    assert.ok(currentOccurrence(schedule, monday(11) - 1));
    assert.equal(currentOccurrence(schedule, monday(11)), undefined);
  });

  it('skips days that are not listed', () => {
    const saturday = new Date(2025, 5, 14, 10).getTime();
    assert.equal(currentOccurrence(schedule, saturday), undefined);
    const friday = new Date(2025, 5, 13, 11, 30).getTime();
    assert.equal(nextOccurrenceStart(schedule, friday), new Date(2025, 5, 16, 9).getTime(), 'Friday after the block → Monday');
  });

  it('gives ids that are stable and differ per day', () => {
    const [a] = occurrencesOn(schedule, monday(0));
    const [b] = occurrencesOn(schedule, monday(12));
    const [c] = occurrencesOn(schedule, new Date(2025, 5, 10));
    assert.equal(a.id, '2025-06-09 09:00-11:00 Heads-down');
    assert.equal(a.id, b.id);
    assert.notEqual(a.id, c.id);
  });

  it('handles a block that ends at midnight, and one that starts at midnight', () => {
    const late = entries([{ days: ['daily'], start: '22:00', end: '24:00', label: 'Late' }, { days: ['daily'], start: '00:00', end: '01:00', label: 'Early' }]);
    const before = new Date(2025, 5, 9, 23, 59, 59).getTime();
    assert.equal(currentOccurrence(late, before)?.label, 'Late');
    assert.equal(currentOccurrence(late, before)?.end, new Date(2025, 5, 10, 0, 0).getTime());
    const midnight = new Date(2025, 5, 10, 0, 0).getTime();
    assert.equal(currentOccurrence(late, midnight)?.label, 'Early', 'the late block has ended at midnight, the early one begins');
    const next = upcomingOccurrences(late, new Date(2025, 5, 9, 23, 0).getTime(), 3).map((o) => [o.label, new Date(o.start).getDate(), new Date(o.start).getHours()]);
    assert.deepEqual(next, [['Late', 9, 22], ['Early', 10, 0], ['Late', 10, 22]]);
  });

  describe('across DST in America/New_York', () => {
    inTimeZone('America/New_York');
    const daily = () => entries([{ days: ['daily'], start: '09:00', end: '11:00', label: 'Heads-down' }]);

    it('keeps 09:00 local when clocks spring forward (a 23-hour day)', () => {
      const [sat, sun] = upcomingOccurrences(daily(), new Date('2025-03-08T12:00:00Z').getTime(), 2);
      assert.equal(new Date(sat.start).toISOString(), '2025-03-08T14:00:00.000Z');
      assert.equal(new Date(sun.start).toISOString(), '2025-03-09T13:00:00.000Z');
      assert.equal(new Date(sun.start).getHours(), 9);
      assert.equal(sun.start - sat.start, 23 * hour);
      assert.equal(sun.end - sun.start, 2 * hour);
    });

    it('keeps 09:00 local when clocks fall back (a 25-hour day)', () => {
      const [sat, sun] = upcomingOccurrences(daily(), new Date('2025-11-01T12:00:00Z').getTime(), 2);
      assert.equal(new Date(sat.start).toISOString(), '2025-11-01T13:00:00.000Z');
      assert.equal(new Date(sun.start).toISOString(), '2025-11-02T14:00:00.000Z');
      assert.equal(sun.start - sat.start, 25 * hour);
    });

    it('drops a block inside the skipped hour and shortens one that starts in it', () => {
      const night = entries([{ days: ['sun'], start: '02:00', end: '03:00', label: 'Gone' }, { days: ['sun'], start: '03:00', end: '04:00', label: 'Kept' }]);
      const springDay = new Date('2025-03-09T12:00:00Z');
      assert.deepEqual(occurrencesOn(night, springDay).map((o) => o.label), ['Kept']);
      assert.equal(occurrencesOn(night, new Date('2025-03-16T12:00:00Z')).length, 2, 'a normal Sunday has both');
      const straddle = entries([{ days: ['sun'], start: '02:30', end: '04:00', label: 'Half' }]);
      const [half] = occurrencesOn(straddle, springDay);
      assert.equal(half.end - half.start, 30 * 60_000, 'only 03:30 to 04:00 exists');
    });

    it('counts the repeated hour in a block over the fall-back change', () => {
      const night = entries([{ days: ['sun'], start: '01:00', end: '02:00', label: 'Long' }]);
      const [o] = occurrencesOn(night, new Date('2025-11-02T12:00:00Z'));
      assert.equal(o.end - o.start, 2 * hour);
    });
  });

  describe('across DST in Europe/Berlin', () => {
    inTimeZone('Europe/Berlin');
    it('keeps 09:00 local on the day after the change', () => {
      const schedule = entries([{ days: ['mon'], start: '09:00', end: '10:00', label: 'Mon' }]);
      const start = nextOccurrenceStart(schedule, new Date('2025-03-29T12:00:00Z').getTime());
      assert.equal(new Date(start!).toISOString(), '2025-03-31T07:00:00.000Z');
    });
  });
});

describe('focus schedule: deciding what to do now', () => {
  const schedule = entries([weekdays]);
  const at = (h: number, m = 0) => new Date(2025, 5, 9, h, m).getTime();
  const idle = { blockRunning: false, onBreak: false, handled: [] as string[] };

  it('starts a block inside its window, also when VS Code opens late', () => {
    const d = decideSchedule(schedule, idle, at(9, 40));
    assert.equal(d.kind, 'start');
    assert.equal(d.kind === 'start' && d.occurrence.end, at(11));
  });

  it('does nothing for an occurrence already handled, or with too little time left', () => {
    const id = occurrencesOn(schedule, at(9))[0].id;
    assert.equal(decideSchedule(schedule, { ...idle, handled: [id] }, at(9, 1)).kind, 'none');
    assert.equal(decideSchedule(schedule, idle, at(11) - minScheduledMs + 1).kind, 'none');
    assert.equal(decideSchedule(schedule, idle, at(12)).kind, 'none');
  });

  it('counts a block the user already runs as covering the occurrence', () => {
    assert.equal(decideSchedule(schedule, { ...idle, blockRunning: true }, at(9)).kind, 'cover');
  });

  it('waits during an accepted break instead of starting on top of it', () => {
    assert.equal(decideSchedule(schedule, { ...idle, onBreak: true }, at(9)).kind, 'wait');
  });
});
