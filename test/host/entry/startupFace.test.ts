import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StartupReport } from '../../../src/vscode/entry/startupReport';
import { leadDeskExtension, waitFor } from '../hostEnv';

const inspect = async () => {
  const report = await vscode.commands.executeCommand<StartupReport>('leadDesk.inspectStartup');
  assert.ok(report, 'Inspect Start-up returned nothing');
  return report;
};

// Runs after the queue suite, which showed the demo's queue (16 pull requests need the lead's review).
describe('the review queue’s start-up face', () => {
  const section = () => vscode.workspace.getConfiguration('leadDesk');
  const global = vscode.ConfigurationTarget.Global;
  let hoursBefore: unknown;

  before(async () => {
    await leadDeskExtension().activate();
    hoursBefore = section().inspect('workingHours')?.globalValue;
    // Any time is working time, so the queue shows its count rather than the quiet line.
    await section().update('workingHours', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' }, global);
  });

  after(async () => {
    await section().update('workingHours', hoursBefore, global);
  });

  it('stores the badge and the status-bar count the queue shows, for the next start-up to show without the features', async () => {
    await vscode.commands.executeCommand('leadDesk.queue.focus');
    await vscode.commands.executeCommand('leadDesk.refresh');
    const face = await waitFor('the queue to store its start-up face', async () => {
      const stored = (await inspect()).storedQueueFace;
      return stored?.badge && stored.statusBar && !stored.statusBar.text.includes('until') ? stored : undefined;
    }, 30_000);
    assert.deepEqual(face.badge, { value: 16, tooltip: '16 pull requests need your review' });
    assert.deepEqual(face.statusBar, {
      text: '$(git-pull-request) 16',
      tooltip: '16 pull requests need your review. Click to open the Review Queue.',
      command: 'leadDesk.queue.focus',
      label: '16 pull requests need your review',
    });
    assert.equal(face.statusBarCount, true);
    // Good until the working day ends (23:59 today), when the queue would go quiet.
    assert.ok(face.validUntil > Date.now(), `valid until ${new Date(face.validUntil).toISOString()}`);
  });

  it('stores that the count is hidden once the setting turns it off', async () => {
    await section().update('queue.statusBarCount', false, global);
    try {
      const face = await waitFor('the face without the count', async () => {
        const stored = (await inspect()).storedQueueFace;
        return stored && !stored.statusBarCount ? stored : undefined;
      });
      assert.equal(face.statusBar, undefined);
      assert.equal(face.badge?.value, 16);
    } finally {
      await section().update('queue.statusBarCount', undefined, global);
    }
  });
});
