import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario, type ScenarioPull } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { queueViewOf } from '../../../src/app/queue/queueDisplay';
import { GroupId, type QueueItem } from '../../../src/core/queue/grouping';
import { emptyLocalState } from '../../../src/core/queue/localState';
import { defaultQueueSettings } from '../../../src/core/queue/queueSettings';
import { makeClient, queueHarness } from './queueHarness';

// Pull requests the lead reviewed come back to Needs my review when commits land on top of the
// reviewed one, found in the same single GraphQL request as the rest of the queue, with fields the
// sandbox checks against GitHub's published schema.

const hour = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * hour).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sha = (n: number) => n.toString(16).padStart(40, 'a');

function reviewedPull(number: number, commitHours: readonly number[], reviewHoursAgo: number): ScenarioPull {
  const commits = commitHours.map((h, i) => ({ sha: sha(number * 10 + i), message: `step ${i + 1}`, author: 'priya', date: ago(h) }));
  return {
    repo: 'acme/api',
    number,
    title: `Reviewed change ${number}`,
    author: 'priya',
    createdAt: ago(80),
    updatedAt: ago(Math.min(...commitHours, reviewHoursAgo)),
    files: [{ path: 'src/api/client.ts', additions: 12, deletions: 3 }],
    reviews: [{ author: 'lead', state: 'CHANGES_REQUESTED', submittedAt: ago(reviewHoursAgo) }],
    commits,
    headSha: commits[commits.length - 1].sha,
  };
}

describe('re-review: the lead\'s reviewed pull requests with new commits (sandbox)', function () {
  let sandbox: Sandbox;
  before(async () => {
    const demo = loadScenario('demo');
    // 900: pushed to after the lead's review. 901: nothing since the review.
    sandbox = await startSandbox({ scenario: { ...demo, pullRequests: [...demo.pullRequests, reviewedPull(900, [72, 5], 24), reviewedPull(901, [72], 24)] } });
  });
  after(async () => sandbox.close());

  it('brings them back marked, in the one queue request, and leaves unchanged ones out', async () => {
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken));
    assert.deepEqual(await h.scheduler.refresh('manual'), { ok: true });
    assert.deepEqual(sandbox.requests.map((r) => r.route), ['POST /graphql']);
    const snapshot = h.scheduler.state.data!;
    const reviewed = snapshot.results.reviewed.pullRequests;
    const byNumber = new Map(reviewed.map((pr) => [pr.number, pr]));
    assert.deepEqual(byNumber.get(900)?.myReview?.commit, sha(9000));
    assert.equal(byNumber.get(900)?.headOid, sha(9001));
    assert.equal(byNumber.get(901)?.myReview?.commit, byNumber.get(901)?.headOid);

    const view = queueViewOf(snapshot, defaultQueueSettings, emptyLocalState, new Date(h.clock.now()));
    const needs = view.groups.find((g) => g.id === GroupId.needsReview)!;
    const shown = new Map<number, QueueItem>(needs.items.map((i) => [i.pr.number, i]));
    assert.equal(shown.get(900)?.sinceMyReview, 'newCommits');
    assert.match(shown.get(900)!.placement, /New commits since your review/);
    assert.ok(!shown.has(901), 'a pull request with nothing new since the review stays out');
    // The demo's acme/api#430: reviewed two days ago, asked again after a push four hours ago.
    assert.equal(shown.get(430)?.sinceMyReview, 'newCommits');
  });
});
