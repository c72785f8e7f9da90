// Several windows over one shared storage, each with its own GitHub and Slack guard instances,
// against the sandbox: every transition reaches GitHub and Slack exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemorySharedStore, type SharedStore } from '../../../src/core/focus/sharedStore';
import { SharedFileStore } from '../../../src/storage/sharedFileStore';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { SlackGuard } from '../../../src/guards/slackGuard';
import { startFocusSandbox, type FocusSandbox } from './focusSandbox';

const min = 60_000;

describe('focus across windows (sandbox)', () => {
  let fx: FocusSandbox;
  beforeEach(async () => {
    fx = await startFocusSandbox();
  });
  /** Folders the file-store windows used, removed after each test. */
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const done of cleanups.splice(0)) done();
    return fx.close();
  });

  function window(store: SharedStore, id: string): FocusCoordinator {
    const github = new GitHubStatusGuard({ client: () => Promise.resolve(fx.github()), clock: fx.clock });
    const slack = new SlackGuard({ client: () => Promise.resolve(fx.slack()), clock: fx.clock });
    return new FocusCoordinator({
      store,
      clock: fx.clock,
      log: silentLogger,
      windowId: id,
      guards: () => [{ guard: github, enabled: true }, { guard: slack, enabled: true }],
      schedule: () => [],
    });
  }

  /** Every window beats every second for `seconds`, all at once, as their timers would. */
  async function beat(windows: FocusCoordinator[], seconds: number): Promise<void> {
    for (let i = 0; i < seconds; i++) {
      fx.clock.advance(1_000);
      await Promise.all(windows.map((w) => w.pulse()));
    }
  }

  const counts = () => ({ github: fx.changeUserStatusCount(), snooze: fx.slackCalls('dnd.setSnooze'), profile: fx.slackCalls('users.profile.set'), endSnooze: fx.slackCalls('dnd.endSnooze') });

  /** One store object for every window, or (as in the editor) a file store of its own per window over one folder. */
  const storeKinds: Record<string, (n: number) => { stores: SharedStore[]; done: () => void }> = {
    memory: (n) => {
      const store = new MemorySharedStore();
      return { stores: Array.from({ length: n }, () => store), done: () => undefined };
    },
    files: (n) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lead-desk-windows-'));
      return { stores: Array.from({ length: n }, () => new SharedFileStore(path.join(dir, 'focus'))), done: () => rmSync(dir, { recursive: true, force: true }) };
    },
  };

  for (const [n, kind] of [[2, 'memory'], [3, 'memory'], [3, 'files']] as const) {
    it(`${n} windows (${kind}): exactly one changeUserStatus per transition`, async () => {
      const { stores, done } = storeKinds[kind](n);
      cleanups.push(done);
      const windows = stores.map((store, i) => window(store, `w${i + 1}`));
      await beat(windows, 3);
      assert.deepEqual(counts(), { github: 0, snooze: 0, profile: 0, endSnooze: 0 }, 'idle windows call nobody');

      await windows[n - 1].start({ type: 'deepWork', minutes: 50 });
      await beat(windows, 5);
      assert.deepEqual(counts(), { github: 1, snooze: 1, profile: 1, endSnooze: 0 }, 'start');
      assert.equal(fx.lead().status?.limitedAvailability, true);

      await windows[0].extend(15);
      await beat(windows, 5);
      assert.deepEqual(counts(), { github: 2, snooze: 2, profile: 2, endSnooze: 0 }, 'extend');
      assert.match(fx.lead().status!.message!, /^Focusing until/);

      await windows[0].pause();
      await beat(windows, 3);
      assert.equal(counts().github, 2, 'pausing keeps the guards as they are');
      await windows[1].resume();
      await beat(windows, 3);
      assert.equal(counts().github, 2, 'a pause of seconds does not move the end by a minute');

      await windows[1].stop();
      await beat(windows, 5);
      assert.deepEqual(counts(), { github: 3, snooze: 2, profile: 3, endSnooze: 1 }, 'stop');
      assert.equal(fx.lead().status, null);
      assert.equal(fx.slackLead().statusText, '');
      await Promise.all(windows.map((w) => w.dispose()));
    });
  }

  it('a block that runs out while the holder is gone is restored once by the next window', async () => {
    fx.setStatus({ emoji: ':house:', message: 'Remote', limitedAvailability: false });
    const store = new MemorySharedStore();
    const [a, b, c] = ['w1', 'w2', 'w3'].map((id) => window(store, id));
    await a.start({ type: 'review', minutes: 25 });
    await beat([a, b, c], 2);
    assert.equal(counts().github, 1);
    // Window a dies without a word. The others keep beating through the end of the block.
    for (let i = 0; i < 25 * 12 + 12; i++) {
      fx.clock.advance(5_000);
      await Promise.all([b.pulse(), c.pulse()]);
    }
    assert.equal(counts().github, 2);
    assert.equal(fx.lead().status!.message, 'Remote');
    const by = b.guardRecords().githubStatus.by;
    assert.ok(by === 'w2' || by === 'w3', `restored by a surviving window (${by})`);
    await Promise.all([b.dispose(), c.dispose()]);
  });

  it('restores after a crash on the next start, and a start with nothing pending calls nobody', async () => {
    fx.setStatus({ emoji: ':books:', message: 'Reading', limitedAvailability: false });
    const store = new MemorySharedStore();
    const before = window(store, 'w1');
    await before.start({ type: 'deepWork', minutes: 25 });
    assert.equal(counts().github, 1);
    // VS Code dies; an hour later it starts again with the same storage.
    fx.clock.advance(60 * min);
    fx.sandbox.clearRequests();
    const after = window(store, 'w9');
    await after.pulse();
    fx.clock.advance(2_000);
    await after.pulse();
    assert.equal(fx.lead().status!.message, 'Reading');
    assert.equal(fx.lead().status!.limitedAvailability, false);
    assert.equal(after.state().history.at(-1)?.outcome, 'completed');
    assert.ok(fx.sandbox.requests.length > 0);

    fx.sandbox.clearRequests();
    const fresh = window(new MemorySharedStore(), 'w10');
    await fresh.pulse();
    fx.clock.advance(5_000);
    await fresh.pulse();
    assert.equal(fx.sandbox.requests.length, 0, 'no state, no requests');
    await Promise.all([after.dispose(), fresh.dispose()]);
  });
});
