import assert from 'node:assert/strict';
import { NotificationsGuard } from '../../../src/vscode/focus/notificationsGuard';
import { GuardError } from '../../../src/guards/guardError';

const target = { blockId: 'b1', type: 'deepWork' as const, endsAt: Date.now() + 25 * 60_000 };

function guard(windowId: string, zen: boolean, fail?: string) {
  const ran: string[] = [];
  const g = new NotificationsGuard(() => windowId, () => zen, (command) => {
    if (command === fail) return Promise.reject(new Error('not available'));
    ran.push(command);
    return Promise.resolve();
  });
  return { g, ran };
}

describe('VS Code notifications guard', () => {
  it('toggles Do Not Disturb on, and back only because it turned it on', async () => {
    const { g, ran } = guard('w1', false);
    const plan = g.plan(target);
    assert.deepEqual(plan, { doNotDisturb: true });
    assert.equal(await g.engage(plan, undefined), 'engaged');
    assert.deepEqual(ran, ['notifications.toggleDoNotDisturbMode']);
    assert.equal(await g.engage(g.plan({ ...target, endsAt: target.endsAt + 900_000 }), plan), 'engaged');
    assert.equal(ran.length, 1, 'a new end time does not toggle again');
    assert.equal(await g.release(await g.snapshot(), plan), 'restored');
    assert.deepEqual(ran, ['notifications.toggleDoNotDisturbMode', 'notifications.toggleDoNotDisturbMode']);
  });

  it('leaves Zen mode to the window that entered it', async () => {
    const first = guard('w1', true);
    const plan = first.g.plan(target);
    assert.equal(plan.zenWindow, 'w1');
    await first.g.engage(plan, undefined);
    assert.deepEqual(first.ran, ['notifications.toggleDoNotDisturbMode', 'workbench.action.toggleZenMode']);
    // Another window took over and releases: Do Not Disturb is shared, Zen mode is not.
    const other = guard('w2', true);
    await other.g.release({}, plan);
    assert.deepEqual(other.ran, ['notifications.toggleDoNotDisturbMode']);
  });

  it('counts a toggle whose answer never comes back as done, so it is not toggled twice', async () => {
    const ran: string[] = [];
    const g = new NotificationsGuard(() => 'w1', () => false, (command) => {
      ran.push(command);
      return new Promise(() => undefined);
    }, 20);
    assert.equal(await g.engage(g.plan(target), undefined), 'engaged');
    assert.deepEqual(ran, ['notifications.toggleDoNotDisturbMode']);
  });

  it('reports a command that fails as a guard failure', async () => {
    const { g } = guard('w1', false, 'notifications.toggleDoNotDisturbMode');
    await assert.rejects(g.engage(g.plan(target), undefined), (e) => GuardError.is(e, 'failed'));
    assert.equal(g.expiredAnyway(), false, 'a blind toggle never sorts itself out');
  });
});
