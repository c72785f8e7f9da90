import * as vscode from 'vscode';
import type { Credentials } from '../auth/authService';
import { ContextKey, StateKey } from '../ids';

/**
 * The welcome views and the palette show sign-in or the queue's commands by the signed-in context
 * key. The lookup that decides it lives with the features, which load on first use, so start-up
 * sets the key from the last lookup's outcome; the features correct it as soon as they look again.
 */
export function restoreSignedIn(state: vscode.Memento): void {
  if (state.get<boolean>(StateKey.signedInLastTime) === true) void vscode.commands.executeCommand('setContext', ContextKey.signedIn, true);
}

/** Looks up the credentials now (secret storage and silent sessions only) and remembers each outcome. */
export function rememberSignedIn(
  auth: { resolve(): Promise<Credentials | undefined>; readonly onDidChange: vscode.Event<Credentials | undefined> },
  state: vscode.Memento,
): vscode.Disposable {
  // Written only when it changes. Global state is written as one object per extension, whole,
  // and other windows see a write a little later: a window writing while its copy is behind puts
  // back what another window just changed (a focus block's guard records, say). A window loading
  // its features should write nothing it did not change.
  const remember = (credentials: Credentials | undefined) => {
    const signedIn = credentials !== undefined;
    if (state.get<boolean>(StateKey.signedInLastTime) !== signedIn) void state.update(StateKey.signedInLastTime, signedIn);
  };
  void auth.resolve().then(remember);
  return auth.onDidChange(remember);
}
