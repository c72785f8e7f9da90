import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarParseError, expandCalendar, type ExpandOptions } from '../../../src/core/calendar/expandCalendar';
import { isMeeting, type CalendarEvent } from '../../../src/core/calendar/calendarEvent';
import { inTimeZone } from '../queue/fixtures';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function expand(name: string, o: Partial<ExpandOptions> = {}): readonly CalendarEvent[] {
  return expandCalendar(fixture(name), {
    feedId: 'work',
    myEmails: ['lead@example.com', 'lee.adams@example.com'],
    from: Date.parse('2026-02-20T00:00:00Z'),
    to: Date.parse('2026-04-10T00:00:00Z'),
    maxOccurrences: 5000,
    ...o,
  }).events;
}

describe('calendar feeds: expanding real-world exports', () => {
  // Floating times and all-day dates are the lead's local time; the lead works in Berlin here.
  const zone = inTimeZone('Europe/Berlin');
  before(zone.before);
  after(zone.after);

  describe('Google Calendar (VTIMEZONE with an IANA name, weekday RRULE, EXDATE, overrides)', () => {
    const events = () => expand('google.ics');
    const standups = () => events().filter((e) => e.id.startsWith('standup-4f2c@google.com/'));

    it('keeps 09:30 wall-clock time across the spring DST change (08:30Z before, 07:30Z after)', () => {
      const starts = standups().map((e) => iso(e.start));
      assert.ok(starts.includes('2026-03-27T08:30:00Z'), 'Friday before the change is 09:30 CET');
      assert.ok(starts.includes('2026-03-31T07:30:00Z'), 'Tuesday after the change is 09:30 CEST');
    });

    it('drops the EXDATE and the cancelled override, and moves the RECURRENCE-ID override', () => {
      const starts = standups().map((e) => iso(e.start));
      assert.ok(!starts.includes('2026-03-25T08:30:00Z'), 'EXDATE 25 March is gone');
      assert.ok(!starts.includes('2026-03-30T07:30:00Z'), 'cancelled 30 March is gone');
      assert.ok(!starts.includes('2026-03-26T08:30:00Z'), 'the moved occurrence is not at its old time');
      const moved = standups().find((e) => iso(e.start) === '2026-03-26T10:00:00Z');
      assert.equal(moved?.title, 'Team stand-up (moved: offsite)');
      assert.equal(moved?.end, Date.parse('2026-03-26T10:15:00Z'));
    });

    it('counts every weekday in the window exactly once, with stable ids', () => {
      const list = standups();
      // 2 Mar – 9 Apr: 29 weekdays, minus the EXDATE and the cancelled day.
      assert.equal(list.length, 27);
      assert.equal(new Set(list.map((e) => e.id)).size, list.length);
    });

    it('marks the declined event and the transparent one as not meetings, and the all-day one as all-day', () => {
      const byTitle = new Map(events().map((e) => [e.title, e]));
      const demo = byTitle.get('Vendor demo');
      assert.equal(demo?.declined, true);
      assert.equal(demo && isMeeting(demo), false);
      const walk = byTitle.get('Lunch walk');
      assert.equal(walk?.busy, false);
      assert.equal(walk?.declined, false);
      const offsite = byTitle.get('Team offsite');
      assert.equal(offsite?.allDay, true);
      assert.equal(offsite?.start, new Date(2026, 3, 1).getTime(), 'an all-day event starts at local midnight');
      assert.equal(offsite?.end, new Date(2026, 3, 2).getTime());
    });

    it('a declined event for someone else’s address stays a meeting', () => {
      const demo = expand('google.ics', { myEmails: ['someone@else.example'] }).find((e) => e.title === 'Vendor demo');
      assert.equal(demo?.declined, false);
      assert.equal(demo && isMeeting(demo), true);
    });
  });

  describe('Outlook / Exchange (Windows zone names with VTIMEZONE, RDATE, busy status)', () => {
    it('reads "W. Europe Standard Time" from its VTIMEZONE on both sides of the change', () => {
      const ones = expand('outlook.ics').filter((e) => e.title === '1:1 Lee / Marta');
      const starts = ones.map((e) => iso(e.start));
      assert.ok(starts.includes('2026-03-26T13:00:00Z'), '14:00 CET');
      assert.ok(!starts.includes('2026-04-02T12:00:00Z'), 'EXDATE on 2 April');
      assert.ok(starts.includes('2026-04-03T14:00:00Z'), 'RDATE adds Friday 3 April 16:00 CEST');
      assert.ok(starts.includes('2026-04-09T12:00:00Z'), '14:00 CEST after the change');
      assert.equal(ones[0]?.location, 'Room 4.12 (Berlin)');
    });

    it('treats X-MICROSOFT-CDO-BUSYSTATUS:FREE as free and matches the lead’s address case-insensitively', () => {
      const events = expand('outlook.ics');
      assert.equal(events.find((e) => e.title === 'Focus (tentative hold)')?.busy, false);
      const review = events.find((e) => e.title === 'Architecture review');
      assert.equal(review?.start, Date.parse('2026-03-31T13:00:00Z'));
      assert.equal(review && isMeeting(review), true, 'not declined: the lead has not answered yet');
    });
  });

  describe('Apple Calendar (America/Los_Angeles, UNTIL in UTC, floating time)', () => {
    it('follows the US DST change (10:00 PST = 18:00Z, then 10:00 PDT = 17:00Z) and stops at UNTIL', () => {
      const planning = expand('apple.ics').filter((e) => e.id.startsWith('8D3C0E34'));
      assert.deepEqual(
        planning.map((e) => iso(e.start)),
        ['2026-02-25T18:00:00Z', '2026-03-04T18:00:00Z', '2026-03-11T17:00:00Z', '2026-03-25T17:00:00Z'],
      );
    });

    it('keeps outside text as it is, for the surfaces to make inert', () => {
      const planning = expand('apple.ics').find((e) => e.id.startsWith('8D3C0E34'));
      assert.equal(planning?.title, 'Planning $(zap) [click](command:workbench.action.reloadWindow)');
    });

    it('reads a floating time as the lead’s local time', () => {
      const dentist = expand('apple.ics').find((e) => e.title === 'Floating dentist');
      assert.equal(dentist?.start, Date.parse('2026-03-09T15:00:00Z'));
    });
  });

  describe('IANA zone names with no VTIMEZONE', () => {
    it('reads them through the runtime’s zone data, across the US change', () => {
      const sync = expand('ianaOnly.ics').filter((e) => e.title === 'NYC sync');
      assert.deepEqual(
        sync.map((e) => iso(e.start)),
        ['2026-03-06T14:00:00Z', '2026-03-07T14:00:00Z', '2026-03-08T13:00:00Z', '2026-03-09T13:00:00Z'],
      );
    });

    it('moves a time inside the spring-forward gap forward by the gap', () => {
      const gap = expand('ianaOnly.ics').find((e) => e.title === 'Inside the spring-forward gap');
      assert.equal(gap && iso(gap.start), '2026-03-08T07:30:00Z');
      assert.equal(gap && gap.end - gap.start, 30 * 60_000);
    });
  });

  describe('overrides', () => {
    it('applies a RECURRENCE-ID override only to the series with its UID', () => {
      const series = (uid: string, title: string) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTART:20260302T100000Z', 'DTEND:20260302T103000Z', 'RRULE:FREQ=DAILY;COUNT=3', `SUMMARY:${title}`, 'END:VEVENT'];
      const text = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        ...series('a@x', 'Series A'),
        ...series('b@x', 'Series B'),
        'BEGIN:VEVENT',
        'UID:a@x',
        'RECURRENCE-ID:20260303T100000Z',
        'DTSTART:20260303T150000Z',
        'DTEND:20260303T153000Z',
        'SUMMARY:Series A (moved)',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n');
      const events = expandCalendar(text, { feedId: 'w', myEmails: [], from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-03-10T00:00:00Z'), maxOccurrences: 100 }).events;
      const onThe3rd = events.filter((e) => iso(e.start).startsWith('2026-03-03')).map((e) => `${e.title} ${iso(e.start)}`);
      assert.deepEqual(onThe3rd, ['Series B 2026-03-03T10:00:00Z', 'Series A (moved) 2026-03-03T15:00:00Z']);
    });
  });

  describe('bounds', () => {
    it('keeps only occurrences overlapping the window', () => {
      const events = expand('google.ics', { from: Date.parse('2026-03-31T07:40:00Z'), to: Date.parse('2026-03-31T12:00:00Z') });
      assert.deepEqual(events.map((e) => [e.title, iso(e.start)]), [['Team stand-up', '2026-03-31T07:30:00Z'], ['Lunch walk', '2026-03-31T10:00:00Z']]);
    });

    it('stops at the cap and says so', () => {
      const result = expandCalendar(fixture('google.ics'), { feedId: 'w', myEmails: [], from: 0, to: Date.parse('2027-01-01T00:00:00Z'), maxOccurrences: 10 });
      assert.equal(result.events.length, 10);
      assert.equal(result.truncated, true);
    });

    it('rejects a file that is not iCalendar with a typed error', () => {
      assert.throws(() => expandCalendar('<html><body>Sign in</body></html>', { feedId: 'w', myEmails: [], from: 0, to: 1, maxOccurrences: 1 }), (err) => CalendarParseError.is(err));
    });
  });
});
