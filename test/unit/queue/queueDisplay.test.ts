import assert from 'node:assert/strict';
import { describeQueueDisplay, needsSignInPrompt } from '../../../src/app/queue/queueDisplay';
import type { QueueView } from '../../../src/core/queue/grouping';
import type { QueueSnapshot } from '../../../src/core/queue/queueTypes';
import type { RefreshFailure, RefreshFailureKind, RefreshState } from '../../../src/core/queue/refreshScheduler';

// The words the Review Queue shows, at pinned local times so "HH:mm" does not depend on the zone.
const at = (day: number, hour: number, minute: number) => new Date(2026, 2, day, hour, minute).getTime();
const snapshot = { fetchedAt: new Date(at(4, 9, 12)).toISOString() } as QueueSnapshot;
const viewWith = (needsReviewCount: number) => ({ needsReviewCount, groups: [] }) as unknown as QueueView;
const failure = (kind: RefreshFailureKind, message = 'GitHub did not answer in time.'): RefreshFailure => ({ kind, summary: 'GitHub timed out', message, transient: true });

describe('queue display', () => {
  it('says the first load is running, and nothing once data is on screen', () => {
    const loading: RefreshState<QueueSnapshot> = { fromCache: false, loading: true, failures: 0 };
    assert.equal(describeQueueDisplay(loading, undefined, at(4, 9, 0)).message, 'Loading your review queue…');
    const reloading: RefreshState<QueueSnapshot> = { data: snapshot, updatedAt: at(4, 9, 12), fromCache: false, loading: true, failures: 0 };
    assert.deepEqual(describeQueueDisplay(reloading, viewWith(1), at(4, 9, 20)), {
      badge: { value: 1, tooltip: '1 pull request needs your review' },
      description: 'updated 8 min ago · refreshing…',
      message: undefined,
    });
  });

  it('names the day of a retry that is not today', () => {
    const state: RefreshState<QueueSnapshot> = { data: snapshot, updatedAt: at(4, 9, 12), fromCache: true, loading: false, failures: 3, failure: failure('timeout'), nextAttemptAt: at(5, 8, 30) };
    const shown = describeQueueDisplay(state, viewWith(0), at(4, 23, 50));
    assert.equal(shown.message, 'GitHub did not answer in time. Showing what was fetched at 09:12. Retrying at Thu 08:30.');
    assert.equal(shown.badge, undefined);
  });

  it('prompts to sign in only for what the user must fix', () => {
    const kinds: RefreshFailureKind[] = ['unauthorized', 'missingScope', 'rateLimited', 'secondaryRateLimited', 'server', 'timeout', 'offline', 'malformed', 'notFound', 'validation', 'unknown', 'signedOut', 'stopped'];
    assert.deepEqual(kinds.filter((k) => needsSignInPrompt(failure(k))), ['unauthorized', 'missingScope']);
  });

  it('knows every failure kind by name, so a misspelt one does not compile', () => {
    // @ts-expect-error: 'signedout' is not a failure kind ('signedOut' is); typecheck fails if kinds were plain strings.
    const misspelt: RefreshFailure['kind'] = 'signedout';
    assert.ok(!needsSignInPrompt({ ...failure('timeout'), kind: misspelt }), 'a kind nobody knows never prompts');
  });
});
