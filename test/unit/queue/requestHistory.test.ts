import assert from 'node:assert/strict';
import { replayTimeline } from '../../../src/core/queue/requestHistory';

const user = (login: string) => ({ kind: 'user' as const, login });
const team = (slug: string) => ({ kind: 'team' as const, slug, org: 'acme' });

describe('queue request history', () => {
  it('keeps requests still open, with the time each was made', () => {
    const h = replayTimeline([
      { type: 'requested', at: '2026-03-02T10:00:00Z', reviewer: user('lead') },
      { type: 'requested', at: '2026-03-02T11:00:00Z', reviewer: team('platform') },
      { type: 'requested', at: '2026-03-02T12:00:00Z', reviewer: user('bob') },
      { type: 'removed', at: '2026-03-02T13:00:00Z', reviewer: user('bob') },
    ]);
    assert.deepEqual(h.open, [
      { reviewer: user('lead'), at: '2026-03-02T10:00:00Z' },
      { reviewer: team('platform'), at: '2026-03-02T11:00:00Z' },
    ]);
  });

  it('treats a review as the end of that person’s request, and a re-request as a new wait', () => {
    const h = replayTimeline([
      { type: 'reviewed', at: '2026-03-02T12:00:00Z', login: 'Lead' },
      { type: 'requested', at: '2026-03-02T10:00:00Z', reviewer: user('lead') },
      { type: 'requested', at: '2026-03-03T09:00:00Z', reviewer: user('lead') },
    ]);
    assert.deepEqual(h.open, [{ reviewer: user('lead'), at: '2026-03-03T09:00:00Z' }]);
    assert.deepEqual(h.reviewedBy, ['Lead']);
  });

  it('remembers the last time the pull request was marked ready', () => {
    const h = replayTimeline([
      { type: 'ready', at: '2026-03-01T10:00:00Z' },
      { type: 'ready', at: '2026-03-02T10:00:00Z' },
    ]);
    assert.equal(h.readyAt, '2026-03-02T10:00:00Z');
    assert.deepEqual(h.open, []);
  });
});
