import assert from 'node:assert/strict';
import { parseSettings, type SettingsProblem } from '../../../src/core/settings';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { migrateLegacyWorkingHours, parseWorkingHours } from '../../../src/core/workingHoursSettings';

function parse(values: Record<string, unknown>) {
  const problems: SettingsProblem[] = [];
  const hours = parseWorkingHours((key) => values[key], problems);
  return { hours, problems };
}

describe('the working-hours setting', () => {
  it('defaults to Monday to Friday, 09:00–17:00, in the system zone', () => {
    assert.deepEqual(parse({}), { hours: defaultWorkingHours, problems: [] });
  });

  it('reads days, hours and a time zone from leadDesk.workingHours', () => {
    const { hours, problems } = parse({ workingHours: { days: ['mon', 'Tuesday', 'sun'], start: '08:30', end: '16:00', timeZone: 'Europe/Berlin' } });
    assert.deepEqual(hours, { days: [0, 1, 2], startMinute: 510, endMinute: 960, timeZone: 'Europe/Berlin' });
    assert.deepEqual(problems, []);
  });

  it('falls back per field on nonsense and names the setting', () => {
    const { hours, problems } = parse({ workingHours: { days: ['someday'], start: '18:00', end: '09:00', timeZone: 'Mars/Olympus' } });
    assert.deepEqual(hours, { ...defaultWorkingHours, timeZone: undefined });
    assert.equal(problems.length, 3);
    assert.ok(problems.every((p) => p.key === 'leadDesk.workingHours'));
    assert.match(problems[2].message, /"Mars\/Olympus" is not a time zone name .* using this computer's time zone/);
    assert.match(parse({ workingHours: 'nine to five' }).problems[0].message, /must be an object like/);
  });

  it('keeps reading the old queue settings while the new one is not set', () => {
    const old = { 'queue.workingDays': ['mon', 'Tuesday', 'sun'], 'queue.workingHours': { start: '08:30', end: '16:00' } };
    assert.deepEqual(parse(old).hours, { days: [0, 1, 2], startMinute: 510, endMinute: 960 });
    const bad = parse({ 'queue.workingDays': ['someday'], 'queue.workingHours': { start: '18:00', end: '09:00' } });
    assert.deepEqual(bad.hours, defaultWorkingHours);
    assert.deepEqual(bad.problems.map((p) => p.key), ['leadDesk.queue.workingDays', 'leadDesk.queue.workingHours']);
    // Once the new one is set, the old ones no longer count.
    assert.deepEqual(parse({ ...old, workingHours: { start: '10:00', end: '18:00' } }).hours, { days: [1, 2, 3, 4, 5], startMinute: 600, endMinute: 1080, timeZone: undefined });
  });

  it('gives the queue the same working hours', () => {
    const { settings } = parseSettings((key) => (key === 'workingHours' ? { days: ['sat'], start: '07:00', end: '12:00', timeZone: 'Asia/Tokyo' } : undefined));
    assert.deepEqual(settings.queue.workingTime, settings.workingHours);
    assert.equal(settings.workingHours.timeZone, 'Asia/Tokyo');
  });

  it('moves old values into the new shape, and nothing when nothing was set', () => {
    assert.equal(migrateLegacyWorkingHours(undefined, undefined), undefined);
    assert.deepEqual(migrateLegacyWorkingHours(['tue', 'wed'], { start: '07:15', end: '15:45' }), { days: ['tue', 'wed'], start: '07:15', end: '15:45' });
    assert.deepEqual(migrateLegacyWorkingHours(undefined, { start: '10:00', end: '18:00' }), { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '10:00', end: '18:00' });
  });
});
