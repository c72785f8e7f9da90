import assert from 'node:assert/strict';
import { businessHoursBetween, formatBusinessDuration, type WorkingTime } from '../../../src/core/queue/businessHours';
import { inTimeZone } from './fixtures';

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
      const sundays: WorkingTime = { days: [0], startMinute: 9 * 60, endMinute: 17 * 60 };
      assert.equal(businessHoursBetween(new Date('2026-03-28T20:00:00+01:00'), new Date('2026-03-29T20:00:00+02:00'), sundays), 8);
      // 00:00–06:00 local on the day clocks jump from 02:00 to 03:00 lasts five real hours.
      const nights: WorkingTime = { days: [0], startMinute: 0, endMinute: 6 * 60 };
      assert.equal(businessHoursBetween(new Date('2026-03-28T12:00:00+01:00'), new Date('2026-03-29T12:00:00+02:00'), nights), 5);
    });

    it('handles the autumn DST change (clocks go back on Sunday 2026-10-25)', () => {
      assert.equal(businessHoursBetween(new Date('2026-10-23T16:00:00+02:00'), new Date('2026-10-26T10:00:00+01:00')), 2);
    });

    it('follows custom working days and hours', () => {
      const fourDays: WorkingTime = { days: [1, 2, 3, 4], startMinute: 8 * 60, endMinute: 12 * 60 };
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
