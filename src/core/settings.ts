// The typed mirror of the `leadDesk.*` settings in package.json. Parsing is pure: a bad value
// falls back to the default and is reported as a problem that names the setting.
import { translated } from './inertText';
import { checkServiceUrl } from './serviceUrl';
import { defaultQueueSettings, parseQueueSettings, type QueueSettings } from './queue/queueSettings';
import { defaultDelegationSettings, parseDelegationSettings, type DelegationSettings } from './delegation/delegationSettings';
import { defaultFocusSettings, parseFocusSettings, type FocusSettings } from './focus/focusSettings';
import { defaultUpdateSettings, parseUpdateSettings, type UpdateSettings } from './update/updateSettings';
import { defaultPulseSettings, parsePulseSettings, type PulseSettings } from './pulse/pulseSettings';
import { defaultWeekSettings, parseWeekSettings, type WeekSettings } from './week/weekSettings';
import { defaultCalendarSettings, parseCalendarSettings, type CalendarSettings } from './calendar/calendarSettings';
import { defaultNudgeSettings, parseNudgeSettings, type NudgeSettings } from './nudge/nudgeSettings';
import type { RawSettings, SettingsProblem } from './settingsSource';
import { defaultWorkingHours, type WorkingHours } from './workingHours';
import { parseWorkingHours } from './workingHoursSettings';

export type { RawSettings, SettingsProblem };

export interface LeadDeskSettings {
  readonly github: {
    readonly apiUrl: string;
    /** Why the configured API URL was not used; sign-in refuses with this rather than use the default. */
    readonly apiUrlProblem?: string;
  };
  /** `leadDesk.workingHours`, shared by every feature. */
  readonly workingHours: WorkingHours;
  readonly queue: QueueSettings;
  readonly delegation: DelegationSettings;
  readonly focus: FocusSettings;
  readonly update: UpdateSettings;
  readonly pulse: PulseSettings;
  readonly week: WeekSettings;
  readonly calendar: CalendarSettings;
  readonly nudge: NudgeSettings;
}

export const defaultSettings: LeadDeskSettings = {
  github: { apiUrl: 'https://api.github.com' },
  workingHours: defaultWorkingHours,
  queue: defaultQueueSettings,
  delegation: defaultDelegationSettings,
  focus: defaultFocusSettings,
  update: defaultUpdateSettings,
  pulse: defaultPulseSettings,
  week: defaultWeekSettings,
  calendar: defaultCalendarSettings,
  nudge: defaultNudgeSettings,
};

export interface ParsedSettings {
  readonly settings: LeadDeskSettings;
  readonly problems: readonly SettingsProblem[];
}

export function parseApiUrl(raw: unknown, problems: SettingsProblem[]): LeadDeskSettings['github'] {
  const key = 'leadDesk.github.apiUrl';
  const fallback = defaultSettings.github.apiUrl;
  if (raw === undefined || raw === null || raw === '') return { apiUrl: fallback };
  const checked = typeof raw === 'string' ? checkServiceUrl(raw, 'github') : { ok: false as const, problem: translated`${key} must be a URL string.` };
  if (checked.ok) return { apiUrl: `${checked.url.origin}${checked.url.pathname}`.replace(/\/+$/, '') };
  problems.push({ key, message: translated`${checked.problem} Sign-in stays off until it is fixed.` });
  return { apiUrl: fallback, apiUrlProblem: checked.problem };
}

export function parseSettings(read: RawSettings): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const workingHours = parseWorkingHours(read, problems);
  const settings: LeadDeskSettings = {
    github: parseApiUrl(read('github.apiUrl'), problems),
    workingHours,
    queue: parseQueueSettings(read, problems, workingHours),
    delegation: parseDelegationSettings(read, problems),
    focus: parseFocusSettings(read, problems),
    update: parseUpdateSettings(read, problems),
    pulse: parsePulseSettings(read, problems),
    week: parseWeekSettings(read, problems),
    calendar: parseCalendarSettings(read, problems),
    nudge: parseNudgeSettings(read, problems),
  };
  return { settings, problems };
}
