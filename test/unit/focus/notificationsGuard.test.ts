import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { doNotDisturbLedgerKey } from '../../../src/core/focus/doNotDisturbLedger';
import { MemorySharedStore, type SharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GuardError } from '../../../src/guards/guardError';
import { GuardOrchestrator } from '../../../src/app/focus/guardOrchestrator';
import { NotificationsGuard, type NotificationsPlan } from '../../../src/vscode/focus/notificationsGuard';
import { FakeWorkbench, MortalStore } from './fakeWorkbench';

const min = 60_000;
const t0 = Date.UTC(2025, 5, 10, 7, 0);
const target: GuardTarget = { blockId: 'b1', type: 'deepWork', endsAt: t0 + 25 * min };

interface GuardSetup {
  readonly windowId?: string;
  readonly zen?: boolean;
  readonly execute?: (command: string) => PromiseLike<unknown>;
  readonly answerWaitMs?: number;
}

/** One window's guard over the shared workbench and the shared storage. */
function makeGuard(workbench: FakeWorkbench, store: SharedStore, setup: GuardSetup = {}): NotificationsGuard {
  const windowId = setup.windowId ?? 'w1';
  return new NotificationsGuard({
    windowId: () => windowId,
    zenMode: () => setup.zen ?? false,
    execute: setup.execute ?? workbench.executor(windowId),
    store,
    answerWaitMs: setup.answerWaitMs,
  });
}

/** One window's orchestrator with only the notifications guard, as the coordinator drives it. */
function makeWindow(workbench: FakeWorkbench, store: SharedStore, clock: ManualClock, windowId: string) {
  const guard = makeGuard(workbench, store, { windowId });
  return new GuardOrchestrator({ store, clock, log: silentLogger, windowId, guards: () => [{ guard, enabled: true }] });
}

/** The rest of the block in `window`: quiet until its end and not after it, one toggle each way in all. */
async function finishBlock(window: GuardOrchestrator, workbench: FakeWorkbench, clock: ManualClock, leftMs: number): Promise<void> {
  await window.reconcile(target);
  assert.equal(workbench.doNotDisturb, true, 'quiet during the block');
  clock.advance(leftMs);
  await window.reconcile(undefined);
  assert.equal(workbench.doNotDisturb, false, 'not quiet after the block');
  assert.equal(workbench.toggles.length, 2, 'one toggle on, one off');
}

describe('VS Code notifications guard', () => {
  it('turns Do Not Disturb on for the block and off at its end, once each', async () => {
    const workbench = new FakeWorkbench();
    const g = makeGuard(workbench, new MemorySharedStore());
    const plan = g.plan(target);
    assert.deepEqual(plan, { doNotDisturb: true, blockId: 'b1' });
    assert.equal(await g.engage(plan, undefined), 'engaged');
    assert.equal(workbench.doNotDisturb, true);
    assert.equal(await g.engage(g.plan({ ...target, endsAt: target.endsAt + 15 * min }), plan), 'engaged');
    assert.equal(workbench.toggles.length, 1, 'a new end time does not toggle again');
    assert.equal(await g.release(await g.snapshot(), plan), 'restored');
    assert.equal(workbench.doNotDisturb, false);
    assert.deepEqual(workbench.toggles, ['w1:notifications.toggleDoNotDisturbMode', 'w1:notifications.toggleDoNotDisturbMode']);
  });

  it('leaves Zen mode to the window that entered it', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const first = makeGuard(workbench, store, { windowId: 'w1', zen: true });
    const plan = first.plan(target);
    assert.equal(plan.zenWindow, 'w1');
    await first.engage(plan, undefined);
    assert.deepEqual([...workbench.zen], ['w1']);
    // Another window took over and releases: Do Not Disturb is shared, Zen mode is not.
    await makeGuard(workbench, store, { windowId: 'w2', zen: true }).release({}, plan);
    assert.equal(workbench.doNotDisturb, false);
    assert.deepEqual([...workbench.zen], ['w1']);
  });

  it('counts a toggle whose answer never comes back as done, so it is not toggled twice', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const toggle = workbench.executor('w1');
    const execute = (command: string) => {
      void toggle(command);
      return new Promise(() => undefined);
    };
    const g = makeGuard(workbench, store, { answerWaitMs: 20, execute });
    assert.equal(await g.engage(g.plan(target), undefined), 'engaged');
    assert.equal(await makeGuard(workbench, store).engage(g.plan(target), undefined), 'engaged');
    assert.equal(workbench.toggles.length, 1);
    assert.equal(workbench.doNotDisturb, true);
  });

  it('reports a command VS Code refused as a guard failure, and tries it again later', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const refusing = makeGuard(workbench, store, { execute: () => Promise.reject(new Error('not available')) });
    await assert.rejects(refusing.engage(refusing.plan(target), undefined), (e) => GuardError.is(e, 'failed'));
    assert.equal(refusing.expiredAnyway(), false, 'a toggle never sorts itself out');
    // The refused toggle did not happen, so the retry must send it.
    assert.equal(await makeGuard(workbench, store).engage(refusing.plan(target), undefined), 'engaged');
    assert.equal(workbench.doNotDisturb, true);
  });

  it('adversarial: the host dies between the toggle and the save; Do Not Disturb is off after the block', async () => {
    const workbench = new FakeWorkbench();
    const shared = new MemorySharedStore();
    const clock = new ManualClock(t0);
    const dying = new MortalStore(shared);
    workbench.afterToggle = () => dying.die();
    // The orchestrator logs a failed step instead of throwing it at the heartbeat.
    await makeWindow(workbench, dying, clock, 'w1').reconcile(target);
    assert.ok(dying.refusedWrites > 0, 'the save after the toggle was lost with the host');
    workbench.afterToggle = undefined;
    assert.equal(workbench.doNotDisturb, true, 'the toggle reached the workbench before the host died');
    // The next window starts from what the dead one left in storage.
    await finishBlock(makeWindow(workbench, shared, clock, 'w2'), workbench, clock, 25 * min);
  });

  it('adversarial: a save lost after the toggle does not make the retry toggle again', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const clock = new ManualClock(t0);
    const window = makeWindow(workbench, store, clock, 'w1');
    const update = store.update.bind(store);
    let lose = true;
    // The orchestrator's "engaged" write fails once; the record stays "engaging" and is retried.
    store.update = (key, value) => {
      if (lose && workbench.toggles.length === 1 && key !== doNotDisturbLedgerKey) {
        lose = false;
        return Promise.reject(new Error('storage is busy'));
      }
      return update(key, value);
    };
    await window.reconcile(target).catch(() => undefined);
    clock.advance(10 * min);
    await finishBlock(window, workbench, clock, 15 * min);
  });

  it('adversarial: a release repeated after its save was lost does not turn Do Not Disturb back on', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const g = makeGuard(workbench, store);
    const plan = g.plan(target);
    await g.engage(plan, undefined);
    assert.equal(await g.release({}, plan), 'restored');
    // The orchestrator did not get to store "released"; this window or the next tries again.
    assert.equal(await makeGuard(workbench, store, { windowId: 'w2' }).release({}, plan), 'nothingToRestore');
    assert.equal(workbench.doNotDisturb, false);
    assert.equal(workbench.toggles.length, 2);
  });

  it('adversarial: a release cut short after its toggle is not toggled again', async () => {
    const workbench = new FakeWorkbench();
    const shared = new MemorySharedStore();
    const dying = new MortalStore(shared);
    const g = makeGuard(workbench, dying);
    const plan = g.plan(target);
    await g.engage(plan, undefined);
    workbench.afterToggle = () => dying.die();
    await assert.rejects(g.release({}, plan), /extension host is gone/);
    workbench.afterToggle = undefined;
    assert.equal(await makeGuard(workbench, shared, { windowId: 'w2' }).release({}, plan), 'restored');
    assert.equal(workbench.doNotDisturb, false);
    assert.equal(workbench.toggles.length, 2);
  });

  it('adversarial: a block that ended before its toggle was sent turns nothing off', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const g = makeGuard(workbench, store);
    // The plan was stored, then the host died before engaging; the block ended meanwhile.
    assert.equal(await g.release({}, g.plan(target)), 'nothingToRestore');
    assert.equal(workbench.doNotDisturb, false);
    assert.deepEqual(workbench.toggles, []);
  });

  it('adversarial: a stored plan with missing fields neither throws on release nor toggles blindly', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const g = makeGuard(workbench, store);
    for (const damaged of [{}, undefined, null, { doNotDisturb: true }, { blockId: 42 }] as unknown as NotificationsPlan[]) {
      assert.equal(await g.release({}, damaged), 'nothingToRestore');
      await assert.rejects(g.engage(damaged, undefined), (e) => GuardError.is(e, 'failed') && /names no focus block/.test(e.message));
    }
    assert.deepEqual(workbench.toggles, []);
    // What the guard did turn on is still turned off when the plan is damaged later.
    await g.engage(g.plan(target), undefined);
    assert.equal(await g.release({}, {} as NotificationsPlan), 'restored');
    assert.equal(workbench.doNotDisturb, false);
  });

  it('adversarial: a damaged ledger counts as nothing of ours, so nothing is turned off', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    await store.update(doNotDisturbLedgerKey, { blockId: 'b1', step: 'sideways' });
    const g = makeGuard(workbench, store);
    assert.equal(await g.release({}, g.plan(target)), 'nothingToRestore');
    assert.deepEqual(workbench.toggles, []);
  });

  it('adversarial: a window taking over mid-block does not toggle again, and the block after it toggles afresh', async () => {
    const workbench = new FakeWorkbench();
    const store = new MemorySharedStore();
    const clock = new ManualClock(t0);
    await makeWindow(workbench, store, clock, 'w1').reconcile(target);
    // Window 1's guard record was lost (damaged storage); window 2 engages the same block anew.
    await store.update('leadDesk.focus.guards', undefined);
    const second = makeWindow(workbench, store, clock, 'w2');
    await second.reconcile(target);
    assert.equal(workbench.toggles.length, 1);
    await second.reconcile(undefined);
    assert.equal(workbench.doNotDisturb, false);
    await second.reconcile({ ...target, blockId: 'b2' });
    assert.equal(workbench.doNotDisturb, true);
    assert.equal(workbench.toggles.length, 3);
  });
});
