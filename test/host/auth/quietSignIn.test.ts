import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { StateKey } from '../../../src/vscode/ids';
import { readFile } from 'node:fs/promises';
import { recordToasts } from '../focus/recordToasts';
import { answerAccountSessions } from './accountSessions';
import { leadDeskExtension, leadDeskLogText, sharedStateFile, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor } from '../hostEnv';

describe('quiet sign-in', () => {
  before(async () => {
    await leadDeskExtension().activate();
  });

  it('cancelling the GitHub sign-in shows nothing and leaves only a log line', async () => {
    const toasts = recordToasts();
    // What VS Code does when the lead presses Cancel in its consent dialog.
    const account = await answerAccountSessions(() => Promise.reject(new Error('User did not consent to login.')));
    try {
      await vscode.commands.executeCommand('leadDesk.signIn');
    } finally {
      toasts.restore();
      await account.restore();
    }
    assert.deepEqual(toasts.shown, [], 'no error for a cancelled sign-in');
    const log = await waitFor('the log line', async () => {
      const { text } = await leadDeskLogText();
      return text.includes('sign-in did not complete') ? text : undefined;
    });
    assert.doesNotMatch(log, /\[error\].*sign in to GitHub/);
  });

  it('a sign-in cancelled after Sign Out leaves the lead signed out, in every window', async () => {
    const key = StateKey.signedOut;
    await storeAsAnotherWindowAndWait(key, 'true', "another window's Sign Out", /\] not signed in$/m);
    const account = await answerAccountSessions((options) => (options?.createIfNone ? Promise.reject(new Error('User did not consent to login.')) : undefined));
    try {
      await vscode.commands.executeCommand('leadDesk.signIn');
      // The mark every window reads: still there, so no window takes up the environment's token.
      assert.equal(await readFile(sharedStateFile(key), 'utf8').catch(() => 'removed'), 'true', 'the cancelled sign-in removed the Sign Out');
      await account.restore();
      await storeAsAnotherWindowAndWait(key, undefined, 'this window to be signed in again', /\] signed in to [^\n]+/);
    } finally {
      await account.restore();
      await storeAsAnotherWindow(key, undefined);
    }
  });
});
