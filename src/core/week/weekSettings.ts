// The typed `leadDesk.week.*` settings: a bad value falls back to its default and is reported as
// a problem naming the setting.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';

export interface WeekSettings {
  /** Share of the working week the lead means to spend on deep work (focus blocks of that type). */
  readonly codingTargetPercent: number;
}

export const defaultWeekSettings: WeekSettings = { codingTargetPercent: 50 };

export function parseWeekSettings(read: RawSettings, problems: SettingsProblem[]): WeekSettings {
  const key = 'week.codingTargetPercent';
  const raw = read(key);
  const fallback = defaultWeekSettings.codingTargetPercent;
  if (raw === undefined || raw === null) return defaultWeekSettings;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 100) return { codingTargetPercent: raw };
  problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be a whole number from 0 to 100; using ${fallback}.` });
  return defaultWeekSettings;
}
