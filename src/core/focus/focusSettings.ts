// The typed `leadDesk.focus.*` settings, parsed the way src/core/settings.ts parses the rest: a bad
// value falls back to its default and is reported as a problem naming the setting.
import { translated } from '../inertText';
import { checkServiceUrl } from '../serviceUrl';
import type { RawSettings, SettingsProblem } from '../settingsSource';
import { parseSchedule, type ScheduleEntry } from './schedule';

export interface FocusSettings {
  /** Length of the break offered when a block completes; 0 turns the offer off. */
  readonly breakMinutes: number;
  /** Minutes of focus without a break after which a break is suggested; 0 turns it off. */
  readonly breakAfterMinutes: number;
  /** Length of a review block started from the queue. */
  readonly reviewBlockMinutes: number;
  readonly schedule: readonly ScheduleEntry[];
  /** Hold review-request pop-ups during a block and show one digest at its end. */
  readonly holdReviewRequests: boolean;
  readonly githubStatus: { readonly enabled: boolean };
  readonly notifications: { readonly enabled: boolean; readonly zenMode: boolean };
  readonly slack: { readonly enabled: boolean; readonly apiUrl: string };
}

export const defaultSlackApiUrl = 'https://slack.com/api/';

export const defaultFocusSettings: FocusSettings = {
  breakMinutes: 5,
  breakAfterMinutes: 90,
  reviewBlockMinutes: 30,
  schedule: [],
  holdReviewRequests: true,
  githubStatus: { enabled: false },
  notifications: { enabled: true, zenMode: false },
  slack: { enabled: false, apiUrl: defaultSlackApiUrl },
};

function bool(read: RawSettings, key: string, fallback: boolean, problems: SettingsProblem[]): boolean {
  const raw = read(key);
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'boolean') return raw;
  problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be true or false; using ${String(fallback)}.` });
  return fallback;
}

function minutes(read: RawSettings, key: string, fallback: number, min: number, max: number, problems: SettingsProblem[]): number {
  const raw = read(key);
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) return raw;
  problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be a whole number of minutes from ${min} to ${max}; using ${fallback}.` });
  return fallback;
}

function slackUrl(read: RawSettings, problems: SettingsProblem[]): string {
  const key = 'focus.slack.apiUrl';
  const raw = read(key);
  if (raw === undefined || raw === null || raw === '') return defaultSlackApiUrl;
  const checked = typeof raw === 'string' ? checkServiceUrl(raw, 'slack') : { ok: false as const, problem: translated`leadDesk.${key} must be a URL string.` };
  if (checked.ok) {
    // WebClient appends the method name to this URL, so it must end with a slash.
    return checked.url.href.endsWith('/') ? checked.url.href : `${checked.url.href}/`;
  }
  problems.push({ key: `leadDesk.${key}`, message: translated`${checked.problem} Using ${defaultSlackApiUrl}.` });
  return defaultSlackApiUrl;
}

export function parseFocusSettings(read: RawSettings, problems: SettingsProblem[]): FocusSettings {
  const schedule = parseSchedule(read('focus.schedule'));
  for (const message of schedule.problems) problems.push({ key: 'leadDesk.focus.schedule', message });
  return {
    breakMinutes: minutes(read, 'focus.breakMinutes', defaultFocusSettings.breakMinutes, 0, 60, problems),
    breakAfterMinutes: minutes(read, 'focus.breakAfterMinutes', defaultFocusSettings.breakAfterMinutes, 0, 480, problems),
    reviewBlockMinutes: minutes(read, 'focus.reviewBlockMinutes', defaultFocusSettings.reviewBlockMinutes, 5, 240, problems),
    schedule: schedule.entries,
    holdReviewRequests: bool(read, 'focus.holdReviewRequests', defaultFocusSettings.holdReviewRequests, problems),
    githubStatus: { enabled: bool(read, 'focus.githubStatus.enabled', false, problems) },
    notifications: {
      enabled: bool(read, 'focus.notifications.enabled', true, problems),
      zenMode: bool(read, 'focus.notifications.zenMode', false, problems),
    },
    slack: { enabled: bool(read, 'focus.slack.enabled', false, problems), apiUrl: slackUrl(read, problems) },
  };
}
