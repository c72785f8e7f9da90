// The typed mirror of the `leadDesk.*` settings in package.json. Parsing is pure: a bad value
// falls back to the default and is reported as a problem that names the setting.
import { checkServiceUrl } from './serviceUrl';
import { defaultQueueSettings, parseQueueSettings, type QueueSettings } from './queue/queueSettings';
import { defaultDelegationSettings, parseDelegationSettings, type DelegationSettings } from './delegation/delegationSettings';
import { defaultFocusSettings, parseFocusSettings, type FocusSettings } from './focus/focusSettings';
import { defaultCalendarSettings, parseCalendarSettings, type CalendarSettings } from './calendar/calendarSettings';
import type { RawSettings, SettingsProblem } from './settingsSource';

export type { RawSettings, SettingsProblem };

export interface LeadDeskSettings {
  readonly github: {
    readonly apiUrl: string;
    /** Why the configured API URL was not used; sign-in refuses with this rather than use the default. */
    readonly apiUrlProblem?: string;
  };
  readonly queue: QueueSettings;
  readonly delegation: DelegationSettings;
  readonly focus: FocusSettings;
  readonly calendar: CalendarSettings;
}

export const defaultSettings: LeadDeskSettings = {
  github: { apiUrl: 'https://api.github.com' },
  queue: defaultQueueSettings,
  delegation: defaultDelegationSettings,
  focus: defaultFocusSettings,
  calendar: defaultCalendarSettings,
};

export interface ParsedSettings {
  readonly settings: LeadDeskSettings;
  readonly problems: readonly SettingsProblem[];
}

export function parseApiUrl(raw: unknown, problems: SettingsProblem[]): LeadDeskSettings['github'] {
  const key = 'leadDesk.github.apiUrl';
  const fallback = defaultSettings.github.apiUrl;
  if (raw === undefined || raw === null || raw === '') return { apiUrl: fallback };
  const checked = typeof raw === 'string' ? checkServiceUrl(raw, 'github') : { ok: false as const, problem: `${key} must be a URL string.` };
  if (checked.ok) return { apiUrl: `${checked.url.origin}${checked.url.pathname}`.replace(/\/+$/, '') };
  problems.push({ key, message: `${checked.problem} Sign-in stays off until it is fixed.` });
  return { apiUrl: fallback, apiUrlProblem: checked.problem };
}

export function parseSettings(read: RawSettings): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const settings: LeadDeskSettings = {
    github: parseApiUrl(read('github.apiUrl'), problems),
    queue: parseQueueSettings(read, problems),
    delegation: parseDelegationSettings(read, problems),
    focus: parseFocusSettings(read, problems),
    calendar: parseCalendarSettings(read, problems),
  };
  return { settings, problems };
}
