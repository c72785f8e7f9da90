import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { stoppedText, todaySummary } from '../../../src/core/focus/format';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GuardOrchestrator, type GuardEvent } from '../../../src/app/focus/guardOrchestrator';
import { CountingGuard, missingScope, type FakeWorld } from './fakeGuard';

const min = 60_000;
const t0 = Date.UTC(2025, 5, 10, 7, 0);

describe('a guard that lacks a scope', () => {
  it('is not retried during the block, is said once, and tries again once the lead signs in', async () => {
    const clock = new ManualClock(t0);
    const world: FakeWorld = { status: null, writes: 0, reads: 0 };
    const guard = new CountingGuard('g0', world, () => clock.now());
    const events: GuardEvent[] = [];
    const orchestrator = new GuardOrchestrator({ store: new MemorySharedStore(), clock, log: silentLogger, windowId: 'w1', guards: () => [{ guard, enabled: true }], onEvent: (e) => events.push(e) });
    const block: GuardTarget = { blockId: 'b1', type: 'deepWork', endsAt: t0 + 90 * min };
    guard.failNext('engage', missingScope(), missingScope(), missingScope());
    await orchestrator.reconcile(block);
    for (let i = 0; i < 17; i++) {
      clock.advance(5 * min);
      await orchestrator.reconcile(block);
    }
    assert.equal(guard.engages, 1, 'GitHub is not asked again for a scope the sign-in lacks');
    assert.equal(events.filter((e) => e.kind === 'failed').length, 1, 'one message');
    await orchestrator.retryNow();
    guard.failures.engage = [];
    await orchestrator.reconcile(block);
    assert.equal(guard.engages, 2);
    assert.equal(orchestrator.records().g0.phase, 'engaged');
  });
});

describe('stopped blocks', () => {
  it('say "before a minute passed" rather than "after 0 min"', () => {
    assert.equal(stoppedText(20_000, 'Deep work'), 'Stopped before a minute of Deep work passed.');
    assert.equal(stoppedText(25 * min, 'Deep work'), 'Stopped after 25 min of Deep work.');
  });

  it('are not counted as done: only completed blocks are, stopped ones apart', () => {
    const summary = todaySummary([{ outcome: 'completed' }, { outcome: 'stopped' }, { outcome: 'stopped' }], 75 * min);
    assert.equal(summary, '1 h 15 min of focus · 1 block done · 2 stopped early');
    assert.equal(todaySummary([{ outcome: 'stopped' }], 0), '0 min of focus · 0 blocks done · 1 stopped early');
  });
});
