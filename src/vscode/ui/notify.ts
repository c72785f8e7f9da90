import * as vscode from 'vscode';
import type { InertText } from '../../core/inertText';
import { redactForDisplay } from '../log';
import { t } from '../l10n';

// The only place that calls show{Information,Warning,Error}Message (lint enforces it). The text
// must be InertText made for notifications, so a PR title or server error cannot become a link;
// it is redacted here too, so a token inside a server's message never reaches the screen.

type Severity = 'info' | 'warning' | 'error';

export interface NotifyOptions {
  readonly modal?: boolean;
  /** Shown under the message in a modal dialog. */
  readonly detail?: InertText<'message'>;
}

function shower(severity: Severity) {
  if (severity === 'error') return vscode.window.showErrorMessage;
  if (severity === 'warning') return vscode.window.showWarningMessage;
  return vscode.window.showInformationMessage;
}

/**
 * Shows one notification; resolves with the button picked. Button titles are the extension's own:
 * they are shown translated, and the caller gets back the title it passed, so its checks still hold.
 */
export function notify<T extends string>(severity: Severity, text: InertText<'message'>, options: NotifyOptions, ...buttons: T[]): Thenable<T | undefined> {
  const message = redactForDisplay(text.value);
  const vsOptions: vscode.MessageOptions = { modal: options.modal === true, ...(options.detail ? { detail: redactForDisplay(options.detail.value) } : {}) };
  const shown = buttons.map((button) => t(button));
  return shower(severity)(message, vsOptions, ...shown).then((picked) => (picked === undefined ? undefined : buttons[shown.indexOf(picked)]));
}

export function showInfo<T extends string>(text: InertText<'message'>, ...buttons: T[]): Thenable<T | undefined> {
  return notify('info', text, {}, ...buttons);
}

export function showWarning<T extends string>(text: InertText<'message'>, ...buttons: T[]): Thenable<T | undefined> {
  return notify('warning', text, {}, ...buttons);
}

export function showError<T extends string>(text: InertText<'message'>, ...buttons: T[]): Thenable<T | undefined> {
  return notify('error', text, {}, ...buttons);
}
