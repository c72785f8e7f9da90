import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MemorySharedStore } from '../../src/core/focus/sharedStore';
import { NotificationsGuard } from '../../src/vscode/focus/notificationsGuard';

const toggle = 'notifications.toggleDoNotDisturbMode';

// The notifications guard rests on two facts about VS Code 1.100 that only a real workbench can
// confirm: the mode can be toggled, and an extension has no way to read it. If a later VS Code
// adds a way to read it, the first test fails, and the guard should read before acting.
describe('VS Code Do Not Disturb, as the notifications guard finds it', () => {
  it('offers the mode only as a toggle: no command and no context key reads it', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(toggle), `${toggle} is not a command here`);
    assert.ok(!commands.includes('getContextKeyValue'), 'VS Code can now read context keys; read the mode before toggling it');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('getContextKeyValue', 'notificationsDoNotDisturbMode')), /not found/);
    const keys = await vscode.commands.executeCommand<Array<{ key: string }>>('getContextKeyInfo');
    assert.ok(Array.isArray(keys) && keys.some((k) => k.key === 'notificationToastsVisible'), 'getContextKeyInfo lists the workbench context keys');
    assert.deepEqual(keys.filter((k) => /disturb|dnd/i.test(k.key)).map((k) => k.key), [], 'a context key now tells the mode; read it before toggling');
  });

  it('toggles the mode in the workbench, and the guard toggles it exactly once each way however often it is called', async () => {
    const sent: string[] = [];
    const guard = new NotificationsGuard({
      windowId: () => 'host-test',
      zenMode: () => false,
      execute: (command) => {
        sent.push(command);
        return vscode.commands.executeCommand(command);
      },
      store: new MemorySharedStore(),
      // Only a lost answer waits this long; a real answer comes back at once.
      answerWaitMs: 30_000,
    });
    const plan = guard.plan({ blockId: 'host-test-block', type: 'deepWork', endsAt: Date.now() + 25 * 60_000 });
    const started = Date.now();
    assert.equal(await guard.engage(plan, undefined), 'engaged');
    assert.ok(Date.now() - started < 30_000, 'the workbench answered the toggle');
    assert.equal(await guard.engage(plan, undefined), 'engaged');
    assert.equal(await guard.release({}, plan), 'restored');
    assert.equal(await guard.release({}, plan), 'nothingToRestore');
    // Two toggles: the workbench's mode is where it was before the test.
    assert.deepEqual(sent, [toggle, toggle]);
  });
});
