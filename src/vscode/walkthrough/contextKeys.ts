import * as vscode from 'vscode';
import { ContextKey } from '../ids';
import type { WalkthroughStep } from './walkthroughIds';
import { stepDone } from './walkthroughProgress';

// VS Code offers no way to read a context key back, yet the walkthrough's steps tick on them, so
// the keys are set through here and the last value sent is kept for the host tests to read.
const lastSet = new Map<string, unknown>();

/** The walkthrough step a key's turning true completes. */
const stepOfKey: Readonly<Record<string, WalkthroughStep>> = {
  [ContextKey.signedIn]: 'signIn',
  [ContextKey.focusRunning]: 'focusBlock',
  [ContextKey.delegationHasCandidates]: 'delegation',
};

/** Sets a context key and remembers the value sent. */
export function setContextKey(key: string, value: unknown): Thenable<unknown> {
  lastSet.set(key, value);
  const step = stepOfKey[key];
  if (step && value === true) stepDone(step);
  return vscode.commands.executeCommand('setContext', key, value);
}

/** The last value sent for each key, undefined for one never set. */
export function contextKeyValues(keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, lastSet.get(key)]));
}
