import assert from 'node:assert/strict';
import { businessHoursBetween, defaultWorkingHours, formatBusinessDuration, formatWorkingTime, isWorkingTime, nextWorkingStart, workingEndToday, type WorkingHours } from '../../../src/core/workingHours';
import { inTimeZone } from '../queue/fixtures';

describe('queue business hours', () => {
  describe('in Europe/Berlin', () => {
    const zone = inTimeZone('Europe/Berlin');
    before(zone.before);
    after(zone.after);

    it('counts only the working window of a working day', () => {
      // Monday 2026-03-02, 08:00 → 18:00 local: the 09:00–17:00 window is 8 hours.
      assert.equal(businessHoursBetween(new Date('2026-03-02T08:00:00+01:00'), new Date('2026-03-02T18:00:00+01:00')), 8);
      assert.equal(businessHoursBetween(new Date('2026-03-02T10:30:00+01:00'), new Date('2026-03-02T12:00:00+01:00')), 1.5);
    });

    it('skips the weekend: Friday 16:00 to Monday 10:00 is two working hours', () => {
      assert.equal(businessHoursBetween(new Date('2026-03-06T16:00:00+01:00'), new Date('2026-03-09T10:00:00+01:00')), 2);
    });

    it('is zero over a whole weekend and when the end is not after the start', () => {
      assert.equal(businessHoursBetween(new Date('2026-03-07T08:00:00+01:00'), new Date('2026-03-08T20:00:00+01:00')), 0);
      assert.equal(businessHoursBetween(new Date('2026-03-09T12:00:00+01:00'), new Date('2026-03-09T11:00:00+01:00')), 0);
    });

    it('keeps a full working window across the spring DST change (Fri 15:00 CET → Mon 11:00 CEST is 4 h)', () => {
      // Clocks go forward on Sunday 2026-03-29; 24 calendar hours of the weekend are 23 real ones.
      assert.equal(businessHoursBetween(new Date('2026-03-27T15:00:00+01:00'), new Date('2026-03-30T11:00:00+02:00')), 4);
    });

    it('counts a Sunday working day on the DST day as 8 hours, and the night window as real elapsed time', () => {
      const sundays: WorkingHours = { days: [0], startMinute: 9 * 60, endMinute: 17 * 60 };
      assert.equal(businessHoursBetween(new Date('2026-03-28T20:00:00+01:00'), new Date('2026-03-29T20:00:00+02:00'), sundays), 8);
      // 00:00–06:00 local on the day clocks jump from 02:00 to 03:00 lasts five real hours.
      const nights: WorkingHours = { days: [0], startMinute: 0, endMinute: 6 * 60 };
      assert.equal(businessHoursBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'), nights), 5);
    });

    it('handles the autumn DST change (clocks go back on Sunday 2026-10-25)', () => {
      assert.equal(businessHoursBetween(new Date('2026-10-23T16:00:00+02:00'), new Date('2026-10-26T10:00:00+01:00')), 2);
    });

    it('follows custom working days and hours', () => {
      const fourDays: WorkingHours = { days: [1, 2, 3, 4], startMinute: 8 * 60, endMinute: 12 * 60 };
      // Thursday 11:00 → next Monday 09:00: 1 h Thursday, Friday off, 1 h Monday.
      assert.equal(businessHoursBetween(new Date('2026-03-05T11:00:00+01:00'), new Date('2026-03-09T09:00:00+01:00'), fourDays), 2);
    });

    it('stays bounded for very old items', () => {
      const hours = businessHoursBetween(new Date('2010-01-01T00:00:00Z'), new Date('2026-03-02T18:00:00+01:00'));
      assert.ok(hours > 5000 && hours < 7000, `got ${hours}`);
    });
  });

  describe('in America/New_York', () => {
    const zone = inTimeZone('America/New_York');
    before(zone.before);
    after(zone.after);

    it('uses local working hours across the US DST change (2026-03-08)', () => {
      assert.equal(businessHoursBetween(new Date('2026-03-06T16:00:00-05:00'), new Date('2026-03-09T10:00:00-04:00')), 2);
    });
  });

  it('formats working durations in working days', () => {
    assert.equal(formatBusinessDuration(0.5), '30 min');
    assert.equal(formatBusinessDuration(5.9), '5 h');
    assert.equal(formatBusinessDuration(8), '1 d');
    assert.equal(formatBusinessDuration(19), '2 d 3 h');
  });
});

describe('working hours in a named time zone', () => {
  // The system zone is far from the working zone, so any use of local time shows.
  const zone = inTimeZone('Asia/Tokyo');
  before(zone.before);
  after(zone.after);
  const berlin: WorkingHours = { ...defaultWorkingHours, timeZone: 'Europe/Berlin' };
  const newYork: WorkingHours = { ...defaultWorkingHours, timeZone: 'America/New_York' };

  it('counts the zone’s working window, not the system’s', () => {
    assert.equal(businessHoursBetween(new Date('2026-03-02T08:00:00+01:00'), new Date('2026-03-02T18:00:00+01:00'), berlin), 8);
    assert.equal(businessHoursBetween(new Date('2026-03-06T16:00:00+01:00'), new Date('2026-03-09T10:00:00+01:00'), berlin), 2);
  });

  it('keeps full windows across the spring and autumn changes in Berlin', () => {
    assert.equal(businessHoursBetween(new Date('2026-03-27T15:00:00+01:00'), new Date('2026-03-30T11:00:00+02:00'), berlin), 4);
    assert.equal(businessHoursBetween(new Date('2026-10-23T16:00:00+02:00'), new Date('2026-10-26T10:00:00+01:00'), berlin), 2);
    // A night window on the day clocks jump from 02:00 to 03:00 lasts five real hours.
    const nights: WorkingHours = { days: [0], startMinute: 0, endMinute: 6 * 60, timeZone: 'Europe/Berlin' };
    assert.equal(businessHoursBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'), nights), 5);
    // …and seven on the day they fall back from 03:00 to 02:00.
    const autumnNights: WorkingHours = { ...nights, timeZone: 'Europe/Berlin' };
    assert.equal(businessHoursBetween(new Date('2026-10-24T12:00:00+02:00'), new Date('2026-10-25T12:00:00+01:00'), autumnNights), 7);
  });

  it('keeps full windows across the US change', () => {
    assert.equal(businessHoursBetween(new Date('2026-03-06T16:00:00-05:00'), new Date('2026-03-09T10:00:00-04:00'), newYork), 2);
  });

  it('knows when it is working time in the zone', () => {
    assert.equal(isWorkingTime(Date.parse('2026-03-02T09:00:00+01:00'), berlin), true);
    assert.equal(isWorkingTime(Date.parse('2026-03-02T08:59:00+01:00'), berlin), false);
    assert.equal(isWorkingTime(Date.parse('2026-03-02T17:00:00+01:00'), berlin), false);
    assert.equal(isWorkingTime(Date.parse('2026-03-07T11:00:00+01:00'), berlin), false, 'Saturday');
    // 10:00 in Berlin is 18:00 in Tokyo: working time there, not here.
    assert.equal(isWorkingTime(Date.parse('2026-03-02T10:00:00+01:00'), { ...defaultWorkingHours, timeZone: 'Asia/Tokyo' }), false);
  });

  it('finds the next working morning across a weekend with a DST change', () => {
    // Friday evening before the spring change → Monday 09:00 CEST.
    assert.equal(nextWorkingStart(Date.parse('2026-03-27T18:30:00+01:00'), berlin), Date.parse('2026-03-30T09:00:00+02:00'));
    // Friday evening before the autumn change → Monday 09:00 CET.
    assert.equal(nextWorkingStart(Date.parse('2026-10-23T18:30:00+02:00'), berlin), Date.parse('2026-10-26T09:00:00+01:00'));
    // Early on a working day → the same morning; during it → the next one.
    assert.equal(nextWorkingStart(Date.parse('2026-03-03T06:00:00+01:00'), berlin), Date.parse('2026-03-03T09:00:00+01:00'));
    assert.equal(nextWorkingStart(Date.parse('2026-03-03T10:00:00+01:00'), berlin), Date.parse('2026-03-04T09:00:00+01:00'));
    assert.equal(workingEndToday(Date.parse('2026-03-03T10:00:00+01:00'), berlin), Date.parse('2026-03-03T17:00:00+01:00'));
    assert.equal(workingEndToday(Date.parse('2026-03-03T18:00:00+01:00'), berlin), undefined);
  });

  it('says when, in the zone, with the weekday', () => {
    assert.equal(formatWorkingTime(Date.parse('2026-03-30T09:00:00+02:00'), berlin), 'Mon 09:00');
    assert.equal(formatWorkingTime(Date.parse('2026-03-30T09:00:00+02:00'), newYork), 'Mon 03:00');
  });

  it('moves a working start that the clocks skip forward, as local time does', () => {
    const early: WorkingHours = { days: [0], startMinute: 2 * 60 + 30, endMinute: 4 * 60, timeZone: 'Europe/Berlin' };
    // 02:30 does not exist on 2026-03-29 in Berlin: the window starts at 03:30 CEST and lasts 30 min.
    assert.equal(businessHoursBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'), early), 0.5);
  });
});
