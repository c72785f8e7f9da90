// `leadDesk.queue.nudgeTemplate`. The turnaround a nudge compares with is in nudgeTurnaround.ts.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';

export interface NudgeSettings {
  /** The comment a nudge posts; empty for the one shipped with Lead Desk. */
  readonly template: string;
}

export const defaultNudgeSettings: NudgeSettings = { template: '' };

export const NudgeSettingKey = { template: 'queue.nudgeTemplate' } as const;

export function parseNudgeSettings(read: RawSettings, problems: SettingsProblem[]): NudgeSettings {
  const raw = read(NudgeSettingKey.template);
  if (raw === undefined || raw === null) return defaultNudgeSettings;
  if (typeof raw === 'string') return { template: raw.trim() };
  problems.push({ key: `leadDesk.${NudgeSettingKey.template}`, message: translated`leadDesk.${NudgeSettingKey.template} must be text; using the default nudge.` });
  return defaultNudgeSettings;
}

