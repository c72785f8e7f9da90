// End My Day against the sandbox: the figures come from one GraphQL request GitHub would accept,
// and "Off until …" goes through the same guard as a focus block, so it snapshots the lead's own
// status and puts it back in the morning, and a second Lead Desk recognises it as not the lead's.
import assert from 'node:assert/strict';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { silentLogger } from '../../../src/core/logger';
import { fetchDayCounts } from '../../../src/github/queue/dayCounts';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { DEMO, startFocusSandbox, type FocusSandbox } from '../focus/focusSandbox';

describe('End My Day (sandbox)', () => {
  let fx: FocusSandbox;
  beforeEach(async () => {
    fx = await startFocusSandbox();
  });
  afterEach(() => fx.close());

  it('counts what waits and what was reviewed in one request that passes GitHub’s schema', async () => {
    const counts = await fetchDayCounts(fx.github(), fx.clock.now() - 24 * 3600_000);
    const searches = fx.sandbox.requests.filter((r) => r.graphqlOperation === 'EndOfDayCounts');
    assert.equal(searches.length, 1);
    assert.equal(searches[0].status, 200);
    assert.ok(counts.waiting > 0, 'the demo has review requests waiting for the lead');
    assert.ok(Number.isInteger(counts.reviewedToday) && counts.reviewedToday >= 0);
  });

  it('sets "Off until …" on GitHub and puts the lead’s own status back in the morning', async () => {
    fx.setStatus({ emoji: ':house:', message: 'Working from home', limitedAvailability: false });
    const coordinator = (windowId: string) =>
      new FocusCoordinator({
        store: new MemorySharedStore(),
        clock: fx.clock,
        log: silentLogger,
        windowId,
        guards: () => [{ guard: new GitHubStatusGuard({ client: () => Promise.resolve(fx.github(DEMO.fullToken)), clock: fx.clock }), enabled: true }],
        schedule: () => [],
        lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 },
      });
    const c = coordinator('w1');
    const morning = fx.clock.now() + 15 * 3600_000;
    await c.endDay(morning);
    const off = fx.lead().status!;
    assert.match(off.message!, /^Off until (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d$/);
    assert.equal(off.limitedAvailability, true);
    // Another machine's Lead Desk, sharing no storage, does not take it for the lead's own.
    const other = coordinator('elsewhere');
    await other.start({ type: 'deepWork', minutes: 30 });
    assert.equal((other.guardRecords().githubStatus.snapshot as { status: unknown }).status, null);
    await other.stop();
    await other.dispose();
    assert.equal(fx.lead().status?.message, off.message, 'the other Lead Desk put the evening status back, not a focus one');
    fx.clock.set(morning);
    await c.pulse();
    const back = fx.lead().status!;
    assert.deepEqual([back.emoji, back.message, back.limitedAvailability], [':house:', 'Working from home', false]);
  });
});
