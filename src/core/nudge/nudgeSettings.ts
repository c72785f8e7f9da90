// `leadDesk.queue.nudgeTemplate`, and the one place the nudge reads the team's usual turnaround.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';
import type { UpdateSettings } from '../update/updateSettings';

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

/**
 * The team's usual review turnaround in working hours: how long a pull request may wait before a
 * nudge is offered. Today the weekly update's setting; a measured turnaround can replace it here.
 */
export function usualTurnaroundHours(settings: { readonly update: Pick<UpdateSettings, 'reviewTurnaroundHours'> }): number {
  return settings.update.reviewTurnaroundHours;
}
