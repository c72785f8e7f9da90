import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { recordToasts } from '../focus/recordToasts';
import { leadDeskExtension, leadDeskLogText, waitFor } from '../hostEnv';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

describe('quiet sign-in', () => {
  before(async () => {
    await leadDeskExtension().activate();
  });

  it('cancelling the GitHub sign-in shows nothing and leaves only a log line', async () => {
    // The suite signs in to the sandbox, a GitHub Enterprise address: with the provider's address
    // set, the sign-in goes straight to VS Code's account dialog.
    const enterprise = vscode.workspace.getConfiguration('github-enterprise');
    const uriBefore = enterprise.inspect<string>('uri')?.globalValue;
    const apiUrl = vscode.workspace.getConfiguration('leadDesk').get<string>('github.apiUrl');
    if (apiUrl) await enterprise.update('uri', new URL(apiUrl).origin, vscode.ConfigurationTarget.Global);
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
      await enterprise.update('uri', uriBefore, vscode.ConfigurationTarget.Global);
    }
    assert.deepEqual(toasts.shown, [], 'no error for a cancelled sign-in');
    const log = await waitFor('the log line', async () => {
      const { text } = await leadDeskLogText();
      return text.includes('sign-in did not complete') ? text : undefined;
    });
    assert.doesNotMatch(log, /\[error\].*sign in to GitHub/);
  });
});
