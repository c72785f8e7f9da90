import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { startBlock } from '../../../src/core/focus/focusMachine';
import { emptyFocusState, type FocusState } from '../../../src/core/focus/types';
import type { GuardPhase } from '../../../src/app/focus/guardRecords';
import { watchForBreaks } from '../../../src/vscode/boundaries/breakSuggestion';
import type { HeldGuard } from '../../../src/vscode/focus/guardHold';

const min = 60_000;
const t0 = new Date(2025, 5, 9, 9, 0).getTime();

/** A window with a fake clock whose timers run only when the test moves the clock past them. */
function harness(dnd: { enabled: boolean; phase?: GuardPhase }) {
  const clock = new ManualClock(t0);
  let state: FocusState = emptyFocusState;
  const listeners = new Set<() => void>();
  let timer: { at: number; run: () => void } | undefined;
  const delivered: string[] = [];
  const guards = (): HeldGuard[] => [
    {
      id: 'notifications',
      enabled: dnd.enabled,
      record: dnd.phase ? { guardId: 'notifications', blockId: 'a', phase: dnd.phase, attempts: 0, updatedAt: t0, by: 'w' } : undefined,
    },
    { id: 'githubStatus', enabled: true },
  ];
  const watch = watchForBreaks({
    clock,
    settings: () => ({ breakAfterMinutes: 90, breakMinutes: 5 }),
    state: () => state,
    onDidChange: (l) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    isHolder: () => true,
    guards,
    toast: (focusedMs) => delivered.push(`toast after ${focusedMs / min} min`),
    park: (focusedMs, blockId) => delivered.push(`parked after ${focusedMs / min} min for block ${blockId}`),
    setTimer: (run, ms) => {
      const mine = { at: clock.now() + ms, run };
      timer = mine;
      return () => {
        if (timer === mine) timer = undefined;
      };
    },
  });
  return {
    delivered,
    start(minutes: number) {
      state = startBlock(state, { id: 'a', type: 'deepWork', minutes }, clock.now());
      for (const l of listeners) l();
    },
    /** Moves the clock, running the pending timer once its time comes. */
    advance(ms: number) {
      clock.advance(ms);
      const due = timer;
      if (due && due.at <= clock.now()) {
        timer = undefined;
        due.run();
      }
    },
    dispose: () => watch.dispose(),
  };
}

describe('the break suggestion', () => {
  it('waits behind the status-bar item, not a toast, while Lead Desk holds Do Not Disturb for the block', () => {
    const h = harness({ enabled: true, phase: 'engaged' });
    h.start(120);
    h.advance(89 * min);
    assert.deepEqual(h.delivered, [], 'nothing before breakAfterMinutes of focus');
    h.advance(1 * min);
    assert.deepEqual(h.delivered, ['parked after 90 min for block a']);
    // Once per stretch: later changes do not park it again.
    h.advance(10 * min);
    assert.deepEqual(h.delivered, ['parked after 90 min for block a']);
    h.dispose();
  });

  it('is a toast when no Do Not Disturb of Lead Desk is on (the guard is off in settings)', () => {
    const h = harness({ enabled: false });
    h.start(120);
    h.advance(90 * min);
    assert.deepEqual(h.delivered, ['toast after 90 min']);
    h.dispose();
  });

  it('is a toast once the Do Not Disturb guard has released the mode', () => {
    const h = harness({ enabled: true, phase: 'released' });
    h.start(120);
    h.advance(90 * min);
    assert.deepEqual(h.delivered, ['toast after 90 min']);
    h.dispose();
  });
});
