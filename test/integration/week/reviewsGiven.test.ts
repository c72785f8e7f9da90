import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { createGitHubClient } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { GitHubError } from '../../../src/github/errors';
import { silentLogger } from '../../../src/core/logger';
import { fetchReviewsGiven } from '../../../src/github/week/reviewsGiven';

// The demo's lead reviewed two pull requests two days ago and one thirteen days ago.
describe('reviews given, from GitHub contributions', () => {
  let sandbox: Sandbox;
  const now = new Date();
  const day = 86_400_000;
  before(async () => {
    sandbox = await startSandbox({ scenario: loadScenario('demo', now), now: () => now });
  });
  after(() => sandbox.close());

  const client = () => createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: DEMO.fullToken, log: silentLogger, unthrottled: true, retryBaseMs: 5, maxInlineWaitSeconds: 0 });

  it('counts the reviews in a range with one GraphQL request, newest first', async () => {
    sandbox.clearRequests();
    const week = await fetchReviewsGiven(client(), now.getTime() - 7 * day, now.getTime());
    assert.equal(week.total, 2);
    assert.equal(week.times.length, 2);
    for (const t of week.times) assert.ok(Math.abs(t - (now.getTime() - 2 * day)) < 1000);
    const older = await fetchReviewsGiven(client(), now.getTime() - 14 * day, now.getTime() - 7 * day);
    assert.equal(older.total, 1);
    assert.equal(sandbox.requests.filter((r) => r.path.endsWith('/graphql')).length, 2);
  });

  it("times a review begun with a pending comment from GitHub's createdAt, and leaves one-step reviews untimed", async () => {
    const mine = sandbox.state.pulls.flatMap((p) => p.reviews).filter((r) => r.author === 'lead' && Date.parse(r.submittedAt) > now.getTime() - 7 * day);
    assert.equal(mine.length, 2);
    mine[0].startedAt = new Date(Date.parse(mine[0].submittedAt) - 35 * 60_000).toISOString();
    try {
      const week = await fetchReviewsGiven(client(), now.getTime() - 7 * day, now.getTime());
      assert.deepEqual([...week.spans].sort((a, b) => a - b), [0, 35 * 60_000]);
      assert.equal(week.spans.length, week.times.length);
    } finally {
      delete mine[0].startedAt;
    }
  });

  it('fails with a typed error, as github.com does, for a range over a year', async () => {
    await assert.rejects(fetchReviewsGiven(client(), now.getTime() - 400 * day, now.getTime()), (err) => GitHubError.is(err) && /1 year/.test(err.message + (err.detail ?? '')));
  });
});
