// Renamed settings in a real VS Code: the old name keeps working until its value is moved, the
// move happens once in the place the lead set it, and the old name is then gone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/core/logger';
import { readWithMoves } from '../../src/core/renamedSettings';
import { parseSettings } from '../../src/core/settings';
import { hasOwnValue } from '../../src/vscode/config';
import { migrateSettings } from '../../src/vscode/settingsMigration';

function currentSettings() {
  const section = vscode.workspace.getConfiguration('leadDesk');
  return parseSettings(readWithMoves((key) => section.get(key), (key) => hasOwnValue(section, key))).settings;
}

describe('renamed settings', () => {
  const global = vscode.ConfigurationTarget.Global;
  afterEach(async () => {
    const section = vscode.workspace.getConfiguration('leadDesk');
    for (const key of ['delegation.githubTeam', 'githubTeam', 'notifications.newReviewRequests', 'queue.notifyNewReviewRequests', 'queue.workingDays', 'queue.workingHours', 'workingHours']) await section.update(key, undefined, global);
  });

  it('honours leadDesk.delegation.githubTeam until it is moved to leadDesk.githubTeam, then moves it once and removes the old name', async () => {
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.githubTeam', 'acme/core', global);
    assert.equal(currentSettings().delegation.githubTeam, 'acme/core', 'the old name is read before the move');

    const moved = await migrateSettings(silentLogger);
    assert.deepEqual(moved.map((m) => m.to), ['githubTeam']);
    const section = vscode.workspace.getConfiguration('leadDesk');
    assert.equal(section.inspect('githubTeam')?.globalValue, 'acme/core');
    assert.equal(section.inspect('delegation.githubTeam')?.globalValue, undefined, 'the old name is left behind');
    assert.equal(currentSettings().delegation.githubTeam, 'acme/core');
    assert.deepEqual(await migrateSettings(silentLogger), [], 'a second run moves nothing');
  });

  it('keeps a value already set under the new name, and moves a false boolean too', async () => {
    const section = vscode.workspace.getConfiguration('leadDesk');
    await section.update('delegation.githubTeam', 'acme/old', global);
    await section.update('githubTeam', 'acme/new', global);
    await section.update('notifications.newReviewRequests', false, global);
    assert.equal(currentSettings().queue.notifyNewReviewRequests, false, 'the old name is read before the move');
    const moved = await migrateSettings(silentLogger);
    assert.deepEqual(moved.map((m) => m.to), ['githubTeam', 'queue.notifyNewReviewRequests']);
    assert.equal(currentSettings().delegation.githubTeam, 'acme/new', 'the new name wins over the old one');
    assert.equal(vscode.workspace.getConfiguration('leadDesk').inspect('delegation.githubTeam')?.globalValue, undefined, 'the old value, already overridden, is removed');
    assert.equal(vscode.workspace.getConfiguration('leadDesk').inspect('queue.notifyNewReviewRequests')?.globalValue, false);
  });

  it('merges the queue’s working days and hours into leadDesk.workingHours, and reads them until then', async () => {
    const section = vscode.workspace.getConfiguration('leadDesk');
    await section.update('queue.workingDays', ['tue', 'wed', 'thu'], global);
    await section.update('queue.workingHours', { start: '10:00', end: '18:30' }, global);
    const before = currentSettings().workingHours;
    assert.deepEqual([before.days, before.startMinute, before.endMinute], [[2, 3, 4], 600, 1110], 'the old settings apply before the move');

    const moved = await migrateSettings(silentLogger);
    assert.deepEqual(moved.map((m) => m.to), ['workingHours']);
    const after = vscode.workspace.getConfiguration('leadDesk');
    assert.equal(after.inspect('queue.workingDays')?.globalValue, undefined);
    assert.equal(after.inspect('queue.workingHours')?.globalValue, undefined);
    const now = currentSettings().workingHours;
    assert.deepEqual([now.days, now.startMinute, now.endMinute], [[2, 3, 4], 600, 1110], 'the same hours apply after the move');
  });
});
