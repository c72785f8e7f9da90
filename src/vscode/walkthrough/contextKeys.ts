import * as vscode from 'vscode';

// VS Code offers no way to read a context key back, yet the walkthrough's steps tick on them, so
// the keys are set through here and the last value sent is kept for the host tests to read.
const lastSet = new Map<string, unknown>();

/** Sets a context key and remembers the value sent. */
export function setContextKey(key: string, value: unknown): Thenable<unknown> {
  lastSet.set(key, value);
  return vscode.commands.executeCommand('setContext', key, value);
}

/** The last value sent for each key, undefined for one never set. */
export function contextKeyValues(keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, lastSet.get(key)]));
}
