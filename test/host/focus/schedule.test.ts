import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, waitFor } from '../hostEnv';

interface Inspection {
  state: { block?: { id: string }; planned?: Array<{ id: string; label: string; start: number; end: number }> };
  upcoming: Array<{ label: string; times: string; now: boolean; once: boolean }>;
}

const inspect = async (): Promise<Inspection> => {
  const result = await vscode.commands.executeCommand<Inspection | undefined>('leadDesk.inspectFocus');
  assert.ok(result, 'leadDesk.inspectFocus returned nothing');
  return result;
};

const config = () => vscode.workspace.getConfiguration('leadDesk');

describe('the focus schedule', () => {
  before(async () => {
    await leadDeskExtension().activate();
    await config().update('focus.schedule', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('focus.schedule', undefined, vscode.ConfigurationTarget.Global);
    // The weekly block may have started if the suite ran at 09:00 on a weekday.
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  it('Edit Focus Schedule adds a weekly block through its quick picks, written to the setting as plain JSON', async () => {
    void vscode.commands.executeCommand('leadDesk.editFocusSchedule');
    // Every step's default is a valid answer: "Add a Weekly Block…", Monday to Friday, 09:00,
    // 30 minutes, "Heads-down", Deep work. Accepting each in turn writes the block.
    const written = await waitFor('the schedule setting to be written', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const value = config().get<unknown[]>('focus.schedule');
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    });
    assert.deepEqual(written, [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '09:30', label: 'Heads-down', type: 'deepWork' }]);
    const upcoming = await waitFor('the Focus view to list the block with its date', async () => {
      const rows = (await inspect()).upcoming.filter((r) => r.label === 'Heads-down');
      return rows.length > 0 ? rows : undefined;
    });
    for (const row of upcoming) assert.match(row.times, /^(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 09:00–09:30$/);
    assert.equal(new Set(upcoming.map((r) => r.times)).size, upcoming.length, 'no two rows read the same');
  });

  it('schedules a block for a later slot (as Find Focus Time does), kept in shared state and listed once, with its date', async () => {
    // The weekly block above starts at once when the suite runs between 09:00 and 09:30 on a weekday.
    await config().update('focus.schedule', undefined, vscode.ConfigurationTarget.Global);
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    const start = new Date(Date.now() + 26 * 3600_000).setSeconds(0, 0);
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 45, type: 'deepWork', label: 'Found time', startsAt: start });
    const state = await inspect();
    assert.equal(state.state.block, undefined, 'nothing starts now');
    const saved = state.state.planned?.find((p) => p.start === start);
    assert.ok(saved, 'the block is saved');
    assert.equal(saved.end, start + 45 * 60_000);
    const rows = state.upcoming.filter((r) => r.label === 'Found time');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].once, true);
    assert.match(rows[0].times, /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d\d:\d\d–\d\d:\d\d$/);
  });
});
