import * as vscode from 'vscode';
import { LogChannelName } from '../ids';
import type { SharedState } from './sharedState';

/**
 * What the small entry bundle lends the lazily loaded features. The entry registers every command
 * and view at start-up, before the features' code is loaded; the features then hand their handlers
 * to the entry's registrations instead of registering the same ids a second time.
 */
export interface FeatureHost {
  registerCommand(id: string, run: (...args: unknown[]) => unknown): vscode.Disposable;
  registerWebviewViewProvider(viewId: string, provider: vscode.WebviewViewProvider): vscode.Disposable;
  /** The "Lead Desk" log channel, made at start-up so that it is listed (and written) from then on. */
  logChannel(): vscode.LogOutputChannel;
  /** The shared state the entry opened (moving old values into it) to read what start-up shows. */
  sharedState?(): SharedState;
}

/** Without an entry (nothing lent yet), registrations go straight to VS Code. */
const direct: FeatureHost = {
  registerCommand: (id, run) => vscode.commands.registerCommand(id, run),
  registerWebviewViewProvider: (viewId, provider) => vscode.window.registerWebviewViewProvider(viewId, provider),
  logChannel: () => vscode.window.createOutputChannel(LogChannelName, { log: true }),
};

let current: FeatureHost = direct;

/** Called once, by the features bundle's activate, before any feature registers. */
export function useFeatureHost(host: FeatureHost): void {
  current = host;
}

export function featureHost(): FeatureHost {
  return current;
}
