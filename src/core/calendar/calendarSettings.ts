// The typed `leadDesk.calendar.*` settings, parsed the way src/core/settings.ts parses the rest: a
// bad value falls back to its default and is reported as a problem naming the setting. Feed URLs
// are not settings: they are secrets, kept in SecretStorage.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';

export interface CalendarSettings {
  /** Local `.ics` files, read from disk; absolute paths or starting with `~`. */
  readonly files: readonly string[];
  /** The lead's addresses, lower case: an event they declined is not a meeting. */
  readonly myEmails: readonly string[];
  /** Find Focus Time proposes free slots at least this long. */
  readonly focusSlotMinutes: number;
}

export const defaultCalendarSettings: CalendarSettings = { files: [], myEmails: [], focusSlotMinutes: 90 };

/** `what` names the list ("email addresses") and `notOne` says an item is not one of them ("is not an email address"). */
function stringList(read: RawSettings, key: string, problems: SettingsProblem[], keep: (value: string) => boolean, what: string, notOne: string): string[] {
  const raw = read(key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be a list of ${what}; using none.` });
    return [];
  }
  const kept: string[] = [];
  for (const item of raw) {
    if (typeof item === 'string' && keep(item.trim())) kept.push(item.trim());
    else problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key}: ${JSON.stringify(item)} ${notOne}; it is ignored.` });
  }
  return kept;
}

export function parseCalendarSettings(read: RawSettings, problems: SettingsProblem[]): CalendarSettings {
  const key = 'calendar.focusSlotMinutes';
  const rawMinutes = read(key);
  let focusSlotMinutes = defaultCalendarSettings.focusSlotMinutes;
  if (typeof rawMinutes === 'number' && Number.isInteger(rawMinutes) && rawMinutes >= 15 && rawMinutes <= 480) focusSlotMinutes = rawMinutes;
  else if (rawMinutes !== undefined && rawMinutes !== null) problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be a whole number of minutes from 15 to 480; using ${focusSlotMinutes}.` });
  return {
    files: stringList(read, 'calendar.files', problems, (v) => /\.ics$/i.test(v) && (v.startsWith('/') || v.startsWith('~') || /^[A-Za-z]:[\\/]/.test(v)), translated`absolute paths of .ics files`, translated`is not an absolute path of an .ics file`),
    myEmails: stringList(read, 'calendar.myEmails', problems, (v) => /^[^\s@]+@[^\s@]+$/.test(v), translated`email addresses`, translated`is not an email address`).map((e) => e.toLowerCase()),
    focusSlotMinutes,
  };
}
