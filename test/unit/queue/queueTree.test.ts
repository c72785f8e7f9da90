import assert from 'node:assert/strict';
import { buildQueueView, type GroupingOptions } from '../../../src/core/queue/grouping';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { emptyLocalState, pin } from '../../../src/core/queue/localState';
import { buildQueueTree, escapeMarkdown, itemTooltip, type QueueNode } from '../../../src/core/queue/queueTree';
import { inTimeZone, pr, snapshot } from './fixtures';

const now = new Date('2026-03-04T12:00:00Z');
const options = (o: Partial<GroupingOptions> = {}): GroupingOptions => ({ now, workingTime: defaultWorkingHours, staleBusinessHours: 16, includeDrafts: false, local: emptyLocalState, customSections: [], staleConfigured: true, ...o });

function flatten(nodes: readonly QueueNode[]): QueueNode[] {
  return nodes.flatMap((n) => [n, ...(n.kind === 'group' ? flatten(n.children) : [])]);
}

describe('queue tree nodes', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  const requested = pr({ number: 5, title: 'Fix *login* [redirect](http://evil)', author: 'alice', additions: 30, deletions: 4, changedFiles: 2, ci: 'failure', history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
  const team = pr({ number: 6, author: undefined, history: { open: [{ reviewer: { kind: 'team', slug: 'platform', org: 'acme' }, at: '2026-03-03T10:00:00Z' }], reviewedBy: [] } });
  const view = buildQueueView(snapshot({ reviewRequested: [requested, team], direct: [requested], stale0: [pr({ number: 7, updatedAt: '2026-02-20T10:00:00Z' })] }), options({ local: pin(emptyLocalState, 'acme/web#5') }));
  const tree = buildQueueTree(view, defaultWorkingHours);
  const all = flatten(tree);

  it('gives every node a unique id', () => {
    const ids = all.map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
  });

  it('leads each row with the waiting time and the state, then names the pull request (readable at 300 px)', () => {
    const item = all.find((n) => n.id === 'acme/web#5:needsReview');
    assert.ok(item && item.kind === 'item');
    assert.equal(item.label, '1 d 2 h · CI failing · pinned');
    assert.equal(item.description, 'web#5 Fix *login* [redirect](http://evil)');
    assert.deepEqual(item.icon, { id: 'error', color: 'testing.iconFailed' });
    assert.equal(item.contextValue, 'pullRequest pinned awake');
    assert.deepEqual(item.pullRequest, { owner: 'acme', repo: 'web', number: 5, title: requested.title, url: requested.url, author: 'alice' });
  });

  it('keeps author, size and CI out of the row and in the tooltip', () => {
    const item = all.find((n) => n.id === 'acme/web#5:needsReview');
    assert.ok(item && item.kind === 'item');
    for (const detail of ['alice', '+30 −4', '2 files']) assert.ok(!`${item.label} ${item.description}`.includes(detail), `${detail} is in the row`);
    const tooltip = itemTooltip(item.item, defaultWorkingHours).value;
    assert.match(tooltip, /by alice · \\\+30 −4 in 2 files/);
    assert.match(tooltip, /CI: failing/);
  });

  it('names one state per row, the one that most changes what to do', () => {
    const state = (o: Parameters<typeof pr>[0]) => {
      const v = buildQueueView(snapshot({ reviewRequested: [pr(o)], direct: [pr(o)] }), options());
      const row = flatten(buildQueueTree(v, defaultWorkingHours)).find((n) => n.kind === 'item');
      assert.ok(row && row.kind === 'item');
      return row.label.split(' · ')[1];
    };
    assert.equal(state({ number: 8, review: 'changesRequested', ci: 'failure' }), 'changes requested');
    assert.equal(state({ number: 9, merge: 'conflicting' }), 'conflicts');
    assert.equal(state({ number: 10, review: 'approved' }), 'approved');
    assert.equal(state({ number: 11, ci: 'pending' }), 'CI running');
    assert.equal(state({ number: 12, ci: 'success' }), 'awaiting review');
    // Back after the lead's review: that is what the row says, even over the changes they asked for.
    assert.equal(state({ number: 13, review: 'changesRequested', headOid: 'b', myReview: { at: '2026-03-03T09:00:00Z', commit: 'a' } }), 'new commits since your review');
  });

  it('gives groups the queueGroup contextValue with their id, and items their pin and snooze state', () => {
    assert.equal(tree[0].kind === 'group' && tree[0].contextValue, 'queueGroup needsReview');
    const team = all.find((n) => n.id === 'acme/web#6:needsReview.team');
    assert.equal(team?.kind === 'item' && team.contextValue, 'pullRequest unpinned awake');
  });

  it('marks team-only requests in the row, and ghost authors in the tooltip', () => {
    const item = all.find((n) => n.id === 'acme/web#6:needsReview.team');
    assert.ok(item && item.kind === 'item');
    assert.match(item.label, /^\d[^·]* · team only$/);
    assert.match(itemTooltip(item.item, defaultWorkingHours).value, /by ghost \(deleted account\)/);
  });

  it('shows counts on groups and hints in empty ones', () => {
    const needs = tree[0];
    assert.equal(needs.label, 'Needs my review');
    assert.equal(needs.kind === 'group' && needs.description, '2');
    const mine = tree[1];
    assert.ok(mine.kind === 'group' && mine.children.some((c) => c.kind === 'message' && /no open pull requests/.test(c.label)));
  });

  it('explains in the tooltip why an item sits where it does, with escaped GitHub text', () => {
    const item = all.find((n) => n.id === 'acme/web#5:needsReview');
    assert.ok(item && item.kind === 'item');
    const tooltip = itemTooltip(item.item, defaultWorkingHours).value;
    assert.match(tooltip, /\*\*Why it is here:\*\* GitHub asks for your review by name\\\./);
    assert.match(tooltip, /\*\*Why it is in this position:\*\* pinned to the top, then score \d+/);
    assert.match(tooltip, /^- \\\+25 you were asked by name$/m);
    assert.match(tooltip, /^- −15 CI fails, so the author will likely push again$/m);
    assert.match(tooltip, /since the review was requested \(Tue 3 Mar 10:00\)/);
    assert.ok(tooltip.includes('Fix \\*login\\* \\[redirect\\]\\(http:\\/\\/evil\\)'), tooltip);
  });

  it('escapes Markdown', () => {
    assert.equal(escapeMarkdown('a_b [c](d)'), 'a\\_b \\[c\\]\\(d\\)');
  });
});
