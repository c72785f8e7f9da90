import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, leadDeskLogText, waitFor } from '../hostEnv';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Replaces the notification calls of the API object this suite shares with the extension, so the
 * test sees every toast Lead Desk asks for; returns what was shown and the way to put them back.
 */
function recordToasts(): { shown: string[]; restore: () => void } {
  const win = vscode.window as Writable<typeof vscode.window>;
  const originals = { info: win.showInformationMessage, warning: win.showWarningMessage, error: win.showErrorMessage };
  const shown: string[] = [];
  const record = (kind: string) => ((text: string) => {
    shown.push(`${kind}: ${text}`);
    return Promise.resolve(undefined);
  }) as typeof vscode.window.showInformationMessage;
  win.showInformationMessage = record('info');
  win.showWarningMessage = record('warning');
  win.showErrorMessage = record('error');
  return {
    shown,
    restore: () => {
      win.showInformationMessage = originals.info;
      win.showWarningMessage = originals.warning;
      win.showErrorMessage = originals.error;
    },
  };
}

describe('quiet sign-in', () => {
  before(async () => {
    await leadDeskExtension().activate();
  });

  it('cancelling the GitHub sign-in shows nothing and leaves only a log line', async () => {
    const auth = vscode.authentication as Writable<typeof vscode.authentication>;
    const getSession = auth.getSession;
    const toasts = recordToasts();
    // What VS Code does when the lead presses Cancel in its consent dialog.
    auth.getSession = (() => Promise.reject(new Error('User did not consent to login.'))) as typeof vscode.authentication.getSession;
    try {
      await vscode.commands.executeCommand('leadDesk.signIn');
    } finally {
      auth.getSession = getSession;
      toasts.restore();
    }
    assert.deepEqual(toasts.shown, [], 'no error for a cancelled sign-in');
    const log = await waitFor('the log line', async () => {
      const { text } = await leadDeskLogText();
      return text.includes('sign-in did not complete') ? text : undefined;
    });
    assert.doesNotMatch(log, /\[error\].*sign in to GitHub/);
  });
});
