import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { startBlock, stopBlock } from '../../../src/core/focus/focusMachine';
import { busyMessage, focusStatusText, formatClock } from '../../../src/core/focus/format';
import { FocusStoreKey, MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { onceEach, reviveFocusState } from '../../../src/core/focus/storedFocusState';
import { emptyFocusState, type FocusState, type GuardTarget } from '../../../src/core/focus/types';
import type { Logger } from '../../../src/core/logger';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';
import { FakeGuard, type FakePlan } from './fakeGuard';

const min = 60_000;
const year = 365 * 24 * 60 * min;
const t0 = new Date(2025, 5, 10, 9, 0, 0).getTime();

/** A state as it was stored, through JSON as VS Code's storage keeps it. */
function stored(state: FocusState): Record<string, unknown> {
  return JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
}

function running(): Record<string, unknown> {
  return stored(startBlock(emptyFocusState, { id: 'b1', type: 'deepWork', minutes: 50 }, t0));
}

function withBlock(changes: Record<string, unknown>): Record<string, unknown> {
  const s = running();
  return { ...s, block: { ...(s.block as object), ...changes } };
}

function revive(raw: unknown): { state: FocusState; warnings: string[] } {
  const warnings: string[] = [];
  const state = reviveFocusState(raw, { now: t0 + 10 * min, warn: (w) => warnings.push(w) });
  return { state, warnings };
}

/** Every time the status bar, the Focus view and the guards format, formatted as they do. */
function renderTimes(state: FocusState): void {
  focusStatusText(state, t0 + 10 * min);
  if (state.block) busyMessage(state.block.endsAt);
  if (state.break) formatClock(state.break.endsAt);
  for (const b of state.history) [b.startedAt, b.endedAt].forEach(formatClock);
}

/** A guard that writes the end time into its status, as the GitHub and Slack guards do. */
class MessageGuard extends FakeGuard {
  override plan(target: GuardTarget): FakePlan {
    return { text: busyMessage(target.endsAt), expiresAt: target.endsAt };
  }
}

function recordingLog(): Logger & { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  return { warnings, errors, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: (m) => warnings.push(m), error: (m) => errors.push(String(m)) };
}

describe('stored focus state', () => {
  it('keeps a sound state as it was, and says nothing', () => {
    const sound = stored(stopBlock(startBlock(emptyFocusState, { id: 'b0', type: 'review', minutes: 25, label: 'PR' }, t0 - 60 * min), t0 - 40 * min).state);
    const { state, warnings } = revive({ ...sound, block: running().block });
    assert.deepEqual(stored(state), { ...sound, block: running().block });
    assert.deepEqual(warnings, []);
    assert.deepEqual(revive(undefined), { state: emptyFocusState, warnings: [] }, 'nothing stored yet is not damage');
  });

  for (const [name, endsAt] of [
    ['NaN (stored as null)', Number.NaN],
    ['negative', -5],
    ['years ahead', t0 + 3 * year],
    ['past the end of time', 1e300],
    ['before its start', t0 - min],
    ['text', '11:00'],
    ['missing', undefined],
  ] as const) {
    it(`adversarial: a block whose end is ${name} is dropped with one warning, and nothing that shows it throws`, () => {
      const { state, warnings } = revive(JSON.parse(JSON.stringify(withBlock({ endsAt }))));
      assert.equal(state.block, undefined);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0], /focus block .*dropped/);
      assert.doesNotThrow(() => renderTimes(state));
    });
  }

  it('adversarial: a block with fields missing or of the wrong type is repaired, one warning per field', () => {
    const { state, warnings } = revive(withBlock({ type: 'nap', source: 7, pausedMs: '5', pausedAt: t0 + 99 * year, label: { x: 1 }, pullRequest: { owner: 'o', repo: 'r', number: 1, title: 't', url: 'command:leadDesk.signInWithToken' } }));
    assert.deepEqual(state.block, { id: 'b1', type: 'deepWork', source: 'manual', startedAt: t0, endsAt: t0 + 50 * min, pausedMs: 0, label: undefined, pausedAt: undefined, occurrenceId: undefined, pullRequest: undefined });
    assert.equal(warnings.length, 6, warnings.join('\n'));
    assert.doesNotThrow(() => renderTimes(state));
  });

  it('adversarial: a block without an id, or not a record at all, is dropped with one warning', () => {
    for (const block of [{ ...(running().block as object), id: '' }, 'b1', [1, 2]]) {
      const { state, warnings } = revive({ ...running(), block });
      assert.equal(state.block, undefined);
      assert.equal(warnings.length, 1);
    }
  });

  it('adversarial: a block that starts in the future is dropped', () => {
    const { state, warnings } = revive(withBlock({ startedAt: t0 + 2 * year, endsAt: t0 + 2 * year + 50 * min }));
    assert.equal(state.block, undefined);
    assert.match(warnings.join(), /starts in the future/);
  });

  it('adversarial: damaged history entries, break, offer and schedule marks are dropped, one warning each', () => {
    const sound = stored(stopBlock(startBlock(emptyFocusState, { id: 'b0', type: 'deepWork', minutes: 25 }, t0 - 60 * min), t0 - 40 * min).state);
    const good = (sound.history as unknown[])[0];
    const { state, warnings } = revive({
      ...sound,
      revision: -1,
      history: [good, { ...(good as object), startedAt: undefined }, { ...(good as object), endedAt: 1e300 }, null, 'x'],
      break: { startedAt: t0, endsAt: t0 + 10 * year, afterBlockId: 'b0' },
      breakOffer: { blockId: 'b0' },
      handledOccurrences: ['2025-06-10 09:00-11:00 Focus', 42],
    });
    assert.deepEqual(state.history, [good]);
    assert.equal(state.break, undefined);
    assert.equal(state.breakOffer, undefined);
    assert.deepEqual(state.handledOccurrences, ['2025-06-10 09:00-11:00 Focus']);
    assert.equal(state.revision, 0);
    assert.equal(warnings.length, 5, warnings.join('\n'));
    assert.doesNotThrow(() => renderTimes(state));
  });

  it('starts afresh from a state of another version or shape, with one warning', () => {
    for (const raw of [{ version: 2 }, 'state', 42, []]) {
      const { state, warnings } = revive(raw);
      assert.deepEqual(state, emptyFocusState);
      assert.equal(warnings.length, 1);
    }
  });

  it('passes each problem on once however often it is read', () => {
    const seen: string[] = [];
    const warn = onceEach((w) => seen.push(w));
    for (let i = 0; i < 3; i++) reviveFocusState(withBlock({ endsAt: 1e300 }), { warn });
    reviveFocusState(withBlock({ endsAt: -1 }), { warn });
    assert.equal(seen.length, 2);
  });

  it('adversarial: a stored block ending past the end of time neither makes the heartbeat fail nor is logged more than once', async () => {
    const clock = new ManualClock(t0 + 10 * min);
    const store = new MemorySharedStore();
    await store.update(FocusStoreKey.state, withBlock({ endsAt: 1e300 }));
    const log = recordingLog();
    const world = { status: null, writes: 0, reads: 0 };
    const guard = new MessageGuard('status', world, () => clock.now());
    const coordinator = new FocusCoordinator({ store, clock, log, windowId: 'w1', guards: () => [{ guard, enabled: true }], schedule: () => [], lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 } });
    for (let i = 0; i < 3; i++) {
      await coordinator.pulse();
      clock.advance(5_000);
    }
    assert.deepEqual(log.errors, []);
    assert.equal(log.warnings.filter((w) => /focus block/.test(w)).length, 1, log.warnings.join('\n'));
    assert.equal(coordinator.state().block, undefined);
    assert.doesNotThrow(() => renderTimes(coordinator.state()));
    await coordinator.dispose();
  });
});
