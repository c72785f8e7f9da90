import * as vscode from 'vscode';
import { setTranslator } from '../core/inertText';

/**
 * Routes the tagged templates of core/inertText through VS Code's l10n bundle (l10n/), so every
 * message, picker, tree and tooltip text built with them follows the display language. Core stays
 * free of vscode: it only sees a function.
 */
export function installTranslator(): vscode.Disposable {
  setTranslator((key, args) => vscode.l10n.t(key, ...args));
  return new vscode.Disposable(() => setTranslator(undefined));
}

/** The glue's own words (button labels, picker titles) in the display language. */
export function t(text: string, ...args: Array<string | number>): string {
  return vscode.l10n.t(text, ...args);
}
