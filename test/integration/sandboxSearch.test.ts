// Issue search over pull requests: the qualifiers the review queue depends on, GitHub's
// limits, cursor pagination, and both URL layouts (github.com and GHES).
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { generateScenario, GENERATED_TOKEN } from '../sandbox/scenarios/generate';
import { submitReview } from '../sandbox/state/reviewRequestOps';
import { findPull } from '../sandbox/state/lookup';
import { gql, rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

const SEARCH = `query($q: String!, $after: String, $first: Int = 100) {
  search(query: $q, type: ISSUE, first: $first, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ... on PullRequest { number updatedAt repository { nameWithOwner } } }
  }
}`;

interface Hit {
  number: number;
  updatedAt: string;
  repository: { nameWithOwner: string };
}

describe('sandbox search', () => {
  let sb: Sandbox;
  const search = async (q: string, token: string = DEMO.fullToken, ghes = false) => {
    const res = await gql(sb, token, SEARCH, { q }, { ghes });
    assert.equal(res.json.errors, undefined, JSON.stringify(res.json.errors));
    return res.json.data.search as { issueCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Hit[] };
  };
  const keys = async (q: string, token?: string) => (await search(q, token)).nodes.map((n) => `${n.repository.nameWithOwner}#${n.number}`).sort();

  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  afterEach(() => sb.close());

  it('review-requested includes requests to my teams; user-review-requested only direct ones', async () => {
    const viaTeams = await keys('is:pr is:open review-requested:@me');
    const direct = await keys('is:pr is:open user-review-requested:@me');
    const teamOnly = viaTeams.filter((k) => !direct.includes(k));
    assert.deepEqual(teamOnly, ['acme/api#415', 'acme/api#420', 'acme/infra#35', 'acme/web#97']);
    assert.ok(direct.includes('acme/api#412'));
    assert.ok(direct.every((k) => viaTeams.includes(k)), 'direct requests are a subset');
    assert.deepEqual(await keys('is:pr is:open team-review-requested:acme/platform'), ['acme/api#415', 'acme/api#420', 'acme/infra#35']);
  });

  it('resolves @me to the token owner, and accepts an explicit login', async () => {
    assert.deepEqual(await keys('is:pr is:open author:@me'), await keys('is:pr is:open author:lead'));
    assert.deepEqual(await keys('is:pr is:open author:@me'), ['acme-labs/ml-playground#9', 'acme/api#424', 'acme/api#426', 'acme/infra#36', 'acme/web#95']);
    const asPriya = await keys('is:pr is:open author:@me', DEMO.priyaToken);
    assert.deepEqual(asPriya, ['acme/api#412', 'acme/api#429', 'acme/legacy-billing#12']);
  });

  it('draft:false drops drafts and archived:false drops archived repositories', async () => {
    const all = await keys('is:pr is:open review-requested:@me');
    const filtered = await keys('is:pr is:open review-requested:@me draft:false archived:false');
    assert.deepEqual(all.filter((k) => !filtered.includes(k)).sort(), ['acme/legacy-billing#12', 'acme/web#96']);
    assert.deepEqual(await keys('is:pr is:open draft:true review-requested:@me'), ['acme/web#96']);
  });

  it('drops a request once that person reviews, but a re-request brings it back', async () => {
    // #430: lead commented two days ago and was asked again four hours ago.
    assert.ok((await keys('is:pr review-requested:@me')).includes('acme/api#430'));
    const pull412 = findPull(sb.state, 'acme', 'api', 412)!;
    submitReview(sb.state, pull412, 'lead', 'APPROVED', new Date());
    const team415 = findPull(sb.state, 'acme', 'api', 415)!;
    submitReview(sb.state, team415, 'lead', 'COMMENTED', new Date());
    const after = await keys('is:pr is:open review-requested:@me');
    assert.ok(!after.includes('acme/api#412'));
    assert.ok(!after.includes('acme/api#415'), 'a team request no longer counts for a member who reviewed');
    assert.ok((await keys('is:pr team-review-requested:acme/platform')).includes('acme/api#415'), 'the team request itself stays');
    assert.ok((await keys('is:pr reviewed-by:@me')).includes('acme/api#412'));
  });

  it('review:, status: and reviewed-by: follow reviews and CI', async () => {
    assert.deepEqual(await keys('is:pr is:open author:@me review:changes_requested'), ['acme/api#424', 'acme/web#95']);
    assert.deepEqual(await keys('is:pr is:open author:@me review:approved'), ['acme-labs/ml-playground#9', 'acme/api#426']);
    assert.deepEqual(await keys('is:pr is:open author:@me status:failure'), ['acme-labs/ml-playground#9', 'acme/api#424']);
    assert.deepEqual(await keys('is:pr is:open author:@me review:none'), ['acme/infra#36']);
    assert.deepEqual(await keys('is:pr reviewed-by:@me'), ['acme/api#401', 'acme/api#430', 'acme/web#98']);
    assert.deepEqual(await keys('is:pr is:merged reviewed-by:@me'), ['acme/api#401', 'acme/web#98']);
  });

  it('filters by dates, repo, org, user, label, free text and negation', async () => {
    const cutoff = new Date(Date.now() - 2.5 * 86400e3).toISOString();
    const stale = await search(`is:pr is:open review-requested:@me updated:<${cutoff}`);
    assert.deepEqual(stale.nodes.map((n) => n.number).sort((a, b) => a - b), [12, 34, 418, 427]);
    assert.ok(stale.nodes.every((n) => Date.parse(n.updatedAt) < Date.parse(cutoff)));
    assert.equal((await search('is:pr repo:acme/web')).issueCount, 12);
    assert.equal((await search('is:pr org:acme-labs')).issueCount, 5);
    assert.deepEqual(await keys('is:pr user:lead'), ['lead/dotfiles#3']);
    assert.deepEqual(await keys('is:pr is:open label:a11y'), ['acme/web#92', 'acme/web#95']);
    assert.deepEqual(await keys('is:pr is:open label:a11y -author:@me'), ['acme/web#92']);
    assert.deepEqual(await keys('is:pr dashboard'), ['acme/web#93']);
    assert.deepEqual(await keys('is:pr is:open review-requested:@me -repo:acme/api -repo:acme/web -org:acme-labs archived:false'), ['acme/infra#34', 'acme/infra#35', 'lead/dotfiles#3']);
    assert.deepEqual(await keys('is:pr is:open NOT dashboard repo:acme/web author:dan'), ['acme/web#91', 'acme/web#97']);
  });

  it('assignee:, involves: and created: work like GitHub', async () => {
    assert.deepEqual(await keys('is:pr is:open assignee:@me'), ['acme/api#424', 'acme/web#93']);
    const involved = await keys('is:pr involves:@me');
    for (const k of ['acme/api#424', 'acme/web#93', 'acme/api#430', 'acme/api#401']) assert.ok(involved.includes(k), k);
    assert.ok(!involved.includes('acme/api#412'), 'a review request alone does not involve you');
    const since = new Date(Date.now() - 12 * 3600e3).toISOString();
    const fresh = await search(`is:pr is:open created:>=${since} review-requested:@me`);
    assert.deepEqual(fresh.nodes.map((n) => n.number).sort((a, b) => a - b), [3, 35, 92, 93, 412, 431]);
  });

  it('sorts by updated or created, ascending or descending', async () => {
    const desc = await search('is:pr is:open review-requested:@me sort:updated-desc');
    const times = desc.nodes.map((n) => Date.parse(n.updatedAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const asc = await search('is:pr is:open review-requested:@me sort:updated-asc');
    assert.deepEqual(asc.nodes.map((n) => n.number), desc.nodes.map((n) => n.number).reverse());
  });

  it('pages with cursors without overlap', async () => {
    const q = 'is:pr';
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res = await gql(sb, DEMO.fullToken, SEARCH, { q, after, first: 7 });
      const page = res.json.data.search;
      seen.push(...page.nodes.map((n: Hit) => n.number * 1000 + n.repository.nameWithOwner.length));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(seen.length, (await search(q)).issueCount);
    assert.equal(pages, Math.ceil(seen.length / 7));
  });

  it('hides private repositories from people without access', async () => {
    assert.equal((await search('is:pr repo:acme/infra')).issueCount, 4);
    assert.equal((await search('is:pr repo:acme/infra', DEMO.outsiderToken)).issueCount, 0);
  });

  it('rejects queries over 256 characters and with more than five AND/OR/NOT operators', async () => {
    const long = `is:pr ${'x'.repeat(251)}`;
    assert.equal(long.length, 257);
    const tooLong = await gql(sb, DEMO.fullToken, SEARCH, { q: long });
    assert.equal(tooLong.json.data, null);
    assert.match(tooLong.json.errors?.[0]?.message ?? '', /longer than 256 characters/);
    assert.deepEqual(tooLong.json.errors?.[0]?.path, ['search']);
    const sixOps = 'is:pr a AND b AND c OR d OR e NOT f NOT g';
    const tooMany = await gql(sb, DEMO.fullToken, SEARCH, { q: sixOps });
    assert.match(tooMany.json.errors?.[0]?.message ?? '', /more than 5 AND \/ OR \/ NOT operators/);
    const fiveOps = await gql(sb, DEMO.fullToken, SEARCH, { q: 'is:pr a AND b AND c OR d OR e NOT f' });
    assert.equal(fiveOps.json.errors, undefined);

    const rest422 = await rest(sb, DEMO.fullToken, 'GET', `/search/issues?q=${encodeURIComponent(long)}`);
    assert.equal(rest422.status, 422);
    assert.equal(rest422.json.message, 'Validation Failed');
    assert.match(rest422.json.errors[0].message, /longer than 256 characters/);
    const restOps = await rest(sb, DEMO.fullToken, 'GET', `/search/issues?q=${encodeURIComponent(sixOps)}`);
    assert.equal(restOps.status, 422);
  });

  it('serves REST /search/issues on the search rate limit, in both layouts', async () => {
    const q = encodeURIComponent('is:pr is:open review-requested:@me archived:false');
    for (const ghes of [false, true]) {
      const res = await rest(sb, DEMO.fullToken, 'GET', `/search/issues?q=${q}&per_page=5`, undefined, {}, { ghes });
      assert.equal(res.status, 200);
      assert.equal(res.json.total_count, 17);
      assert.equal(res.json.items.length, 5);
      assert.ok(res.json.items.every((i: { pull_request?: { url?: string } }) => !!i.pull_request?.url));
      assert.equal(res.headers.get('x-ratelimit-resource'), 'search');
      assert.equal(res.headers.get('x-ratelimit-limit'), '30');
      assert.match(res.headers.get('link') ?? '', /rel="next"/);
      if (ghes) assert.ok(res.json.items[0].url.includes('/api/v3/repos/'), 'API urls keep the GHES prefix');
    }
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/rate_limit')).json.resources.search.used, 2);
  });

  it('answers the same search on the GHES GraphQL path', async () => {
    const dotcom = await search('is:pr is:open review-requested:@me', DEMO.fullToken, false);
    const ghes = await search('is:pr is:open review-requested:@me', DEMO.fullToken, true);
    assert.deepEqual(ghes, dotcom);
    assert.equal(sb.requests.at(-1)!.path, '/api/graphql');
  });

  it('caps results at 1,000 while issueCount reports every match', async () => {
    const big = await startSandbox({ scenario: generateScenario({ prs: 1100, repos: 5, people: 6, seed: 3 }) });
    try {
      const res = await gql(big, GENERATED_TOKEN, SEARCH, { q: 'is:pr', first: 100 });
      assert.equal(res.json.data.search.issueCount, 1100);
      let after: string | null = res.json.data.search.pageInfo.endCursor;
      let total = res.json.data.search.nodes.length;
      for (let i = 0; i < 20 && after; i++) {
        const next = await gql(big, GENERATED_TOKEN, SEARCH, { q: 'is:pr', first: 100, after });
        total += next.json.data.search.nodes.length;
        after = next.json.data.search.pageInfo.hasNextPage ? next.json.data.search.pageInfo.endCursor : null;
      }
      assert.equal(total, 1000);
    } finally {
      await big.close();
    }
  });
});
