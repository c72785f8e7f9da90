import * as vscode from 'vscode';
import { pick } from '../../../core/inertText';
import { t } from '../../l10n';
import { formatMinuteOfDay, parseTimeOfDay, type Weekday } from '../../../core/focus/schedule';
import type { BlockFields } from '../../../core/focus/scheduleEdits';
import { focusTypeLabel } from '../../../core/focus/types';
import { pickMany, pickOne } from '../../ui/quickPick';
import { pickType, validateMinutes } from './focusPickers';

const days: ReadonlyArray<{ day: Weekday; name: string }> = [
  { day: 'mon', name: t('Monday') },
  { day: 'tue', name: t('Tuesday') },
  { day: 'wed', name: t('Wednesday') },
  { day: 'thu', name: t('Thursday') },
  { day: 'fri', name: t('Friday') },
  { day: 'sat', name: t('Saturday') },
  { day: 'sun', name: t('Sunday') },
];

const lengths = [30, 60, 90, 120] as const;

/** Asks, one quick pick at a time, for a weekly block's days, start, length, label and type. */
export async function pickBlockFields(title: string, current?: BlockFields): Promise<BlockFields | undefined> {
  const chosenDays = await pickMany(
    days.map(({ day, name }) => ({ label: pick`${name}`, value: day, picked: current ? current.days.includes(day) : ['mon', 'tue', 'wed', 'thu', 'fri'].includes(day) })),
    { title: t('{0} (1/5): Which days?', title), placeHolder: t('Tick the days the block repeats on') },
  );
  if (!chosenDays || chosenDays.length === 0) return undefined;
  const startText = await vscode.window.showInputBox({
    title: t('{0} (2/5): Start', title),
    prompt: t('Start time, 24-hour HH:MM'),
    value: formatMinuteOfDay(current?.start ?? 9 * 60),
    validateInput: (v) => (parseTimeOfDay(v, false) === undefined ? t('Enter a time from 00:00 to 23:59, e.g. 09:00.') : undefined),
  });
  if (startText === undefined) return undefined;
  const start = parseTimeOfDay(startText, false)!;
  const length = await pickLength(title, current ? current.end - current.start : undefined);
  if (length === undefined) return undefined;
  const label = await vscode.window.showInputBox({ title: t('{0} (4/5): Label', title), prompt: t('Shown in the Focus view and the status bar'), value: current?.label ?? t('Heads-down') });
  if (label === undefined) return undefined;
  const type = await pickType(current ? t('{0} (5/5): What for? (now {1})', title, focusTypeLabel[current.type]) : t('{0} (5/5): What for?', title));
  if (type === undefined) return undefined;
  return { days: chosenDays, start, end: Math.min(24 * 60, start + length), label: label.trim() || t('Focus'), type };
}

async function pickLength(title: string, current: number | undefined): Promise<number | undefined> {
  const items = [
    ...(current !== undefined && !(lengths as readonly number[]).includes(current) ? [{ label: pick`$(check) ${current} minutes`, description: pick`as now`, value: current as number | 'custom' }] : []),
    ...lengths.map((minutes) => ({ label: pick`$(clock) ${minutes} minutes`, ...(minutes === current ? { description: pick`as now` } : {}), value: minutes })),
    { label: pick`$(edit) Custom…`, value: 'custom' as const },
  ];
  const picked = await pickOne(items, { title: t('{0} (3/5): How long?', title) });
  if (picked !== 'custom') return picked;
  const typed = await vscode.window.showInputBox({ title: t('{0}: Minutes', title), prompt: t('Length in minutes'), value: String(current ?? 45), validateInput: validateMinutes });
  return typed === undefined ? undefined : Number(typed.trim());
}
