import * as vscode from 'vscode';
import { setTranslator } from '../core/inertText';
import { setCountLanguage } from '../core/countText';

/**
 * Routes the tagged templates of core/inertText through VS Code's l10n bundle (l10n/), so every
 * message, picker, tree and tooltip text built with them follows the display language. Core stays
 * free of vscode: it only sees a function. Counts (src/core/countText.ts) follow the same language.
 */
export function installTranslator(): vscode.Disposable {
  setTranslator((key, args) => vscode.l10n.t(key, ...args));
  setCountLanguage(vscode.env.language);
  return new vscode.Disposable(() => {
    setTranslator(undefined);
    setCountLanguage(undefined);
  });
}

/** The glue's own words (button labels, picker titles) in the display language. */
export function t(text: string, ...args: Array<string | number>): string {
  return vscode.l10n.t(text, ...args);
}
