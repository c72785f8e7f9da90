// The `leadDesk.update.*` settings, parsed purely. A bad value falls back to its default and is
// reported as a problem that names the setting.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';
import { updateGroupings, type UpdateGroupBy } from './updateTypes';

export interface UpdateSettings {
  readonly groupBy: UpdateGroupBy;
  /** A Markdown file with placeholders; empty for the template shipped with Lead Desk. */
  readonly template: string;
  /** A Slack channel id (C…) or name (#team-updates); empty when posting is not set up. */
  readonly slackChannel: string;
  /** A review request older than this is "at risk". */
  readonly reviewTurnaroundHours: number;
}

export const defaultUpdateSettings: UpdateSettings = { groupBy: 'repository', template: '', slackChannel: '', reviewTurnaroundHours: 24 };

export const UpdateSettingKey = {
  groupBy: 'update.groupBy',
  template: 'update.template',
  slackChannel: 'update.slackChannel',
  reviewTurnaroundHours: 'update.reviewTurnaroundHours',
} as const;

const channelPattern = /^(#?[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{6,})$/;

function text(read: RawSettings, key: string, problems: SettingsProblem[]): string {
  const raw = read(key);
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw.trim();
  problems.push({ key: `leadDesk.${key}`, message: translated`leadDesk.${key} must be text; ignoring it.` });
  return '';
}

export function parseUpdateSettings(read: RawSettings, problems: SettingsProblem[]): UpdateSettings {
  let groupBy = defaultUpdateSettings.groupBy;
  const rawGroup = read(UpdateSettingKey.groupBy);
  if (rawGroup !== undefined && rawGroup !== null) {
    if ((updateGroupings as readonly unknown[]).includes(rawGroup)) groupBy = rawGroup as UpdateGroupBy;
    else problems.push({ key: `leadDesk.${UpdateSettingKey.groupBy}`, message: translated`leadDesk.${UpdateSettingKey.groupBy} must be one of ${updateGroupings.join(', ')}; using repository.` });
  }
  const template = text(read, UpdateSettingKey.template, problems);
  let slackChannel = text(read, UpdateSettingKey.slackChannel, problems);
  if (slackChannel && !channelPattern.test(slackChannel)) {
    problems.push({ key: `leadDesk.${UpdateSettingKey.slackChannel}`, message: translated`leadDesk.${UpdateSettingKey.slackChannel} must be a channel name such as #team-updates or an id such as C0123ABCD; posting stays off until it is fixed.` });
    slackChannel = '';
  }
  let reviewTurnaroundHours = defaultUpdateSettings.reviewTurnaroundHours;
  const rawHours = read(UpdateSettingKey.reviewTurnaroundHours);
  if (rawHours !== undefined && rawHours !== null) {
    if (typeof rawHours === 'number' && Number.isFinite(rawHours) && rawHours >= 1 && rawHours <= 24 * 14) reviewTurnaroundHours = rawHours;
    else problems.push({ key: `leadDesk.${UpdateSettingKey.reviewTurnaroundHours}`, message: translated`leadDesk.${UpdateSettingKey.reviewTurnaroundHours} must be a number of hours from 1 to 336; using 24.` });
  }
  return { groupBy, template, slackChannel, reviewTurnaroundHours };
}
