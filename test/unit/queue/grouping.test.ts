import assert from 'node:assert/strict';
import { buildQueueView, GroupId, mineState, type GroupingOptions, type QueueGroup, type QueueView } from '../../../src/core/queue/grouping';
import { emptyLocalState, pin, snooze } from '../../../src/core/queue/localState';
import { groupingOptions, inTimeZone, pr, snapshot } from './fixtures';

// Wednesday 2026-03-04 12:00 UTC.
const now = new Date('2026-03-04T12:00:00Z');
const options = (o: Partial<GroupingOptions> = {}): GroupingOptions => groupingOptions(now, o);

function find(view: QueueView, id: string): QueueGroup | undefined {
  const walk = (groups: readonly QueueGroup[]): QueueGroup | undefined => {
    for (const g of groups) {
      if (g.id === id) return g;
      const inner = walk(g.groups);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(view.groups);
}

const numbers = (g: QueueGroup | undefined) => (g?.items ?? []).map((i) => i.pr.number);

describe('queue grouping', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  const direct = pr({ number: 1, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
  const teamOnly = pr({ number: 2, history: { open: [{ reviewer: { kind: 'team', slug: 'platform', org: 'acme' }, at: '2026-03-02T10:00:00Z' }], reviewedBy: [] } });
  const teamNamed = pr({
    number: 3,
    history: { open: [{ reviewer: { kind: 'team', slug: 'platform', org: 'acme' }, at: '2026-03-04T10:00:00Z' }, { reviewer: { kind: 'user', login: 'bob' }, at: '2026-03-04T10:00:00Z' }], reviewedBy: [] },
  });

  it('splits review requests into direct ones and a team sub-group, and counts both for the badge', () => {
    const view = buildQueueView(snapshot({ reviewRequested: [direct, teamOnly, teamNamed], direct: [direct] }), options());
    const needs = find(view, GroupId.needsReview)!;
    assert.deepEqual(numbers(needs), [1]);
    assert.deepEqual(numbers(find(view, GroupId.teamRequests)), [2, 3]);
    assert.equal(needs.count, 3);
    assert.equal(view.needsReviewCount, 3);
    assert.deepEqual(view.groups.map((g) => g.label), ['Needs my review', 'My PRs', 'Stale']);
  });

  it('marks team-only requests where nobody is named, and says why', () => {
    const view = buildQueueView(snapshot({ reviewRequested: [teamOnly, teamNamed], direct: [] }), options());
    const [only, named] = find(view, GroupId.teamRequests)!.items;
    assert.equal(only.request, 'teamNobodyNamed');
    assert.match(only.placement, /team acme\/platform, and nobody is named/);
    assert.equal(named.request, 'team');
    assert.match(named.placement, /one person is also named/);
  });

  it('counts waiting time in working hours from the request, not from creation', () => {
    const view = buildQueueView(snapshot({ reviewRequested: [direct], direct: [direct] }), options());
    const item = find(view, GroupId.needsReview)!.items[0];
    // Requested Tue 10:00, now Wed 12:00: 7 h Tuesday + 3 h Wednesday.
    assert.equal(item.waiting.hours, 10);
    assert.equal(item.waiting.basis, 'requested');
    assert.equal(item.waiting.since, '2026-03-03T10:00:00Z');
  });

  it('starts the wait at ready-for-review when that came after the request', () => {
    const draftThenReady = pr({ number: 9, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-02T10:00:00Z' }], readyAt: '2026-03-04T11:00:00Z', reviewedBy: [] } });
    const item = buildQueueView(snapshot({ reviewRequested: [draftThenReady], direct: [draftThenReady] }), options()).groups[0].items[0];
    assert.equal(item.waiting.basis, 'ready');
    assert.equal(item.waiting.hours, 1);
  });

  it('orders a group by score and explains the order', () => {
    const old = pr({ number: 10, additions: 400, deletions: 0, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-02-27T09:00:00Z' }], reviewedBy: [] } });
    const fresh = pr({ number: 11, additions: 400, deletions: 0, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-04T11:00:00Z' }], reviewedBy: [] } });
    const failing = pr({ number: 12, additions: 400, deletions: 0, ci: 'failure', history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-02-27T09:00:00Z' }], reviewedBy: [] } });
    const view = buildQueueView(snapshot({ reviewRequested: [fresh, failing, old], direct: [fresh, failing, old] }), options());
    const items = find(view, GroupId.needsReview)!.items;
    assert.deepEqual(items.map((i) => i.pr.number), [10, 12, 11]);
    assert.ok(items[0].score.total > items[1].score.total);
    assert.ok(items[1].score.reasons.some((r) => r.factor === 'ci' && r.points < 0));
  });

  it('counts the people a pull request blocks: its author and authors stacked on it', () => {
    const base = pr({ number: 20, author: 'alice', headRefName: 'feature-a', history: { open: [], reviewedBy: [] } });
    const stacked = pr({ number: 21, author: 'carol', baseRefName: 'feature-a' });
    const view = buildQueueView(snapshot({ reviewRequested: [base], direct: [base], stale0: [stacked] }), options({ staleBusinessHours: 1 }));
    assert.deepEqual(find(view, GroupId.needsReview)!.items[0].blocks, ['alice', 'carol']);
  });

  it('sorts my pull requests by what I must do next', () => {
    const mine = [
      pr({ number: 30, author: 'lead', review: 'changesRequested', ci: 'failure' }),
      pr({ number: 31, author: 'lead', ci: 'failure' }),
      pr({ number: 32, author: 'lead', merge: 'conflicting' }),
      pr({ number: 33, author: 'lead', review: 'approved' }),
      pr({ number: 34, author: 'lead', history: { open: [], reviewedBy: [] } }),
      pr({ number: 35, author: 'lead', history: { open: [{ reviewer: { kind: 'user', login: 'bob' }, at: '2026-03-04T09:00:00Z' }], reviewedBy: [] } }),
      pr({ number: 36, author: 'lead', isDraft: true }),
    ];
    const view = buildQueueView(snapshot({ mine }), options());
    const groups = find(view, GroupId.mine)!.groups;
    assert.deepEqual(groups.map((g) => [g.label, numbers(g)]), [
      ['Changes requested', [30]],
      ['CI failing', [31]],
      ['Merge conflicts', [32]],
      ['Approved · ready to merge', [33]],
      ['No reviewer assigned', [34]],
      ['Waiting for review', [35]],
    ]);
    assert.equal(mineState(mine[6]), 'drafts');
    const withDrafts = buildQueueView(snapshot({ mine }), options({ includeDrafts: true }));
    assert.deepEqual(numbers(find(withDrafts, GroupId.mineState('drafts'))), [36]);
  });

  it('hides drafts by default in every group', () => {
    const draft = pr({ number: 40, isDraft: true, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
    assert.equal(buildQueueView(snapshot({ reviewRequested: [draft], direct: [draft] }), options()).needsReviewCount, 0);
    assert.equal(buildQueueView(snapshot({ reviewRequested: [draft], direct: [draft] }), options({ includeDrafts: true })).needsReviewCount, 1);
  });

  it('puts only pull requests idle for N working hours in Stale, counting weekends out', () => {
    const idleTwoDays = pr({ number: 50, updatedAt: '2026-03-02T11:00:00Z' }); // Mon 11:00 → Wed 12:00 = 6+8+3 = 17 h
    const idleOneDay = pr({ number: 51, updatedAt: '2026-03-03T11:00:00Z' }); // 6 + 3 = 9 h
    const overWeekend = pr({ number: 52, updatedAt: '2026-02-27T16:00:00Z' }); // Fri 16:00 → Wed 12:00 = 1+8+8+3 = 20 h
    const view = buildQueueView(snapshot({ stale0: [idleTwoDays, idleOneDay, overWeekend] }), options());
    const stale = find(view, GroupId.stale)!;
    assert.deepEqual(numbers(stale).sort(), [50, 52]);
    assert.match(stale.items[0].placement, /No activity for .* of working time \(stale after 16 h\)/);
    const saturdayNow = buildQueueView(snapshot({ stale0: [idleOneDay] }), options({ now: new Date('2026-03-07T12:00:00Z') }));
    assert.deepEqual(numbers(find(saturdayNow, GroupId.stale)), [51]);
  });

  it('explains how to fill the Stale group when no repository is configured', () => {
    const view = buildQueueView(snapshot({}), options({ staleConfigured: false }));
    assert.match(find(view, GroupId.stale)!.hint ?? '', /leadDesk\.queue\.repos/);
  });

  it('pins items to the top of their group, in pin order', () => {
    const a = pr({ number: 60, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-02-20T10:00:00Z' }], reviewedBy: [] } });
    const b = pr({ number: 61, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-04T11:00:00Z' }], reviewedBy: [] } });
    const c = pr({ number: 62, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-04T11:30:00Z' }], reviewedBy: [] } });
    let local = pin(emptyLocalState, 'acme/web#62');
    local = pin(local, 'acme/web#61');
    const items = buildQueueView(snapshot({ reviewRequested: [a, b, c], direct: [a, b, c] }), options({ local })).groups[0].items;
    assert.deepEqual(items.map((i) => [i.pr.number, i.pinned]), [[62, true], [61, true], [60, false]]);
  });

  it('moves snoozed items to a Snoozed group until the snooze ends', () => {
    const a = pr({ number: 70, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
    const local = snooze(emptyLocalState, 'acme/web#70', 'hour', now, a.updatedAt);
    const during = buildQueueView(snapshot({ reviewRequested: [a], direct: [a] }), options({ local }));
    assert.equal(during.needsReviewCount, 0);
    const snoozed = find(during, GroupId.snoozed)!;
    assert.deepEqual(numbers(snoozed), [70]);
    assert.equal(snoozed.items[0].id, 'acme/web#70:snoozed');
    const later = buildQueueView(snapshot({ reviewRequested: [a], direct: [a] }), options({ local, now: new Date(now.getTime() + 61 * 60_000) }));
    assert.equal(later.needsReviewCount, 1);
    assert.equal(find(later, GroupId.snoozed), undefined);
  });

  it('brings back an item snoozed until new activity when it is updated', () => {
    const a = pr({ number: 71, updatedAt: '2026-03-04T08:00:00Z', history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
    const local = snooze(emptyLocalState, 'acme/web#71', 'activity', now, a.updatedAt);
    assert.equal(buildQueueView(snapshot({ reviewRequested: [a], direct: [a] }), options({ local })).needsReviewCount, 0);
    const updated = { ...a, updatedAt: '2026-03-04T12:30:00Z' };
    assert.equal(buildQueueView(snapshot({ reviewRequested: [updated], direct: [updated] }), options({ local })).needsReviewCount, 1);
  });

  it('shows custom sections, with the error of an invalid one naming it', () => {
    const searches = [...snapshot({}).searches, { alias: 'custom0', role: 'custom' as const, query: 'label:security is:pr', detail: 'basic' as const, section: { index: 0, name: 'Security' } }];
    const snap = snapshot({ custom0: [pr({ number: 80 })] }, { searches });
    const view = buildQueueView(snap, options({ customSections: [{ name: 'Security' }, { name: 'Too long', error: 'the search is 300 characters long; GitHub accepts at most 256.' }] }));
    assert.deepEqual(numbers(find(view, 'custom0')), [80]);
    const broken = find(view, 'custom1')!;
    assert.match(broken.error ?? '', /^Section "Too long": the search is 300 characters long/);
  });

  it('ids are unique and stable: owner/repo#n:group', () => {
    const a = pr({ number: 90, owner: 'Acme', repo: 'Web', updatedAt: '2026-02-20T10:00:00Z', history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
    const view = buildQueueView(snapshot({ reviewRequested: [a], direct: [a], stale0: [a] }), options());
    const ids: string[] = [];
    const walk = (groups: readonly QueueGroup[]) => groups.forEach((g) => (ids.push(...g.items.map((i) => i.id)), walk(g.groups)));
    walk(view.groups);
    assert.deepEqual(ids, ['Acme/Web#90:needsReview', 'Acme/Web#90:stale']);
  });

  it('keeps a deleted author and missing history from breaking anything', () => {
    const ghost = pr({ number: 95, author: undefined, history: undefined });
    const view = buildQueueView(snapshot({ reviewRequested: [ghost], direct: [] }), options());
    const item = find(view, GroupId.teamRequests)!.items[0];
    assert.equal(item.pullRequest.author, undefined);
    assert.equal(item.waiting.basis, 'opened');
    assert.deepEqual(item.blocks, []);
  });

  describe('pull requests the lead reviewed before', () => {
    const reviewedOn = (commit: string) => ({ at: '2026-03-03T09:00:00Z', commit });
    const pushedSince = pr({ number: 40, headOid: 'bbb', myReview: reviewedOn('aaa'), updatedAt: '2026-03-04T09:00:00Z' });
    const unchanged = pr({ number: 41, headOid: 'aaa', myReview: reviewedOn('aaa') });
    const mineReviewedByMe = pr({ number: 42, author: 'lead', headOid: 'bbb', myReview: reviewedOn('aaa') });
    const askedAgain = pr({ number: 43, headOid: 'aaa', myReview: reviewedOn('aaa'), history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-04T08:00:00Z' }], reviewedBy: ['lead'] } });
    const askedAfterPush = pr({ number: 44, headOid: 'ccc', myReview: reviewedOn('aaa'), history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-04T08:00:00Z' }], reviewedBy: ['lead'] } });

    it('come back to Needs my review, marked, when commits came after the review', () => {
      const view = buildQueueView(snapshot({ reviewRequested: [], direct: [], reviewed: [pushedSince, unchanged, mineReviewedByMe] }), options());
      const needs = find(view, GroupId.needsReview)!;
      assert.deepEqual(numbers(needs), [40]);
      assert.equal(needs.items[0].sinceMyReview, 'newCommits');
      assert.match(needs.items[0].placement, /^New commits since your review\./);
      assert.equal(view.needsReviewCount, 1);
      assert.equal(needs.hint, undefined);
    });

    it('mark a request made again, and say whether commits came too', () => {
      const view = buildQueueView(snapshot({ reviewRequested: [askedAgain, askedAfterPush, direct], direct: [askedAgain, askedAfterPush, direct], reviewed: [] }), options());
      const byNumber = new Map(find(view, GroupId.needsReview)!.items.map((i) => [i.pr.number, i]));
      assert.equal(byNumber.get(43)?.sinceMyReview, 'reRequested');
      assert.match(byNumber.get(43)!.placement, /^Asked again since your review\. GitHub asks for your review by name\./);
      assert.equal(byNumber.get(44)?.sinceMyReview, 'newCommits');
      assert.equal(byNumber.get(1)?.sinceMyReview, undefined);
    });

    it('are listed once when both searches find them', () => {
      const view = buildQueueView(snapshot({ reviewRequested: [askedAfterPush], direct: [askedAfterPush], reviewed: [askedAfterPush] }), options());
      assert.deepEqual(numbers(find(view, GroupId.needsReview)), [44]);
      assert.equal(view.needsReviewCount, 1);
    });
  });
});
