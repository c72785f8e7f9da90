import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { gitInvocations, leadDeskExtension, leadDeskLogText, sandboxRequests, waitFor, type LoggedRequest } from './hostEnv';

describe('activation', () => {
  let requestsAfterActivation: LoggedRequest[];
  let gitAfterActivation: string[];

  before(async () => {
    const ext = leadDeskExtension();
    // No command is run: the focus status bar and the block schedule need Lead Desk running from
    // start-up, so it activates by itself once VS Code has finished starting.
    await waitFor('the extension to activate after start-up', () => (ext.isActive ? true : undefined), 30_000);
    // Looking up credentials is the last thing activation starts, and it logs its outcome only
    // after every lookup has answered: once the line is there, anything activation sent is in
    // the sandbox's log.
    await waitFor('the sign-in state in the log', async () => {
      const { text } = await leadDeskLogText().catch(() => ({ text: '' }));
      return /signed in to|not signed in/.test(text) ? true : undefined;
    }, 30_000);
    requestsAfterActivation = await sandboxRequests();
    gitAfterActivation = await gitInvocations();
  });

  it('activates by itself once VS Code has started', () => {
    const ext = leadDeskExtension();
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { name?: string }).name, 'lead-desk');
  });

  it('shows the idle focus item in the status bar from start-up', async () => {
    // The status bar is not readable through the API; the test-only inspect command reports the
    // item Lead Desk created and what it shows.
    const focus = await vscode.commands.executeCommand<{ statusBar: { text: string; command?: string } } | undefined>('leadDesk.inspectFocus');
    assert.equal(focus?.statusBar.text, '$(target) Focus');
    assert.equal(focus?.statusBar.command, 'leadDesk.startFocusBlock');
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
