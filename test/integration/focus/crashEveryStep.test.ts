// The window dies at every step of a block's engage, extend and release: its k-th write to shared
// storage fails and it never acts again. A fresh window on the same storage takes over. In every
// run, the lead's own GitHub status (organisation-scoped) and Slack status are exactly back.
import assert from 'node:assert/strict';
import { MemorySharedStore, type SharedStore } from '../../../src/core/focus/sharedStore';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { SlackGuard } from '../../../src/guards/slackGuard';
import { startFocusSandbox, type FocusSandbox } from './focusSandbox';

const min = 60_000;

/** Storage as a dying window sees it: its `crashAt`-th write fails, and so does every later one. */
class DyingStore implements SharedStore {
  writes = 0;
  dead = false;
  constructor(
    private readonly inner: SharedStore,
    private readonly crashAt: number,
  ) {}
  get<T>(key: string): T | undefined {
    return this.inner.get<T>(key);
  }
  update(key: string, value: unknown): Promise<void> {
    if (this.dead || ++this.writes >= this.crashAt) {
      this.dead = true;
      return Promise.reject(new Error('the window died'));
    }
    return this.inner.update(key, value);
  }
}

describe('a crash at every step of engage, extend and release (sandbox)', () => {
  let fx: FocusSandbox;
  before(async () => {
    fx = await startFocusSandbox();
  });
  after(() => fx.close());

  function window(store: SharedStore, id: string): FocusCoordinator {
    const github = new GitHubStatusGuard({ client: () => Promise.resolve(fx.github()), clock: fx.clock });
    const slack = new SlackGuard({ client: () => Promise.resolve(fx.slack()), clock: fx.clock });
    return new FocusCoordinator({ store, clock: fx.clock, log: silentLogger, windowId: id, guards: () => [{ guard: github, enabled: true }, { guard: slack, enabled: true }], schedule: () => [] });
  }

  function setPrior() {
    const expiresAt = new Date(fx.clock.now() + 6 * 60 * min).toISOString().replace('.000Z', 'Z');
    const github = { emoji: ':house:', message: 'Working from home', limitedAvailability: false, expiresAt, organization: fx.leadOrg().login };
    fx.setStatus(github);
    const slack = { statusText: 'Working from home', statusEmoji: ':house:', statusExpiration: Math.floor(fx.clock.now() / 1000) + 6 * 3600, snoozeEndsAt: null };
    Object.assign(fx.slackLead(), slack);
    return { github, slack };
  }

  /** One block: start, extend, stop; each step is repeated by the next window if the window died in it. */
  async function run(crashAt: number): Promise<{ writes: number; died: boolean }> {
    const store = new MemorySharedStore();
    const dying = new DyingStore(store, crashAt);
    let w = window(dying, 'first');
    let firstEnd = 0;
    const beat = async (seconds: number) => {
      for (let i = 0; i < seconds; i++) {
        fx.clock.advance(1_000);
        await w.pulse();
      }
    };
    const steps: Array<() => Promise<unknown>> = [
      async () => {
        if (!w.state().block) await w.start({ type: 'deepWork', minutes: 50 });
        firstEnd ||= w.state().block!.endsAt;
      },
      async () => {
        const block = w.state().block;
        if (block && block.endsAt < firstEnd + 15 * min) await w.extend(15);
      },
      async () => {
        if (w.state().block) await w.stop();
      },
    ];
    let replaced = false;
    for (const step of steps) {
      await step().catch(() => undefined);
      await beat(3);
      if (dying.dead && !replaced) {
        // The dead window's lease runs out; a new window starts on the same storage.
        replaced = true;
        w = window(store, 'next');
        fx.clock.advance(31_000);
        await beat(3);
        await step();
        await beat(3);
      }
    }
    await beat(3);
    await w.dispose();
    return { writes: dying.writes, died: replaced };
  }

  it('adversarial: after a crash at any write, the next window puts back the lead\'s own GitHub and Slack status', async () => {
    const clean = await run(Number.POSITIVE_INFINITY);
    assert.ok(clean.writes > 10, `a block writes its state, lease and guard records (${clean.writes} writes)`);
    const failures: string[] = [];
    for (let k = 1; k <= clean.writes + 1; k++) {
      const prior = setPrior();
      fx.clock.advance(10 * min);
      const result = await run(k);
      const s = fx.lead().status;
      const u = fx.slackLead();
      const github = s && { emoji: s.emoji, message: s.message, limitedAvailability: s.limitedAvailability, expiresAt: s.expiresAt, organization: s.organization ?? null };
      const slack = { statusText: u.statusText, statusEmoji: u.statusEmoji, statusExpiration: u.statusExpiration, snoozeEndsAt: u.snoozeEndsAt !== null && u.snoozeEndsAt * 1000 > fx.clock.now() ? u.snoozeEndsAt : null };
      const ok = JSON.stringify(github) === JSON.stringify(prior.github) && JSON.stringify(slack) === JSON.stringify(prior.slack);
      if (!ok) failures.push(`crash at write ${k}${result.died ? '' : ' (no crash)'}: GitHub ${JSON.stringify(github)}, Slack ${JSON.stringify(slack)}`);
    }
    assert.deepEqual(failures, []);
  });
});
