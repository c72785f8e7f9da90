// Renamed settings in a real VS Code: the old name keeps working until its value is moved, the
// move happens once in the place the lead set it, and the old name is then gone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../src/core/logger';
import { readWithRenames } from '../../src/core/renamedSettings';
import { parseSettings } from '../../src/core/settings';
import { hasOwnValue } from '../../src/vscode/config';
import { migrateRenamedSettings } from '../../src/vscode/settingsMigration';

function currentSettings() {
  const section = vscode.workspace.getConfiguration('leadDesk');
  return parseSettings(readWithRenames((key) => section.get(key), (key) => hasOwnValue(section, key))).settings;
}

describe('renamed settings', () => {
  const global = vscode.ConfigurationTarget.Global;
  afterEach(async () => {
    const section = vscode.workspace.getConfiguration('leadDesk');
    for (const key of ['delegation.githubTeam', 'githubTeam', 'notifications.newReviewRequests', 'queue.notifyNewReviewRequests']) await section.update(key, undefined, global);
  });

  it('honours leadDesk.delegation.githubTeam until it is moved to leadDesk.githubTeam, then moves it once and removes the old name', async () => {
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.githubTeam', 'acme/core', global);
    assert.equal(currentSettings().delegation.githubTeam, 'acme/core', 'the old name is read before the move');

    const moved = await migrateRenamedSettings(silentLogger);
    assert.deepEqual(moved.map((r) => r.to), ['githubTeam']);
    const section = vscode.workspace.getConfiguration('leadDesk');
    assert.equal(section.inspect('githubTeam')?.globalValue, 'acme/core');
    assert.equal(section.inspect('delegation.githubTeam')?.globalValue, undefined, 'the old name is left behind');
    assert.equal(currentSettings().delegation.githubTeam, 'acme/core');
    assert.deepEqual(await migrateRenamedSettings(silentLogger), [], 'a second run moves nothing');
  });

  it('keeps a value already set under the new name, and moves a false boolean too', async () => {
    const section = vscode.workspace.getConfiguration('leadDesk');
    await section.update('delegation.githubTeam', 'acme/old', global);
    await section.update('githubTeam', 'acme/new', global);
    await section.update('notifications.newReviewRequests', false, global);
    assert.equal(currentSettings().queue.notifyNewReviewRequests, false, 'the old name is read before the move');
    const moved = await migrateRenamedSettings(silentLogger);
    assert.deepEqual(moved.map((r) => r.to), ['queue.notifyNewReviewRequests']);
    assert.equal(currentSettings().delegation.githubTeam, 'acme/new', 'the new name wins over the old one');
    assert.equal(vscode.workspace.getConfiguration('leadDesk').inspect('queue.notifyNewReviewRequests')?.globalValue, false);
  });
});
