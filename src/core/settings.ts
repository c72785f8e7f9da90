// The typed mirror of the `leadDesk.*` settings in package.json. Parsing is pure: a bad value
// falls back to the default and is reported as a problem that names the setting.
import { defaultQueueSettings, parseQueueSettings, type QueueSettings } from './queue/queueSettings';
import { defaultDelegationSettings, parseDelegationSettings, type DelegationSettings } from './handoff/delegationSettings';
import { defaultFocusSettings, parseFocusSettings, type FocusSettings } from './focus/focusSettings';
import type { RawSettings, SettingsProblem } from './settingsSource';

export type { RawSettings, SettingsProblem };

export interface LeadDeskSettings {
  readonly github: {
    readonly apiUrl: string;
  };
  readonly queue: QueueSettings;
  readonly delegation: DelegationSettings;
  readonly focus: FocusSettings;
}

export const defaultSettings: LeadDeskSettings = {
  github: { apiUrl: 'https://api.github.com' },
  queue: defaultQueueSettings,
  delegation: defaultDelegationSettings,
  focus: defaultFocusSettings,
};

export interface ParsedSettings {
  readonly settings: LeadDeskSettings;
  readonly problems: readonly SettingsProblem[];
}

export function parseApiUrl(raw: unknown, problems: SettingsProblem[]): string {
  const key = 'leadDesk.github.apiUrl';
  if (raw === undefined || raw === null || raw === '') return defaultSettings.github.apiUrl;
  if (typeof raw !== 'string') {
    problems.push({ key, message: `${key} must be a URL string; using ${defaultSettings.github.apiUrl}.` });
    return defaultSettings.github.apiUrl;
  }
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    return raw.trim().replace(/\/+$/, '');
  } catch {
    problems.push({ key, message: `${key} "${raw}" is not an http(s) URL; using ${defaultSettings.github.apiUrl}. For GitHub Enterprise Server use https://HOST/api/v3.` });
    return defaultSettings.github.apiUrl;
  }
}

export function parseSettings(read: RawSettings): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const settings: LeadDeskSettings = {
    github: { apiUrl: parseApiUrl(read('github.apiUrl'), problems) },
    queue: parseQueueSettings(read, problems),
    delegation: parseDelegationSettings(read, problems),
    focus: parseFocusSettings(read, problems),
  };
  return { settings, problems };
}
