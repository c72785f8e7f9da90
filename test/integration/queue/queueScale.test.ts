import assert from 'node:assert/strict';
import { startSandbox } from '../../sandbox/server';
import { generateScaleScenario, SCALE_TOKEN } from '../../sandbox/scenarios/generateScale';
import { planSearches } from '../../../src/core/queue/searchQueries';
import { fetchQueue } from '../../../src/github/queue/fetchQueue';
import { makeClient } from './queueHarness';

describe('review queue for a lead in many organisations', () => {
  it('fetches the listed repositories of many organisations in one request, without the unlisted ones', async () => {
    const scale = generateScaleScenario({ orgs: 6, repos: 300, prs: 150, unlistedPrs: 40, watchedOrgs: 1 });
    const sandbox = await startSandbox({ scenario: scale.scenario });
    try {
      const client = makeClient(sandbox, SCALE_TOKEN);
      const searches = planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: scale.listedRepos, staleOrgs: scale.watchedOrgs, customSections: [], now: new Date() });
      // One search per organisation (and none per repository), each within GitHub's limits as the sandbox enforces them.
      assert.equal(searches.filter((s) => s.role === 'stale').length, scale.orgs.length);
      const snapshot = await fetchQueue(client, searches);
      assert.equal(sandbox.requests.length, 1);
      assert.equal(snapshot.requests, 1);
      const got = new Set(Object.values(snapshot.results).flatMap((r) => r.pullRequests.map((p) => `${p.owner}/${p.repo}#${p.number}`)));
      assert.deepEqual([...got].sort(), [...scale.expected].sort());
      assert.ok([...got].some((k) => k.startsWith(`${scale.watchedOrgs[0]}/sandbox-`)), 'a watched organisation keeps its unlisted repositories');
    } finally {
      await sandbox.close();
    }
  });
});
