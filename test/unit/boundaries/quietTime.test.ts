import assert from 'node:assert/strict';
import { quietAt, quietText, recheckAt } from '../../../src/core/boundaries/quietTime';
import type { WorkingHours } from '../../../src/core/workingHours';

const berlin: WorkingHours = { days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60, timeZone: 'Europe/Berlin' };
const t = (iso: string) => Date.parse(iso);

describe('quiet time', () => {
  it('is quiet after hours until the next working morning, across the weekend and a DST change', () => {
    const friday = t('2026-03-27T18:00:00+01:00');
    assert.deepEqual(quietAt(friday, berlin, undefined), { reason: 'afterHours', until: t('2026-03-30T09:00:00+02:00') });
    assert.equal(quietText(quietAt(friday, berlin, undefined)!, berlin), 'after hours until Mon 09:00');
    assert.equal(recheckAt(friday, berlin, undefined), t('2026-03-30T09:00:00+02:00'));
  });

  it('is not quiet in working hours, and rechecks when they end', () => {
    const tuesday = t('2026-03-03T10:00:00+01:00');
    assert.equal(quietAt(tuesday, berlin, undefined), undefined);
    assert.equal(recheckAt(tuesday, berlin, undefined), t('2026-03-03T17:00:00+01:00'));
  });

  it('is quiet after End My Day even within working hours, until the morning it named', () => {
    const tuesday = t('2026-03-03T15:00:00+01:00');
    const morning = t('2026-03-04T09:00:00+01:00');
    assert.deepEqual(quietAt(tuesday, berlin, morning), { reason: 'dayEnded', until: morning });
    assert.equal(quietText(quietAt(tuesday, berlin, morning)!, berlin), 'day ended until Wed 09:00');
    assert.equal(quietAt(morning, berlin, morning), undefined, 'over in the morning');
  });
});

describe('the day summary', () => {
  it('says what the day held and when the next one starts', async () => {
    const { summariseDay, firstMeetingFrom } = await import('../../../src/core/boundaries/daySummary');
    const until = t('2026-03-30T09:00:00+02:00');
    const standup = { id: 's', feedId: 'f', title: 'Standup [ops](command:x)', start: t('2026-03-30T09:30:00+02:00'), end: t('2026-03-30T09:45:00+02:00'), allDay: false, busy: true, declined: false };
    const holiday = { ...standup, id: 'h', title: 'Holiday', start: until - 9 * 3600_000, allDay: true };
    const first = firstMeetingFrom({ meetingsBetween: () => [holiday, standup] }, until);
    assert.equal(first?.id, 's');
    const summary = summariseDay({ focusedMs: 190 * 60_000, counts: { waiting: 6, reviewedToday: 1 }, until, hours: berlin, firstMeeting: first });
    assert.deepEqual(summary, { figures: 'Today: 3 h 10 min of focus · 1 pull request reviewed · 6 still waiting for you', until: 'Mon 09:00', nextMeetingAt: 'Mon 09:30', nextMeetingTitle: 'Standup [ops](command:x)' });
    assert.match(summariseDay({ focusedMs: 0, until, hours: berlin }).figures, /reviews unknown/);
  });
});
