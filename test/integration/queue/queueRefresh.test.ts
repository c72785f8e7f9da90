import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { generateScenario, GENERATED_TOKEN } from '../../sandbox/scenarios/generate';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { buildQueueView, GroupId, type QueueGroup, type QueueView } from '../../../src/core/queue/grouping';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { emptyLocalState } from '../../../src/core/queue/localState';
import { buildQueueTree } from '../../../src/core/queue/queueTree';
import type { QueueSnapshot } from '../../../src/core/queue/queueTypes';
import { fetchQueue } from '../../../src/github/queue/fetchQueue';
import { planSearches } from '../../../src/core/queue/searchQueries';
import { makeClient, queueHarness, useDemoSandbox } from './queueHarness';

function view(snapshot: QueueSnapshot): QueueView {
  return buildQueueView(snapshot, {
    now: new Date(),
    workingTime: { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 24 * 60 - 1 },
    staleBusinessHours: 16,
    includeDrafts: false,
    local: emptyLocalState,
    customSections: snapshot.searches.filter((s) => s.section).map((s) => ({ name: s.section!.name })),
    staleConfigured: true,
  });
}

function group(v: QueueView, id: string): QueueGroup {
  const walk = (groups: readonly QueueGroup[]): QueueGroup | undefined => groups.map((g) => (g.id === id ? g : walk(g.groups))).find(Boolean);
  const found = walk(v.groups);
  assert.ok(found, `group ${id}`);
  return found;
}

const names = (g: QueueGroup) => g.items.map((i) => `${i.pr.repo}#${i.pr.number}`).sort();

describe('review queue refresh against the sandbox', function () {
  const demo = useDemoSandbox();
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = demo();
  });

  it('loads every group with one GraphQL request costing at most 3 points', async () => {
    const snapshot = await fetchQueue(makeClient(sandbox, DEMO.fullToken), planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: ['acme/api', 'acme/web', 'acme/infra'], staleOrgs: ['acme-labs'], customSections: [{ name: 'Docs', query: 'is:open is:pr team-review-requested:acme/docs' }], now: new Date() }));
    assert.deepEqual(sandbox.requests.map((r) => r.route), ['POST /graphql']);
    assert.ok((sandbox.requests[0].graphqlCost ?? 99) <= 3, `cost ${sandbox.requests[0].graphqlCost}`);
    assert.equal(snapshot.requests, 1);
    assert.equal(snapshot.cost, sandbox.requests[0].graphqlCost);
    assert.equal(snapshot.viewer, 'lead');

    const v = view(snapshot);
    // Requests to lead by name; the ghost-authored #427 and the archived legacy-billing repo are handled.
    assert.deepEqual(names(group(v, GroupId.needsReview)), ['api#412', 'api#418', 'api#421', 'api#427', 'api#430', 'api#431', 'dotfiles#3', 'infra#34', 'ml-playground#7', 'web#88', 'web#92', 'web#93']);
    assert.equal(group(v, GroupId.needsReview).items.find((i) => i.pr.number === 427)?.pr.author, undefined);
    const team = group(v, GroupId.teamRequests);
    assert.deepEqual(names(team), ['api#415', 'api#420', 'infra#35', 'web#97']);
    assert.ok(team.items.every((i) => i.request === 'teamNobodyNamed'));
    assert.deepEqual(names(group(v, GroupId.mineState('changesRequested'))), ['api#424', 'web#95']);
    assert.deepEqual(names(group(v, GroupId.mineState('ciFailing'))), ['ml-playground#9']);
    assert.deepEqual(names(group(v, GroupId.mineState('approved'))), ['api#426']);
    assert.deepEqual(names(group(v, GroupId.mineState('noReviewer'))), ['infra#36']);
    assert.ok(names(group(v, GroupId.stale)).includes('api#418'));
    assert.ok(!names(group(v, GroupId.stale)).some((n) => n.startsWith('legacy-billing')), 'archived repositories are excluded');
    assert.deepEqual(names(group(v, 'custom0')), ['web#97']);
    // Request times come from the timeline, not creation.
    const r412 = group(v, GroupId.needsReview).items.find((i) => i.pr.number === 412)!;
    assert.equal(r412.waiting.basis, 'requested');
    assert.ok(Math.abs(r412.waiting.hours - 5) < 0.1, `${r412.waiting.hours}`);
    assert.ok(buildQueueTree(v, defaultWorkingHours).length >= 4);
  });

  it('needs only the repo scope', async () => {
    const snapshot = await fetchQueue(makeClient(sandbox, DEMO.repoOnlyToken), planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [], now: new Date() }));
    assert.ok((snapshot.results.reviewRequested?.pullRequests.length ?? 0) > 5);
  });

  it('works in the GitHub Enterprise Server layout, with GraphQL at /api/graphql', async () => {
    const client = makeClient(sandbox, DEMO.fullToken, { endpoints: resolveEndpoints(sandbox.ghesApiUrl) });
    const snapshot = await fetchQueue(client, planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: ['acme/api'], staleOrgs: [], customSections: [], now: new Date() }));
    assert.deepEqual(sandbox.requests.map((r) => r.path), ['/api/graphql']);
    assert.equal(snapshot.apiUrl, sandbox.ghesApiUrl);
    assert.ok((snapshot.results.direct?.pullRequests.length ?? 0) > 5);
  });

  it('still refreshes after the first refresh’s deadline has passed', async () => {
    const deadlines: AbortController[] = [];
    const client = makeClient(sandbox, DEMO.fullToken, {
      deadline: () => {
        const controller = new AbortController();
        deadlines.push(controller);
        return controller.signal;
      },
    });
    const searches = planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [], now: new Date() });
    await fetchQueue(client, searches);
    for (const d of deadlines) d.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const second = await fetchQueue(client, searches);
    assert.equal(second.viewer, 'lead');
  });

  it('shares one request between overlapping refreshes', async () => {
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken));
    const outcomes = await Promise.all([h.scheduler.refresh('manual'), h.scheduler.refresh(), h.scheduler.refresh('manual')]);
    assert.deepEqual(outcomes, [{ ok: true }, { ok: true }, { ok: true }]);
    assert.equal(sandbox.requests.length, 1);
  });

  it('keeps a custom section GitHub rejects to itself; the other groups load', async () => {
    const snapshot = await fetchQueue(makeClient(sandbox, DEMO.fullToken), planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [{ name: 'Broken dates', query: 'updated:<yesterday-ish' }], now: new Date() }));
    // GitHub nulls the whole answer for a failing non-null search, so the rest is asked again without it.
    assert.ok(sandbox.requests.length <= 2, `${sandbox.requests.length} requests`);
    assert.equal(snapshot.requests, sandbox.requests.length);
    assert.match(snapshot.results.custom0?.error ?? '', /Invalid date/);
    assert.ok((snapshot.results.reviewRequested?.pullRequests.length ?? 0) > 5);
    const v = buildQueueView(snapshot, { now: new Date(), workingTime: defaultWorkingHours, staleBusinessHours: 16, includeDrafts: false, local: emptyLocalState, customSections: [{ name: 'Broken dates' }], staleConfigured: false });
    assert.match(group(v, 'custom0').error ?? '', /^Section "Broken dates": GitHub rejected its search/);
  });
});

describe('review queue at scale against the sandbox', function () {
  this.timeout(60_000);

  it('refreshes 100 pull requests over 20 repositories in one request of at most 3 points', async () => {
    const sandbox = await startSandbox({ scenario: generateScenario({ prs: 100, repos: 20 }) });
    try {
      const snapshot = await fetchQueue(makeClient(sandbox, GENERATED_TOKEN), planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: ['bench'], customSections: [], now: new Date() }));
      assert.equal(sandbox.requests.length, 1);
      assert.ok(snapshot.cost <= 3, `cost ${snapshot.cost}`);
      const total = Object.values(snapshot.results).reduce((n, r) => n + r.pullRequests.length, 0);
      assert.ok(total > 40, `${total} pull requests`);
    } finally {
      await sandbox.close();
    }
  });

  it('pages only the group that has more than 100 results', async () => {
    const sandbox = await startSandbox({ scenario: generateScenario({ prs: 500, repos: 20, seed: 3 }) });
    try {
      const snapshot = await fetchQueue(makeClient(sandbox, GENERATED_TOKEN), planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: [], customSections: [], now: new Date() }));
      const requested = snapshot.results.reviewRequested;
      assert.ok(requested.total > 100, `only ${requested.total} requests in the scenario`);
      assert.equal(requested.pullRequests.length, requested.total);
      assert.equal(new Set(requested.pullRequests.map((p) => `${p.repo}#${p.number}`)).size, requested.total);
      const pages = Math.ceil(requested.total / 100);
      assert.ok(snapshot.requests >= pages && snapshot.requests === sandbox.requests.length);
      const followUps = sandbox.requests.slice(1).map((r) => (r.body as { query: string }).query);
      for (const q of followUps) {
        assert.doesNotMatch(q, /\bmine: search/, 'a follow-up page must not repeat groups that fit in one page');
        assert.match(q, /after: \$\w+After/);
      }
    } finally {
      await sandbox.close();
    }
  });
});
