// The fault matrix row for the GitHub status: every fault GitHub (or the network) can produce, aimed
// at the write of each of setting Busy, extending it and restoring the lead's own status. In every
// cell: nothing unhandled, a clear failure on the guard's record, no write applied twice (counted
// in the sandbox's request log), and the step completes once the fault is gone. The row is printed.
import assert from 'node:assert/strict';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import type { GuardTarget } from '../../../src/core/focus/types';
import { silentLogger } from '../../../src/core/logger';
import { GitHubStatusGuard } from '../../../src/guards/githubStatusGuard';
import { GuardOrchestrator } from '../../../src/app/focus/guardOrchestrator';
import type { Fault } from '../../sandbox/server';
import { graphqlOperation } from '../focus/flakyNetwork';
import { startFocusSandbox, type FocusSandbox } from '../focus/focusSandbox';

const min = 60_000;
type Operation = 'set' | 'extend' | 'restore';

interface Cell {
  readonly name: string;
  /** Faults for the write and the client's own retries of it, or a network condition. */
  readonly fault: Fault[] | 'offline' | 'hang';
  readonly timeoutMs?: number;
}

const partialData = JSON.stringify({ data: { changeUserStatus: null }, errors: [{ type: 'INTERNAL', message: 'Something went wrong while executing your query.', path: ['changeUserStatus'], locations: [{ line: 2, column: 3 }] }] });

const cells: Cell[] = [
  { name: '401', fault: [{ kind: 'unauthorized' }] },
  { name: 'missing scope', fault: [{ kind: 'missingScope', scope: 'user' }] },
  { name: 'primary rate limit', fault: [{ kind: 'primaryRateLimit', resetInSeconds: 600 }] },
  { name: 'secondary rate limit', fault: [{ kind: 'secondaryRateLimit', retryAfterSeconds: 120 }] },
  { name: 'GraphQL RATE_LIMITED (200)', fault: [{ kind: 'graphqlRateLimited', resetInSeconds: 600 }] },
  // The client may retry this one by itself; it meets the fault every time.
  { name: 'GraphQL partial data (200)', fault: Array.from({ length: 3 }, (): Fault => ({ kind: 'status', status: 200, body: partialData, contentType: 'application/json; charset=utf-8' })) },
  { name: '502', fault: Array.from({ length: 3 }, (): Fault => ({ kind: 'status', status: 502 })) },
  // GitHub applies the write and the answer never comes, until the client's deadline.
  { name: 'hang / timeout', fault: 'hang', timeoutMs: 300 },
  { name: 'connection reset', fault: Array.from({ length: 3 }, (): Fault => ({ kind: 'reset' })) },
  { name: 'malformed JSON', fault: Array.from({ length: 3 }, (): Fault => ({ kind: 'malformedJson' })) },
  { name: 'offline', fault: 'offline' },
];

const results = new Map<string, Partial<Record<Operation, string>>>();

describe('fault matrix: GitHub status set / extend / restore (sandbox)', () => {
  let fx: FocusSandbox;
  beforeEach(async () => {
    fx = await startFocusSandbox();
  });
  afterEach(() => fx.close());
  after(() => {
    const rows = [...results].map(([name, r]) => `${name.padEnd(28)} | set: ${r.set ?? '-'} | extend: ${r.extend ?? '-'} | restore: ${r.restore ?? '-'}`);
    console.log(`\n  status set / extend / restore:\n  ${rows.join('\n  ')}\n`);
  });

  /** Applied writes: mutations the sandbox ran (a reset or an injected answer never ran one). */
  const applied = () => fx.sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskChangeUserStatus' && (r.fault === undefined || r.fault === 'malformedJson')).length;

  for (const cell of cells) {
    for (const operation of ['set', 'extend', 'restore'] as const) {
      it(`${cell.name} on ${operation}: handled, recorded, not written twice, recovered`, async () => {
        const expiresAt = new Date(fx.clock.now() + 6 * 60 * min).toISOString().replace('.000Z', 'Z');
        const prior = { emoji: ':house:', message: 'Working from home', limitedAvailability: false, expiresAt, organization: fx.leadOrg().login };
        fx.setStatus(prior);
        // The short deadline only while the fault is there: a busy machine may answer slowly.
        let deadlineMs: number | undefined;
        const guard = new GitHubStatusGuard({ client: () => Promise.resolve(fx.github(undefined, deadlineMs)), clock: fx.clock });
        const o = new GuardOrchestrator({ store: new MemorySharedStore(), clock: fx.clock, log: silentLogger, windowId: 'w1', guards: () => [{ guard, enabled: true }], retry: { baseMs: 1_000, maxMs: 60_000 } });
        const t: GuardTarget = { blockId: 'b1', type: 'deepWork', endsAt: fx.clock.now() + 25 * min };
        const extended = { ...t, endsAt: t.endsAt + 15 * min };
        const want = operation === 'set' ? t : operation === 'extend' ? extended : undefined;
        if (operation !== 'set') await o.reconcile(t);
        if (operation === 'restore') fx.clock.set(t.endsAt);
        const before = applied();

        // Every operation reads first; the fault meets the write that follows, and its retries.
        deadlineMs = cell.timeoutMs;
        if (cell.fault === 'offline') fx.network.goOffline();
        else if (cell.fault === 'hang') fx.network.hangAnswerOf(graphqlOperation('LeadDeskChangeUserStatus'));
        else {
          let graphql = 0;
          fx.sandbox.faults.inject((r) => r.api === 'graphql' && ++graphql >= 2, cell.fault);
        }
        await o.reconcile(want);
        const failed = o.records().githubStatus;
        assert.ok(failed.failure, `the failure is on the record (phase ${failed.phase})`);
        assert.ok(failed.failure.message.length > 0);
        assert.ok(failed.nextAttemptAt !== undefined && failed.nextAttemptAt > fx.clock.now(), 'a retry is scheduled');
        assert.ok(applied() - before <= 1, 'at most one write applied');

        fx.network.restore();
        fx.sandbox.faults.clear();
        deadlineMs = undefined;
        fx.clock.set(failed.nextAttemptAt);
        await o.reconcile(want);
        const done = o.records().githubStatus;
        assert.equal(done.failure, undefined, done.failure?.message);
        assert.equal(done.phase, operation === 'restore' ? 'released' : 'engaged');
        assert.equal(applied() - before, 1, 'the write applied exactly once');
        results.set(cell.name, { ...results.get(cell.name), [operation]: `${failed.failure.kind} ok` });

        if (operation !== 'restore') {
          fx.clock.set((want ?? t).endsAt);
          await o.reconcile(undefined);
        }
        const s = fx.lead().status;
        assert.deepEqual(s && { emoji: s.emoji, message: s.message, limitedAvailability: s.limitedAvailability, expiresAt: s.expiresAt, organization: s.organization ?? null }, prior, 'the lead\'s own status is back');
      });
    }
  }
});
