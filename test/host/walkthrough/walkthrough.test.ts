import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hostEnv, sandboxFetch, sandboxRequests, waitFor } from '../hostEnv';

// The walkthrough's steps tick on context keys; VS Code cannot read one back, so the hidden
// inspect command reports the last value Lead Desk set for each key a step waits on.
interface WalkthroughInspection {
  contextKeys: Record<string, unknown>;
  stepsDone: string[];
}

const stepsDone = async (): Promise<string[]> =>
  (await vscode.commands.executeCommand<WalkthroughInspection | undefined>('leadDesk.inspectWalkthrough'))?.stepsDone ?? [];

const contextKey = async (key: string): Promise<unknown> => {
  const result = await vscode.commands.executeCommand<WalkthroughInspection | undefined>('leadDesk.inspectWalkthrough');
  assert.ok(result, 'leadDesk.inspectWalkthrough returned nothing');
  return result.contextKeys[key];
};

describe('walkthrough', () => {
  before(async () => {
    const res = await sandboxFetch('/_sandbox/reset-log', { method: 'POST' });
    assert.equal(res.ok, true, `POST /_sandbox/reset-log answered ${res.status}`);
  });

  it('the sign-in step ticks: signing in with the token the sandbox accepts sets leadDesk.signedIn', async () => {
    await vscode.commands.executeCommand('leadDesk.refresh');
    const user = await waitFor('GET /user in the sandbox log', async () =>
      (await sandboxRequests()).find((r) => r.method === 'GET' && /^(\/api\/v3)?\/user(\?|$)/.test(r.path) && r.status === 200),
    );
    assert.equal(user.login, hostEnv.expectedLogin);
    assert.equal(await contextKey('leadDesk.signedIn'), true);
    assert.ok((await stepsDone()).includes('signIn'), `steps done: ${(await stepsDone()).join(', ')}`);
  });

  it('the focus step ticks when a block starts, and the key clears when it stops', async () => {
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
    try {
      assert.equal(await waitFor('leadDesk.focusRunning', async () => ((await contextKey('leadDesk.focusRunning')) === true ? true : undefined)), true);
      assert.ok((await stepsDone()).includes('focusBlock'), `steps done: ${(await stepsDone()).join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    }
    assert.equal(await waitFor('leadDesk.focusRunning to clear', async () => ((await contextKey('leadDesk.focusRunning')) === false ? false : undefined)), false);
  });
});
