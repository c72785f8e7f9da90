// The one `leadDesk.workingHours` setting, parsed purely. It replaced `leadDesk.queue.workingDays`
// and `leadDesk.queue.workingHours`: until their values have been moved over (or when moving them
// failed), the old settings are still read, so the lead's hours never silently reset to 9–5.
import { translated } from './inertText';
import type { RawSettings, SettingsProblem } from './settingsSource';
import { defaultWorkingHours, type WorkingHours } from './workingHours';
import { isKnownZone } from './wallClock';

export const WorkingHoursKey = {
  current: 'workingHours',
  legacyDays: 'queue.workingDays',
  legacyHours: 'queue.workingHours',
} as const;

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const example = '{ "days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00", "timeZone": "Europe/Berlin" }';

function clockMinutes(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim()) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** ["mon", "Tuesday"] → [1, 2]; undefined when any entry is not a day. */
function parseDays(raw: unknown): number[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const parsed = (raw as unknown[]).map((d) => (typeof d === 'string' ? dayNames.indexOf(d.trim().toLowerCase().slice(0, 3)) : -1));
  return parsed.some((d) => d < 0) ? undefined : [...new Set(parsed)].sort();
}

function parseCurrent(raw: object, problems: SettingsProblem[]): WorkingHours {
  const key = `leadDesk.${WorkingHoursKey.current}`;
  const v = raw as { days?: unknown; start?: unknown; end?: unknown; timeZone?: unknown };
  let { days, startMinute, endMinute } = defaultWorkingHours;
  let timeZone: string | undefined;
  if (v.days !== undefined) {
    const parsed = parseDays(v.days);
    if (parsed) days = parsed;
    else problems.push({ key, message: translated`${key}: "days" must list days such as ["mon", "tue", "wed", "thu", "fri"]; using Monday to Friday.` });
  }
  const start = v.start === undefined ? startMinute : clockMinutes(v.start);
  const end = v.end === undefined ? endMinute : clockMinutes(v.end);
  if (start === undefined || end === undefined || end <= start) {
    problems.push({ key, message: translated`${key}: "start" and "end" must be times like "09:00" and "17:00", with end after start; using 09:00–17:00.` });
  } else {
    startMinute = start;
    endMinute = end;
  }
  if (v.timeZone !== undefined && v.timeZone !== null && v.timeZone !== '') {
    if (typeof v.timeZone === 'string' && isKnownZone(v.timeZone.trim())) timeZone = v.timeZone.trim();
    else problems.push({ key, message: translated`${key}: "timeZone" ${JSON.stringify(v.timeZone)} is not a time zone name such as "Europe/Berlin"; using this computer's time zone.` });
  }
  return { days, startMinute, endMinute, timeZone };
}

function parseLegacy(read: RawSettings, problems: SettingsProblem[]): WorkingHours {
  let { days, startMinute, endMinute } = defaultWorkingHours;
  const rawDays = read(WorkingHoursKey.legacyDays);
  if (rawDays !== undefined && rawDays !== null) {
    const parsed = parseDays(rawDays);
    const key = `leadDesk.${WorkingHoursKey.legacyDays}`;
    if (parsed) days = parsed;
    else problems.push({ key, message: translated`${key} must list days such as ["mon", "tue", "wed", "thu", "fri"]; using Monday to Friday.` });
  }
  const rawHours = read(WorkingHoursKey.legacyHours);
  if (rawHours !== undefined && rawHours !== null) {
    const h = (typeof rawHours === 'object' ? rawHours : {}) as { start?: unknown; end?: unknown };
    const start = clockMinutes(h.start);
    const end = clockMinutes(h.end);
    const key = `leadDesk.${WorkingHoursKey.legacyHours}`;
    if (start === undefined || end === undefined || end <= start) {
      problems.push({ key, message: translated`${key} must be { "start": "09:00", "end": "17:00" } with end after start; using 09:00–17:00.` });
    } else {
      startMinute = start;
      endMinute = end;
    }
  }
  return { days, startMinute, endMinute };
}

/** The working hours in force: the new setting when it is set, else whatever the old ones say. */
export function parseWorkingHours(read: RawSettings, problems: SettingsProblem[]): WorkingHours {
  const raw = read(WorkingHoursKey.current);
  if (raw === undefined || raw === null) return parseLegacy(read, problems);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const key = `leadDesk.${WorkingHoursKey.current}`;
    problems.push({ key, message: translated`${key} must be an object like ${example}; using Monday to Friday, 09:00–17:00.` });
    return defaultWorkingHours;
  }
  return parseCurrent(raw, problems);
}

/** The value the new setting is written with, as the settings editor shows it. */
export interface WorkingHoursValue {
  readonly days: readonly string[];
  readonly start: string;
  readonly end: string;
  readonly timeZone?: string;
}

export function workingHoursValue(hours: WorkingHours): WorkingHoursValue {
  const value = { days: hours.days.map((d) => dayNames[d]), start: clockText(hours.startMinute), end: clockText(hours.endMinute) };
  return hours.timeZone ? { ...value, timeZone: hours.timeZone } : value;
}

/**
 * What moving the old settings of one scope (user or workspace) over means: the new value to write
 * there, or undefined when that scope has nothing to move. A bad old value moves as its default,
 * which is what it already meant.
 */
export function migrateLegacyWorkingHours(oldDays: unknown, oldHours: unknown): WorkingHoursValue | undefined {
  if (oldDays === undefined && oldHours === undefined) return undefined;
  const read: RawSettings = (key) => (key === WorkingHoursKey.legacyDays ? oldDays : key === WorkingHoursKey.legacyHours ? oldHours : undefined);
  return workingHoursValue(parseLegacy(read, []));
}
