// The lead's own GitHub and Slack status comes back whatever happens during a block: answers lost
// after GitHub or Slack applied a write, a second Lead Desk that shares no storage, an
// organisation-scoped status. Real guards against the sandbox, over real HTTP.
import assert from 'node:assert/strict';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { GuardOrchestrator } from '../../../src/app/focus/guardOrchestrator';
import { SlackGuard } from '../../../src/guards/slackGuard';
import { graphqlOperation, slackMethod } from './flakyNetwork';
import { startFocusSandbox, type FocusSandbox } from './focusSandbox';

const min = 60_000;

describe('the lead\'s own status survives (sandbox)', () => {
  let fx: FocusSandbox;
  beforeEach(async () => {
    fx = await startFocusSandbox();
  });
  afterEach(() => fx.close());

  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const github = () => new GitHubStatusGuard({ client: () => Promise.resolve(fx.github()), clock: fx.clock });
  const slack = () => new SlackGuard({ client: () => Promise.resolve(fx.slack()), clock: fx.clock });
  const target = (minutes: number, blockId = 'b1'): GuardTarget => ({ blockId, type: 'deepWork', endsAt: fx.clock.now() + minutes * min });
  const orchestrator = (guard: GitHubStatusGuard | SlackGuard, store = new MemorySharedStore()) =>
    new GuardOrchestrator({ store, clock: fx.clock, log: silentLogger, windowId: 'w1', guards: () => [{ guard, enabled: true }], retry: { baseMs: 1_000, maxMs: 60_000 } });

  /** "Working from home" for the next six hours, by default seen by the members of one organisation only. */
  function workingFromHome(scoped = true) {
    const status = { emoji: ':house:', message: 'Working from home', limitedAvailability: false, expiresAt: iso(fx.clock.now() + 6 * 60 * min), organization: scoped ? fx.leadOrg().login : null };
    fx.setStatus(status);
    Object.assign(fx.slackLead(), { statusText: 'Working from home', statusEmoji: ':house:', statusExpiration: Math.floor(fx.clock.now() / 1000) + 6 * 3600 });
    const u = fx.slackLead();
    return { github: status, slack: { text: u.statusText, emoji: u.statusEmoji, expiration: u.statusExpiration } };
  }

  function assertPriorBack(prior: ReturnType<typeof workingFromHome>, where: string): void {
    const s = fx.lead().status;
    assert.deepEqual(
      s && { emoji: s.emoji, message: s.message, limitedAvailability: s.limitedAvailability, expiresAt: s.expiresAt, organization: s.organization ?? null },
      prior.github,
      `GitHub status ${where}`,
    );
    const u = fx.slackLead();
    assert.deepEqual({ text: u.statusText, emoji: u.statusEmoji, expiration: u.statusExpiration }, prior.slack, `Slack status ${where}`);
  }

  it('adversarial: an extend whose answer is lost is retried as ours, and "Working from home" comes back', async () => {
    const prior = workingFromHome();
    const o = orchestrator(github());
    const t = target(25);
    await o.reconcile(t);
    // GitHub applies the update, then the answer is lost and the network goes down.
    fx.network.loseAnswerOf(graphqlOperation('LeadDeskChangeUserStatus'));
    const extended = { ...t, endsAt: t.endsAt + 15 * min };
    await o.reconcile(extended);
    assert.ok(o.records().githubStatus.failure, 'the update failed as far as Lead Desk knows');
    assert.equal(Date.parse(fx.lead().status!.expiresAt!), extended.endsAt + 5 * min, 'but GitHub applied it');
    fx.network.restore();
    fx.clock.set(o.records().githubStatus.nextAttemptAt!);
    await o.reconcile(extended);
    assert.equal(o.records().githubStatus.phase, 'engaged', 'the retry found our own update, not a change by the user');
    assert.equal(fx.changeUserStatusCount(), 2, 'the update is not sent again');
    fx.clock.set(extended.endsAt);
    await o.reconcile(undefined);
    assert.equal(o.records().githubStatus.outcome, 'restored');
    assertPriorBack({ ...prior, slack: prior.slack }, 'after the block');
  });

  it('adversarial: a Slack extend whose answer is lost is retried as ours, and the status comes back', async () => {
    const prior = workingFromHome();
    const o = orchestrator(slack());
    const t = target(25);
    await o.reconcile(t);
    fx.network.loseAnswerOf(slackMethod('users.profile.set'));
    const extended = { ...t, endsAt: t.endsAt + 15 * min };
    await o.reconcile(extended);
    assert.ok(o.records().slack.failure);
    fx.network.restore();
    fx.clock.set(o.records().slack.nextAttemptAt!);
    await o.reconcile(extended);
    assert.equal(o.records().slack.phase, 'engaged');
    assert.equal(fx.slackCalls('users.profile.set'), 2, 'the status update is not sent again');
    fx.clock.set(extended.endsAt);
    await o.reconcile(undefined);
    assertPriorBack(prior, 'after the block');
  });

  it('adversarial: an organisation-scoped status is restored with its organisation', async () => {
    const prior = workingFromHome();
    const o = orchestrator(github());
    const t = target(25);
    await o.reconcile(t);
    assert.equal(fx.lead().status!.organization ?? null, null, 'our Busy is public');
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    assertPriorBack(prior, 'after the block');
  });

  it('adversarial: neither engage nor restore is sent twice when its answer is lost (GitHub)', async () => {
    const prior = workingFromHome();
    const o = orchestrator(github());
    const t = target(25);
    fx.network.loseAnswerOf(graphqlOperation('LeadDeskChangeUserStatus'));
    await o.reconcile(t);
    assert.equal(o.records().githubStatus.phase, 'engaging');
    fx.network.restore();
    fx.clock.set(o.records().githubStatus.nextAttemptAt!);
    await o.reconcile(t);
    assert.equal(o.records().githubStatus.phase, 'engaged');
    assert.equal(fx.changeUserStatusCount(), 1, 'the engage is not sent again');

    fx.network.loseAnswerOf(graphqlOperation('LeadDeskChangeUserStatus'));
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    assert.equal(o.records().githubStatus.phase, 'releasing');
    fx.network.restore();
    fx.clock.set(o.records().githubStatus.nextAttemptAt!);
    await o.reconcile(undefined);
    assert.equal(o.records().githubStatus.outcome, 'restored', 'the lost restore is recognised as done');
    assert.equal(fx.changeUserStatusCount(), 2, 'the restore is not sent again');
    assertPriorBack(prior, 'after the block');
  });

  it('adversarial: neither engage nor restore is sent twice when its answer is lost (Slack)', async () => {
    const prior = workingFromHome();
    const o = orchestrator(slack());
    const t = target(25);
    fx.network.loseAnswerOf(slackMethod('dnd.setSnooze'));
    await o.reconcile(t);
    fx.network.restore();
    fx.clock.set(o.records().slack.nextAttemptAt!);
    await o.reconcile(t);
    assert.equal(o.records().slack.phase, 'engaged');
    assert.equal(fx.slackCalls('dnd.setSnooze'), 1, 'the snooze is not sent again');
    assert.ok(fx.slackCalls('users.profile.set') <= 1, 'nor the status');

    fx.network.loseAnswerOf(slackMethod('users.profile.set'));
    fx.clock.set(t.endsAt);
    await o.reconcile(undefined);
    fx.network.restore();
    fx.clock.set(o.records().slack.nextAttemptAt!);
    await o.reconcile(undefined);
    assert.equal(o.records().slack.phase, 'released');
    assert.equal(fx.slackCalls('users.profile.set'), 2, 'the restore is not sent again');
    assertPriorBack(prior, 'after the block');
  });

  describe('two Lead Desks that share no storage (two profiles or machines)', () => {
    function instance(id: string): FocusCoordinator {
      const gh = github();
      const sl = slack();
      return new FocusCoordinator({ store: new MemorySharedStore(), clock: fx.clock, log: silentLogger, windowId: id, guards: () => [{ guard: gh, enabled: true }, { guard: sl, enabled: true }], schedule: () => [] });
    }
    const beat = async (all: FocusCoordinator[]) => {
      for (let i = 0; i < 3; i++) {
        fx.clock.advance(1_000);
        for (const c of all) await c.pulse();
      }
    };
    type Step = ['start' | 'extend' | 'stop', 'A' | 'B'];
    const orders: Step[][] = [
      [['start', 'A'], ['start', 'B'], ['stop', 'B'], ['stop', 'A']],
      [['start', 'A'], ['start', 'B'], ['stop', 'A'], ['stop', 'B']],
      [['start', 'A'], ['stop', 'A'], ['start', 'B'], ['stop', 'B']],
      [['start', 'A'], ['start', 'B'], ['extend', 'A'], ['extend', 'B'], ['stop', 'B'], ['stop', 'A']],
      [['start', 'A'], ['start', 'B'], ['extend', 'B'], ['extend', 'A'], ['stop', 'A'], ['stop', 'B']],
      [['start', 'A'], ['start', 'B'], ['extend', 'A'], ['stop', 'A'], ['extend', 'B'], ['stop', 'B']],
    ];
    for (const order of orders) {
      // The first Lead Desk ending or updating while the second's Busy shows lost the user's status;
      // the other orders are checked as well.
      const adversarial = order !== orders[0] && order !== orders[2];
      it(`${adversarial ? 'adversarial: ' : ''}${order.map(([what, who]) => `${who} ${what}`).join(', ')}: the user's own status is back`, async () => {
        // Public here, so that only the second instance can make this fail; the organisation has its own test.
        const prior = workingFromHome(false);
        const all = { A: instance('A'), B: instance('B') };
        for (const [what, who] of order) {
          const c = all[who];
          if (what === 'start') await c.start({ type: 'deepWork', minutes: who === 'A' ? 50 : 40 });
          else if (what === 'extend') await c.extend(15);
          else await c.stop();
          await beat([all.A, all.B]);
          if (what === 'start') assert.equal(fx.lead().status?.limitedAvailability, true, `Busy after ${who} started`);
        }
        assertPriorBack(prior, `after ${order.map((s) => s.join(' ')).join(', ')}`);
        await Promise.all([all.A.dispose(), all.B.dispose()]);
      });
    }
  });
});
