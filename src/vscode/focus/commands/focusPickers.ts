import * as vscode from 'vscode';
import { pick, type InertText } from '../../../core/inertText';
import { t } from '../../l10n';
import { pickOne, type InertPickItem } from '../../ui/quickPick';
import { maxBlockMinutes } from '../../../core/focus/focusMachine';
import { focusTypeLabel, focusTypes, isFocusType, type FocusType } from '../../../core/focus/types';

export const presetMinutes = [25, 50, 90] as const;

const typeIcons: Record<FocusType, InertText<'pick'>> = { deepWork: pick`$(code)`, review: pick`$(git-pull-request)`, planning: pick`$(checklist)` };

/** Arguments the focus commands accept when called from code (tests, other features, keybindings). */
export interface FocusCommandArgs {
  readonly minutes?: number;
  readonly type?: FocusType;
  readonly label?: string;
  /** Epoch ms of a later start: the block is saved and the schedule starts it then (Find Focus Time). */
  readonly startsAt?: number;
}

export function readFocusArgs(arg: unknown): FocusCommandArgs {
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  return {
    minutes: typeof a.minutes === 'number' && Number.isFinite(a.minutes) ? a.minutes : undefined,
    type: isFocusType(a.type) ? a.type : undefined,
    label: typeof a.label === 'string' && a.label.trim() ? a.label.trim() : undefined,
    startsAt: typeof a.startsAt === 'number' && Number.isFinite(a.startsAt) ? a.startsAt : undefined,
  };
}

export function validateMinutes(value: string): string | undefined {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > maxBlockMinutes) return t('Enter whole minutes from 1 to {0}.', maxBlockMinutes);
  return undefined;
}

export async function pickMinutes(): Promise<number | undefined> {
  const items: Array<InertPickItem<number | 'custom'>> = [
    ...presetMinutes.map((minutes) => ({ label: pick`$(clock) ${minutes} minutes`, value: minutes })),
    { label: pick`$(edit) Custom…`, description: pick`Any length up to 8 hours`, value: 'custom' as const },
  ];
  const picked = await pickOne(items, { title: t('Start a Focus Block (1/2): How long?'), placeHolder: t('Pick a length') });
  if (picked === undefined) return undefined;
  if (picked !== 'custom') return picked;
  const typed = await vscode.window.showInputBox({ title: t('Start a Focus Block: Minutes'), prompt: t('Length of the block in minutes'), value: '45', validateInput: validateMinutes });
  return typed === undefined ? undefined : Number(typed.trim());
}

export async function pickType(title: string, except?: FocusType): Promise<FocusType | undefined> {
  const items = focusTypes.filter((t) => t !== except).map((type) => ({ label: pick`${typeIcons[type]} ${focusTypeLabel[type]}`, value: type }));
  return pickOne(items, { title, placeHolder: t('What is this block for?') });
}
