import assert from 'node:assert/strict';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { pulseDue, scheduledMoment } from '../../../src/core/pulse/pulseSchedule';
import type { PulseRecord } from '../../../src/core/pulse/pulseHistory';

// Local wall-clock times, so the tests hold in any time zone. 13 June 2025 is a Friday.
const at = (day: number, hour: number, minute = 0) => new Date(2025, 5, day, hour, minute).getTime();
const friday1500 = { day: 5, minute: 15 * 60 };
const sentThisWeek: PulseRecord = { week: '2025-06-09', channel: 'C0TEAM0001', plannedAt: at(13, 15), ts: '1749819600.000001' };

describe('pulse schedule', () => {
  it('is due from Friday 15:00 in working hours, and not before', () => {
    assert.equal(scheduledMoment(friday1500, defaultWorkingHours, at(10, 9)), at(13, 15));
    const before = pulseDue(friday1500, defaultWorkingHours, [], at(13, 14, 30));
    assert.deepEqual(before, { due: false, checkAgainAt: at(13, 15) });
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [], at(13, 15)).due, true);
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [], at(13, 16, 59)).due, true);
  });

  it('is not due again once this week\u2019s pulse is known, but a plan without a message still is', () => {
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [sentThisWeek], at(13, 15, 30)).due, false);
    const { ts: _ts, ...planned } = sentThisWeek;
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [planned], at(13, 15, 30)).due, true);
    // Last week's pulse does not count for this week.
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [{ ...sentThisWeek, week: '2025-06-02' }], at(13, 15, 30)).due, true);
  });

  it('waits for working hours: not in the evening, and a time before the day starts moves to its start', () => {
    assert.equal(pulseDue(friday1500, defaultWorkingHours, [], at(13, 18)).due, false);
    assert.equal(scheduledMoment({ day: 5, minute: 7 * 60 }, defaultWorkingHours, at(13, 8)), at(13, 9));
  });

  it('moves a time after hours or on a day off to the next working moment of the same week, or skips the week', () => {
    // Tuesday 20:00 → Wednesday 09:00.
    assert.equal(scheduledMoment({ day: 2, minute: 20 * 60 }, defaultWorkingHours, at(10, 12)), at(11, 9));
    // Friday 18:00 and Saturday have no working moment left in the week.
    assert.equal(scheduledMoment({ day: 5, minute: 18 * 60 }, defaultWorkingHours, at(13, 12)), undefined);
    assert.equal(scheduledMoment({ day: 6, minute: 10 * 60 }, defaultWorkingHours, at(13, 12)), undefined);
    assert.deepEqual(pulseDue({ day: 6, minute: 10 * 60 }, defaultWorkingHours, [], at(14, 10)), { due: false, checkAgainAt: at(14, 11) });
    // Sunday ends the week that began on Monday, so a Sunday pulse with a Sunday working day is that week's.
    const sevenDays = { ...defaultWorkingHours, days: [0, 1, 2, 3, 4, 5, 6] };
    assert.equal(scheduledMoment({ day: 0, minute: 10 * 60 }, sevenDays, at(11, 12)), at(15, 10));
  });
});
