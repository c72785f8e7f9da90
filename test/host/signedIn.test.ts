import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostEnv, sandboxFetch, sandboxRequests, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor } from './hostEnv';

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
    const key = 'leadDesk.auth.signedOut';
    try {
      await storeAsAnotherWindowAndWait(key, 'true', "this window to follow another window's Sign Out", /\] not signed in$/m);
      const back = await storeAsAnotherWindowAndWait(key, undefined, "this window to follow another window's sign-in", /\] signed in to [^\n]+/);
      assert.match(back, /using/);
    } finally {
      await storeAsAnotherWindow(key, undefined);
    }
    await vscode.commands.executeCommand('leadDesk.refresh');
  });
});
