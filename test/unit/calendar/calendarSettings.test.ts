import assert from 'node:assert/strict';
import { parseCalendarSettings } from '../../../src/core/calendar/calendarSettings';
import { describeFeedStatus } from '../../../src/core/calendar/feedStatus';
import type { SettingsProblem } from '../../../src/core/settingsSource';
import { inTimeZone } from '../queue/fixtures';

describe('calendar settings and feed status lines', () => {
  const zone = inTimeZone('Europe/Berlin');
  before(zone.before);
  after(zone.after);

  it('keeps good values, drops bad items with a problem naming the setting', () => {
    const problems: SettingsProblem[] = [];
    const raw: Record<string, unknown> = {
      'calendar.files': ['/home/lee/work.ics', 'relative.ics', '~/cal/home.ics', 42],
      'calendar.myEmails': ['Lee.Adams@Example.com', 'not an email'],
      'calendar.focusSlotMinutes': 5,
    };
    const s = parseCalendarSettings((k) => raw[k], problems);
    assert.deepEqual(s.files, ['/home/lee/work.ics', '~/cal/home.ics']);
    assert.deepEqual(s.myEmails, ['lee.adams@example.com']);
    assert.equal(s.focusSlotMinutes, 90);
    assert.deepEqual([...new Set(problems.map((p) => p.key))].sort(), ['leadDesk.calendar.files', 'leadDesk.calendar.focusSlotMinutes', 'leadDesk.calendar.myEmails']);
    assert.ok(problems.every((p) => p.message.includes(p.key)));
  });

  it('says a feed is offline since when, and which copy is shown', () => {
    const now = new Date(2026, 2, 26, 10, 45).getTime();
    const line = describeFeedStatus(
      { feedId: 'a', name: 'work calendar', health: 'offline', copyFrom: new Date(2026, 2, 26, 10, 25).getTime(), failingSince: new Date(2026, 2, 26, 10, 40).getTime(), problem: 'HTTP 500', events: 12, truncated: false },
      now,
    );
    assert.equal(line, 'work calendar: offline since 10:40 (HTTP 500), showing the copy from 10:25');
    const older = describeFeedStatus({ feedId: 'a', name: 'home', health: 'malformed', copyFrom: new Date(2026, 2, 24, 9, 0).getTime(), failingSince: now, problem: 'no VCALENDAR in it', events: 3, truncated: false }, now);
    assert.equal(older, 'home: not a calendar since 10:45 (no VCALENDAR in it), showing the copy from Tue 09:00');
  });
});
