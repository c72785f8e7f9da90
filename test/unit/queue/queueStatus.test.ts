import assert from 'node:assert/strict';
import { describeQueueStatus, formatAge } from '../../../src/core/queue/queueStatus';
import { inTimeZone } from './fixtures';

describe('queue status line', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);
  const now = Date.parse('2026-03-04T10:30:00Z');

  it('says how old the data is', () => {
    assert.equal(formatAge(now - 20_000, now), 'just now');
    assert.equal(formatAge(now - 12 * 60_000, now), '12 min ago');
    assert.equal(formatAge(now - 3 * 3_600_000, now), '3 h ago');
    assert.equal(describeQueueStatus({ updatedAt: now - 12 * 60_000, fromCache: false, loading: false, failures: 0 }, now), 'updated 12 min ago');
  });

  it('says what failed and when it retries, keeping the age of the data shown', () => {
    const text = describeQueueStatus(
      { updatedAt: now - 12 * 60_000, fromCache: true, loading: false, failures: 2, nextAttemptAt: Date.parse('2026-03-04T10:42:00Z'), failure: { kind: 'offline', summary: 'offline', message: 'x', transient: true } },
      now,
    );
    assert.equal(text, 'updated 12 min ago · offline, retrying at 10:42');
  });

  it('names the day of a retry that is not today', () => {
    const text = describeQueueStatus({ fromCache: false, loading: false, failures: 1, nextAttemptAt: Date.parse('2026-03-05T09:00:00Z'), failure: { kind: 'rateLimited', summary: 'rate limited', message: 'x', transient: true } }, now);
    assert.equal(text, 'rate limited, retrying at Thu 09:00');
  });

  it('shows loading, and nothing before the first load', () => {
    assert.equal(describeQueueStatus({ fromCache: false, loading: false, failures: 0 }, now), '');
    assert.equal(describeQueueStatus({ updatedAt: now, fromCache: true, loading: true, failures: 0 }, now), 'updated just now · refreshing…');
  });
});
