import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gitInvocations, leadDeskExtension, leadDeskLogText, sandboxRequests, sleep, waitFor, type LoggedRequest } from './hostEnv';

describe('activation', () => {
  let activeBeforeCommand: boolean;
  let requestsAfterActivation: LoggedRequest[];
  let gitAfterActivation: string[];

  before(async () => {
    const ext = leadDeskExtension();
    activeBeforeCommand = ext.isActive;
    await vscode.commands.executeCommand('leadDesk.showLog');
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    // Activation looks up credentials in the background; wait until it has logged the outcome, so
    // anything it might send has been sent before the sandbox log is read.
    await waitFor('the sign-in state in the log', async () => {
      const { text } = await leadDeskLogText().catch(() => ({ text: '' }));
      return /signed in to|not signed in/.test(text) ? true : undefined;
    }, 10_000).catch(() => undefined);
    await sleep(1500);
    requestsAfterActivation = await sandboxRequests();
    gitAfterActivation = await gitInvocations();
  });

  it('stays inactive until a Lead Desk command or view needs it', () => {
    assert.equal(activeBeforeCommand, false, 'Lead Desk was already active before any of its commands or views was used');
  });

  it('activates on a Lead Desk command', () => {
    const ext = leadDeskExtension();
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { name?: string }).name, 'lead-desk');
  });

  it('sends no request to GitHub while activating', () => {
    assert.deepEqual(
      requestsAfterActivation.map((r) => `${r.method} ${r.path}`),
      [],
      'activation must not fetch: the first fetch happens when a view is visible or a command runs',
    );
  });

  it('runs no git while activating', () => {
    assert.deepEqual(gitAfterActivation, [], 'activation must not run git');
  });
});
