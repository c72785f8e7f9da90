import assert from 'node:assert/strict';
import { RefreshScheduler, failureError, type RefreshFailure } from '../../../src/core/queue/refreshScheduler';
import { FakeClock, settle } from './fakeClock';

const minute = 60_000;

class Fault extends Error {
  constructor(readonly failure: RefreshFailure) {
    super(failure.message);
  }
}

const offline: RefreshFailure = { kind: 'offline', summary: 'offline', message: 'Could not reach GitHub.', transient: true };
const unauthorized: RefreshFailure = { kind: 'unauthorized', summary: 'sign-in needed', message: '401', transient: false };

function setup(options: { intervalMs?: number; initial?: { data: number; updatedAt: number } } = {}) {
  const clock = new FakeClock();
  const calls: number[] = [];
  const faults: Array<RefreshFailure | undefined> = [];
  let gate: Promise<void> | undefined;
  let value = 0;
  const seen: Array<[number, number | undefined]> = [];
  const scheduler = new RefreshScheduler<number>({
    clock,
    intervalMs: options.intervalMs ?? 5 * minute,
    backoffBaseMs: 30_000,
    backoffMaxMs: 15 * minute,
    initial: options.initial,
    load: async () => {
      calls.push(clock.now());
      if (gate) await gate;
      const fault = faults.shift();
      if (fault) throw new Fault(fault);
      value += 1;
      return value;
    },
    classify: (err) => (err instanceof Fault ? err.failure : { kind: 'unknown', summary: 'failed', message: String(err), transient: true }),
    onData: (data, previous) => seen.push([data, previous]),
  });
  return {
    clock,
    calls,
    faults,
    scheduler,
    seen,
    hold(): () => void {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

describe('queue refresh scheduler', () => {
  it('does nothing until started, then loads at once and every interval', async () => {
    const t = setup();
    await t.clock.advance(60 * minute);
    assert.equal(t.calls.length, 0, 'no fetch before start (activation must not fetch)');
    t.scheduler.start();
    await settle();
    assert.equal(t.calls.length, 1);
    assert.equal(t.scheduler.state.data, 1);
    await t.clock.advance(5 * minute);
    assert.equal(t.calls.length, 2);
    await t.clock.advance(10 * minute);
    assert.equal(t.calls.length, 4);
  });

  it('shows cached data at once and waits until it is due', async () => {
    const t = setup({ initial: { data: 41, updatedAt: Date.parse('2026-03-04T09:58:00Z') } });
    assert.equal(t.scheduler.state.data, 41);
    assert.equal(t.scheduler.state.fromCache, true);
    t.scheduler.start();
    await settle();
    assert.equal(t.calls.length, 0, 'a 2-minute-old cache is fresh enough');
    await t.clock.advance(3 * minute);
    assert.equal(t.calls.length, 1);
    assert.equal(t.scheduler.state.fromCache, false);
    assert.deepEqual(t.seen, [[1, 41]]);
  });

  it('shares one load between overlapping refreshes', async () => {
    const t = setup();
    const release = t.hold();
    const a = t.scheduler.refresh('manual');
    const b = t.scheduler.refresh('manual');
    const c = t.scheduler.refresh();
    assert.equal(a, b);
    assert.equal(a, c);
    release();
    assert.deepEqual(await a, { ok: true });
    assert.equal(t.calls.length, 1);
  });

  it('drops what a load brings back when what it reads changed meanwhile, and loads again for everyone waiting', async () => {
    const t = setup();
    const release = t.hold();
    const first = t.scheduler.refresh('manual');
    const again = t.scheduler.changed();
    assert.equal(t.calls.length, 1, 'a second load started before the first ended');
    release();
    assert.deepEqual(await first, { ok: true });
    assert.deepEqual(await again, { ok: true });
    assert.equal(t.calls.length, 2);
    assert.deepEqual(t.seen, [[2, undefined]], 'the answer to the old question was shown');
    assert.equal(t.scheduler.state.data, 2);
    assert.equal(t.scheduler.state.loading, false);
  });

  it('keeps a rate limit a changed load met, and asks again only at GitHub’s retry time', async () => {
    const t = setup();
    const retryAt = t.clock.now() + 10 * minute;
    t.faults.push({ kind: 'rateLimited', summary: 'rate limited', message: 'limit', transient: true, retryAt });
    const release = t.hold();
    const running = t.scheduler.refresh('manual');
    const again = t.scheduler.changed();
    release();
    const outcome = await running;
    assert.equal(!outcome.ok && outcome.failure.kind, 'rateLimited');
    assert.deepEqual(await again, outcome);
    assert.equal(t.calls.length, 1, 'asked again inside the rate limit');
    assert.equal(t.scheduler.state.nextAttemptAt, retryAt);
    await t.clock.advance(10 * minute);
    assert.equal(t.calls.length, 2);
    assert.equal(t.scheduler.state.data, 1);
  });

  it('keeps a running load through reset(), which replaces only the data shown', async () => {
    const t = setup({ initial: { data: 0, updatedAt: Date.parse('2026-03-04T09:00:00Z') } });
    const release = t.hold();
    t.scheduler.start();
    t.scheduler.reset();
    assert.equal(t.scheduler.state.data, undefined);
    release();
    await settle();
    assert.equal(t.calls.length, 1);
    assert.deepEqual(t.seen, [[1, undefined]]);
  });

  it('drops a changed load’s answer without loading again once disposed', async () => {
    const t = setup();
    const release = t.hold();
    const running = t.scheduler.refresh('manual');
    void t.scheduler.changed();
    t.scheduler.dispose();
    release();
    const outcome = await running;
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.skipped, true);
    assert.equal(t.calls.length, 1);
    assert.equal(t.scheduler.state.data, undefined);
    assert.equal(t.scheduler.state.loading, false);
    assert.deepEqual(t.seen, []);
  });

  it('keeps the last good data through a failure and backs off exponentially until it recovers', async () => {
    const t = setup();
    t.scheduler.start();
    await settle();
    t.faults.push(offline, offline, offline);
    await t.clock.advance(5 * minute);
    assert.equal(t.scheduler.state.failure?.kind, 'offline');
    assert.equal(t.scheduler.state.data, 1, 'last good data stays');
    const gaps: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const before = t.clock.now();
      const next = t.scheduler.state.nextAttemptAt!;
      gaps.push(next - before);
      await t.clock.advance(next - before);
    }
    assert.deepEqual(gaps, [30_000, 60_000, 120_000]);
    assert.equal(t.scheduler.state.failure, undefined, 'recovered');
    assert.equal(t.scheduler.state.data, 2);
    assert.equal(t.scheduler.state.failures, 0);
    assert.equal(t.scheduler.state.nextAttemptAt, t.clock.now() + 5 * minute);
  });

  it('never retries before GitHub’s retry time, and a manual refresh inside that window sends nothing', async () => {
    const t = setup();
    t.scheduler.start();
    await settle();
    const retryAt = t.clock.now() + 5 * minute + 10 * minute;
    t.faults.push({ kind: 'rateLimited', summary: 'rate limited', message: 'limit', transient: true, retryAt });
    await t.clock.advance(5 * minute);
    assert.equal(t.scheduler.state.nextAttemptAt, retryAt);
    const outcome = await t.scheduler.refresh('manual');
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.skipped, true);
    assert.equal(t.calls.length, 2, 'the manual refresh did not fetch');
    await t.clock.advance(10 * minute - 1);
    assert.equal(t.calls.length, 2);
    await t.clock.advance(1);
    assert.equal(t.calls.length, 3);
    assert.equal(t.scheduler.state.failure, undefined);
  });

  it('caps the backoff, and waits at least the interval for faults only the user can fix', async () => {
    const t = setup();
    assert.equal(t.scheduler.backoffMs(20, offline), 15 * minute);
    assert.equal(t.scheduler.backoffMs(1, unauthorized), 5 * minute);
    t.faults.push(unauthorized);
    t.scheduler.start();
    await settle();
    assert.equal(t.scheduler.state.nextAttemptAt, t.clock.now() + 5 * minute);
    await t.clock.advance(5 * minute);
    assert.equal(t.scheduler.state.failure, undefined, 'recovers once the fault is gone');
  });

  it('pauses while the window is unfocused and refreshes on focus only when the data is stale', async () => {
    const t = setup();
    t.scheduler.start();
    await settle();
    t.scheduler.setFocused(false);
    await t.clock.advance(30 * minute);
    assert.equal(t.calls.length, 1, 'no refresh in the background');
    assert.equal(t.clock.pendingTimers, 0);
    t.scheduler.setFocused(true);
    await settle();
    assert.equal(t.calls.length, 2, 'stale data refreshes at once on focus');
    t.scheduler.setFocused(false);
    await t.clock.advance(minute);
    t.scheduler.setFocused(true);
    await settle();
    assert.equal(t.calls.length, 2, 'fresh data waits for its time');
    await t.clock.advance(4 * minute);
    assert.equal(t.calls.length, 3);
  });

  it('applies a new interval', async () => {
    const t = setup();
    t.scheduler.start();
    await settle();
    t.scheduler.setIntervalMs(minute);
    await t.clock.advance(minute);
    assert.equal(t.calls.length, 2);
  });

  it('never rejects, even when classify or a listener throws, and stops after dispose', async () => {
    const clock = new FakeClock();
    let loads = 0;
    const scheduler = new RefreshScheduler<number>({
      clock,
      intervalMs: minute,
      load: () => {
        loads += 1;
        return Promise.reject(new Error('boom'));
      },
      classify: () => {
        throw new Error('classify broke');
      },
    });
    const outcome = await scheduler.refresh('manual');
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.failure.message, 'boom');
    assert.equal(failureError(!outcome.ok ? outcome.failure : offline).message, 'boom');
    scheduler.dispose();
    await clock.advance(60 * minute);
    assert.equal(loads, 1);
    assert.equal(clock.pendingTimers, 0);
  });
});
