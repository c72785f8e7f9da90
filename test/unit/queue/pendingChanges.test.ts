import assert from 'node:assert/strict';
import { buildQueueView, GroupId } from '../../../src/core/queue/grouping';
import { applyChange, searchLagMs, stillPending, withChanges, type PendingChange } from '../../../src/core/queue/pendingChanges';
import { groupingOptions, inTimeZone, pr, snapshot } from './fixtures';

describe('queue changes made from Lead Desk, before GitHub shows them', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  const now = new Date('2026-03-04T12:00:00Z');
  const handedOff = pr({ number: 7, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
  const other = pr({ number: 8, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
  const withdrawn: PendingChange = { kind: 'requestWithdrawn', key: 'acme/web#7', at: now.getTime() };
  const needsReview = (s: ReturnType<typeof snapshot>) => buildQueueView(s, groupingOptions(now)).groups.find((g) => g.id === GroupId.needsReview)!;

  it('a withdrawn request takes the pull request out of Needs my review at once, and nothing else', () => {
    const before = snapshot({ reviewRequested: [handedOff, other], direct: [handedOff, other], mine: [pr({ number: 9, author: 'lead' })] });
    const after = applyChange(before, withdrawn);
    assert.deepEqual(needsReview(after).items.map((i) => i.pr.number), [8]);
    assert.equal(buildQueueView(after, groupingOptions(now)).needsReviewCount, 1);
    assert.equal(after.results.reviewRequested.total, 1);
    assert.deepEqual(after.results.mine, before.results.mine);
    assert.equal(applyChange(after, withdrawn), after, 'applying it again changes nothing');
  });

  it('stays applied over fresh data while GitHub\'s search still lags, and lets go once it agrees or the lag is over', () => {
    const lagging = snapshot({ reviewRequested: [handedOff, other], direct: [handedOff, other] });
    const agrees = snapshot({ reviewRequested: [other], direct: [other] });
    assert.deepEqual(stillPending([withdrawn], lagging, now.getTime() + 10_000), [withdrawn]);
    assert.deepEqual(needsReview(withChanges(lagging, [withdrawn])).items.map((i) => i.pr.number), [8]);
    assert.deepEqual(stillPending([withdrawn], agrees, now.getTime() + 10_000), []);
    assert.deepEqual(stillPending([withdrawn], lagging, now.getTime() + searchLagMs), []);
  });
});
