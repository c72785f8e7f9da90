import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { recordToasts } from '../focus/recordToasts';
import { readFile } from 'node:fs/promises';
import { leadDeskExtension, leadDeskLogText, sharedStateFile, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor } from '../hostEnv';

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

  it('a sign-in cancelled after Sign Out leaves the lead signed out, in every window', async () => {
    const key = 'leadDesk.auth.signedOut';
    await storeAsAnotherWindowAndWait(key, 'true', 'another window\'s Sign Out', /\] not signed in$/m);
    const enterprise = vscode.workspace.getConfiguration('github-enterprise');
    const uriBefore = enterprise.inspect<string>('uri')?.globalValue;
    const apiUrl = vscode.workspace.getConfiguration('leadDesk').get<string>('github.apiUrl');
    if (apiUrl) await enterprise.update('uri', new URL(apiUrl).origin, vscode.ConfigurationTarget.Global);
    const auth = vscode.authentication as Writable<typeof vscode.authentication>;
    const getSession = auth.getSession;
    auth.getSession = ((...args: Parameters<typeof getSession>) =>
      args[2]?.createIfNone ? Promise.reject(new Error('User did not consent to login.')) : getSession(...args)) as typeof getSession;
    const restore = async () => {
      auth.getSession = getSession;
      await enterprise.update('uri', uriBefore, vscode.ConfigurationTarget.Global);
    };
    try {
      await vscode.commands.executeCommand('leadDesk.signIn');
      // The mark every window reads: still there, so no window takes up the environment's token.
      assert.equal(await readFile(sharedStateFile(key), 'utf8').catch(() => 'removed'), 'true', 'the cancelled sign-in removed the Sign Out');
      await restore();
      await storeAsAnotherWindowAndWait(key, undefined, 'this window to be signed in again', /\] signed in to [^\n]+/);
    } finally {
      await restore();
      await storeAsAnotherWindow(key, undefined);
    }
  });
});
