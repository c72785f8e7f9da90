import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { StateKey } from '../../src/vscode/ids';
import { answerAccountSessions } from './auth/accountSessions';
import { recordToasts } from './focus/recordToasts';
import { hostEnv, leadDeskLogText, sandboxFetch, sandboxRequests, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor, waitForLogLine } from './hostEnv';

const signedOutKey = StateKey.signedOut;

describe('signed in from the environment', () => {
  before(async () => {
    const res = await sandboxFetch('/_sandbox/reset-log', { method: 'POST' });
    assert.equal(res.ok, true, `POST /_sandbox/reset-log answered ${res.status}`);
  });

  it('Refresh reaches GitHub as the lead, with the token from the environment', async () => {
    await vscode.commands.executeCommand('leadDesk.refresh');
    const userRequest = await waitFor('GET /user in the sandbox log', async () =>
      (await sandboxRequests()).find((r) => r.method === 'GET' && /^(\/api\/v3)?\/user(\?|$)/.test(r.path)),
    );
    // The sandbox redacts the header in its log; its presence proves the token was sent.
    assert.equal(userRequest.headers.authorization, 'REDACTED', 'GET /user carried no Authorization header');
    assert.equal(userRequest.login, hostEnv.expectedLogin, 'the token did not belong to the expected account');
    assert.equal(userRequest.status, 200);
  });

  it('is signed out as soon as another window signs out, and signed in again as soon as it signs in', async () => {
    const key = signedOutKey;
    try {
      await storeAsAnotherWindowAndWait(key, 'true', "this window to follow another window's Sign Out", /\] not signed in$/m);
      const back = await storeAsAnotherWindowAndWait(key, undefined, "this window to follow another window's sign-in", /\] signed in to [^\n]+/);
      assert.match(back, /using/);
    } finally {
      await storeAsAnotherWindow(key, undefined);
    }
    await vscode.commands.executeCommand('leadDesk.refresh');
  });

  /** Starts a lookup that waits on VS Code's account for a session until `release`. */
  async function heldLookup(): Promise<{ release: () => Promise<void> }> {
    let answer: ((session: undefined) => void) | undefined;
    const account = await answerAccountSessions((options) => (options?.silent ? new Promise<undefined>((resolve) => (answer = resolve)) : undefined));
    const release = async () => {
      answer?.(undefined);
      await account.restore();
    };
    try {
      // Another window's change (a "signed out: false" it wrote) starts a lookup here.
      await storeAsAnotherWindow(signedOutKey, 'false');
      await waitFor('a lookup to ask for a VS Code session', () => (answer ? true : undefined));
    } catch (err) {
      await release();
      throw err;
    }
    return { release };
  }

  it("follows another window's Sign Out that comes while a lookup runs", async () => {
    const lookup = await heldLookup();
    try {
      const since = (await leadDeskLogText()).text.length;
      await storeAsAnotherWindow(signedOutKey, 'true');
      await lookup.release();
      await waitForLogLine("this window to follow another window's Sign Out", since, /\] not signed in$/m);
    } finally {
      await lookup.release();
      await storeAsAnotherWindowAndWait(signedOutKey, undefined, 'this window to be signed in again', /\] signed in to [^\n]+/);
    }
  });

  it('stays signed out when a lookup that began before Sign Out ends after it', async () => {
    const lookup = await heldLookup();
    const toasts = recordToasts();
    try {
      const since = (await leadDeskLogText()).text.length;
      await vscode.commands.executeCommand('leadDesk.signOut');
      await waitForLogLine('Sign Out to be logged', since, /\] not signed in$/m);
      await lookup.release();
      // Refresh joins the lookup still running, so it ends only after that lookup has.
      await vscode.commands.executeCommand('leadDesk.refresh');
      const after = (await leadDeskLogText()).text.slice(since);
      assert.doesNotMatch(after, /\] signed in to/, `the lookup from before Sign Out signed this window back in; the log said:\n${after}`);
      assert.ok(
        toasts.shown.some((t) => t.startsWith('warning: Sign in to GitHub to refresh from GitHub.')),
        `Refresh did not ask to sign in: ${JSON.stringify(toasts.shown)}`,
      );
    } finally {
      toasts.restore();
      await lookup.release();
      await storeAsAnotherWindowAndWait(signedOutKey, undefined, 'this window to be signed in again', /\] signed in to [^\n]+/);
    }
  });
});
