import assert from 'node:assert/strict';
import { endOfWeek, findFreeSlots } from '../../../src/core/calendar/freeSlots';
import type { CalendarEvent } from '../../../src/core/calendar/calendarEvent';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { inTimeZone } from '../queue/fixtures';

const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();
let n = 0;
function meeting(start: number, end: number, o: Partial<CalendarEvent> = {}): CalendarEvent {
  n += 1;
  return { id: `m${n}`, feedId: 'work', title: `Meeting ${n}`, start, end, allDay: false, busy: true, declined: false, ...o };
}
const hm = (ms: number) => {
  const d = new Date(ms);
  return `${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('Find Focus Time: free slots between meetings', () => {
  const zone = inTimeZone('Europe/Berlin');
  before(zone.before);
  after(zone.after);

  it('finds the gaps of at least N minutes in working hours, today from now and the rest of the week', () => {
    // Thursday 26 March 2026, 08:00: before working hours.
    const now = at(2026, 3, 26, 8);
    const meetings = [
      meeting(at(2026, 3, 26, 9, 30), at(2026, 3, 26, 9, 45)),
      meeting(at(2026, 3, 26, 11), at(2026, 3, 26, 12)),
      meeting(at(2026, 3, 26, 11, 30), at(2026, 3, 26, 13)), // overlaps the one before
      meeting(at(2026, 3, 27, 10), at(2026, 3, 27, 16)),
    ];
    const slots = findFreeSlots({ now, meetings, workingTime: defaultWorkingHours, minMinutes: 90 });
    assert.deepEqual(
      slots.map((s) => `${hm(s.start)}–${hm(s.end)}`),
      ['26 13:00–26 17:00'],
      'Thu 09:00–09:30 and 09:45–11:00 are too short; Fri 09:00–10:00 and 16:00–17:00 too; the weekend is not working time',
    );
    const shorter = findFreeSlots({ now, meetings, workingTime: defaultWorkingHours, minMinutes: 60 });
    assert.deepEqual(shorter.map((s) => `${hm(s.start)}–${hm(s.end)}`), ['26 09:45–26 11:00', '26 13:00–26 17:00', '27 09:00–27 10:00', '27 16:00–27 17:00']);
    assert.equal(shorter[0]?.before?.start, at(2026, 3, 26, 11), 'the slot knows which meeting ends it');
  });

  it('starts today’s first slot at now when the day has begun, and ignores declined, free and all-day events', () => {
    const now = at(2026, 3, 27, 14, 10);
    const meetings = [
      meeting(at(2026, 3, 27, 15), at(2026, 3, 27, 16), { declined: true, busy: false }),
      meeting(at(2026, 3, 27, 15), at(2026, 3, 27, 16), { busy: false }),
      meeting(at(2026, 3, 27, 0), at(2026, 3, 28, 0), { allDay: true }),
    ];
    const slots = findFreeSlots({ now, meetings, workingTime: defaultWorkingHours, minMinutes: 90 });
    assert.deepEqual(slots.map((s) => `${hm(s.start)}–${hm(s.end)}`), ['27 14:10–27 17:00']);
  });

  it('keeps the full working window on the day the clocks change, and ends the week on Sunday night', () => {
    const workingTime = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 9 * 60, endMinute: 12 * 60 };
    const slots = findFreeSlots({ now: at(2026, 3, 28, 18), meetings: [], workingTime, minMinutes: 90 });
    assert.deepEqual(slots.map((s) => `${hm(s.start)}–${hm(s.end)}`), ['29 09:00–29 12:00']);
    assert.equal(slots[0] && slots[0].end - slots[0].start, 3 * 3_600_000);
    assert.equal(endOfWeek(at(2026, 3, 29, 23)), at(2026, 3, 30, 0));
    assert.equal(endOfWeek(at(2026, 3, 30, 0)), at(2026, 4, 6, 0));
  });
});
