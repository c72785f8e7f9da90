import * as vscode from 'vscode';
import type { InertText } from '../../core/inertText';

// The only place that calls showQuickPick (lint enforces it). Labels, descriptions and details must
// be InertText made for pickers, where `$(name)` in outside text would otherwise draw an icon.

export interface InertPickItem<V> {
  readonly label: InertText<'pick'>;
  readonly description?: InertText<'pick'>;
  readonly detail?: InertText<'pick'>;
  readonly picked?: boolean;
  /** What the caller gets back; never shown. */
  readonly value: V;
}

/**
 * Titles and placeholders are shown as given: callers translate their own words with t(), and text
 * that carries outside words (a block's label, a pull request's title) is never looked up as a
 * translation key, where `{0}` in it would be read as a placeholder.
 */
export interface InertPickOptions {
  readonly title?: string;
  readonly placeHolder?: string;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
  readonly ignoreFocusOut?: boolean;
}

type VsItem<V> = vscode.QuickPickItem & { readonly value: V };

function toVsItem<V>(item: InertPickItem<V>): VsItem<V> {
  return {
    label: item.label.value,
    ...(item.description ? { description: item.description.value } : {}),
    ...(item.detail ? { detail: item.detail.value } : {}),
    ...(item.picked !== undefined ? { picked: item.picked } : {}),
    value: item.value,
  };
}

/** One choice; undefined when the person cancels. */
export async function pickOne<V>(items: ReadonlyArray<InertPickItem<V>>, options: InertPickOptions): Promise<V | undefined> {
  const picked = await vscode.window.showQuickPick(items.map(toVsItem), { ...options, canPickMany: false });
  return picked?.value;
}

/** Several choices; undefined when the person cancels. */
export async function pickMany<V>(items: ReadonlyArray<InertPickItem<V>>, options: InertPickOptions): Promise<V[] | undefined> {
  const picked = await vscode.window.showQuickPick(items.map(toVsItem), { ...options, canPickMany: true });
  return picked?.map((p) => p.value);
}
