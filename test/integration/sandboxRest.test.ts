// REST endpoints over real HTTP: shapes, headers, ETags, the core rate limit, reviewer
// writes with their 422s, and Octokit 22 pointed at both URL layouts.
import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql, rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

// Octokit logs every failed request; these failures are expected.
const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('sandbox REST', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  afterEach(() => sb.close());

  it('GET /user identifies the token and reports its scopes and rate limit in headers', async () => {
    const res = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.equal(res.status, 200);
    assert.equal(res.json.login, 'lead');
    assert.equal(res.json.name, 'Lee Adams');
    assert.equal(res.headers.get('x-oauth-scopes'), 'repo, read:org, user');
    assert.equal(res.headers.get('x-accepted-oauth-scopes'), '');
    assert.match(res.headers.get('x-github-request-id') ?? '', /^[0-9A-F]+:[0-9A-F]+:[0-9A-F]+$/);
    assert.equal(res.headers.get('x-ratelimit-limit'), '5000');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '4999');
    assert.equal(res.headers.get('x-ratelimit-used'), '1');
    assert.equal(res.headers.get('x-ratelimit-resource'), 'core');
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    assert.ok(reset > Date.now() / 1000 + 3500 && reset <= Date.now() / 1000 + 3601);
    const again = await rest(sb, DEMO.repoOnlyToken, 'GET', '/user');
    assert.equal(again.headers.get('x-oauth-scopes'), 'repo');
    assert.equal(again.headers.get('x-ratelimit-remaining'), '4999', 'budgets are per token');
  });

  it('answers 401 Bad credentials for missing and unknown tokens', async () => {
    for (const token of [undefined, 'ghp_unknown']) {
      const res = await rest(sb, token, 'GET', '/user');
      assert.equal(res.status, 401);
      assert.deepEqual(res.json, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
  });

  it('serves conditional GETs: a matching If-None-Match gets 304 with no body and is free', async () => {
    const first = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412');
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[0-9a-f]{64}"$/);
    const second = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412', undefined, { 'if-none-match': etag! });
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
    assert.equal(second.headers.get('x-ratelimit-remaining'), '4999', 'the 304 was not charged');
    const weak = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412', undefined, { 'if-none-match': `W/${etag}` });
    assert.equal(weak.status, 304);
    // A change to the pull request changes the ETag.
    sb.state.pulls.find((p) => p.number === 412)!.title = 'Renamed';
    const changed = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412', undefined, { 'if-none-match': etag! });
    assert.equal(changed.status, 200);
    assert.equal(changed.json.title, 'Renamed');
    assert.equal(changed.headers.get('x-ratelimit-remaining'), '4998');
  });

  it('GET /rate_limit is free and reports core, search and graphql', async () => {
    await rest(sb, DEMO.fullToken, 'GET', '/user');
    const a = await rest(sb, DEMO.fullToken, 'GET', '/rate_limit');
    const b = await rest(sb, DEMO.fullToken, 'GET', '/rate_limit');
    assert.equal(a.json.resources.core.used, 1);
    assert.equal(b.json.resources.core.used, 1);
    assert.deepEqual(Object.keys(b.json.resources).slice(0, 3), ['core', 'search', 'graphql']);
    assert.equal(b.json.resources.search.limit, 30);
    assert.deepEqual(b.json.rate, b.json.resources.core);
  });

  it('answers 403 with remaining 0 once the core budget is spent', async () => {
    sb.rateLimits.setRemaining(DEMO.fullToken, 'core', 1);
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api')).status, 200);
    const res = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api');
    assert.equal(res.status, 403);
    assert.match(res.json.message, /^API rate limit exceeded for user ID 1001\./);
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(res.headers.get('x-ratelimit-resource'), 'core');
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/rate_limit')).status, 200, '/rate_limit still answers');
  });

  it('serves repositories, pull requests and paginated files with Link headers', async () => {
    const repo = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/legacy-billing');
    assert.equal(repo.json.full_name, 'acme/legacy-billing');
    assert.equal(repo.json.archived, true);
    assert.equal(repo.headers.get('x-accepted-oauth-scopes'), 'repo');
    const pull = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/427');
    assert.equal(pull.json.user.login, 'ghost', 'deleted authors show as ghost in REST');
    assert.equal(pull.json.mergeable, false);
    assert.equal(pull.json.mergeable_state, 'dirty');
    assert.deepEqual(pull.json.requested_reviewers.map((u: { login: string }) => u.login), ['lead']);
    const page1 = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412/files?per_page=2');
    assert.deepEqual(page1.json.map((f: { filename: string }) => f.filename), ['src/webhooks/dispatcher.ts', 'src/webhooks/backoff.ts']);
    const link = page1.headers.get('link') ?? '';
    assert.match(link, /<http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/api\/pulls\/412\/files\?per_page=2&page=2>; rel="next"/);
    const page2 = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412/files?per_page=2&page=2');
    assert.deepEqual(page2.json.map((f: { filename: string }) => f.filename), ['test/webhooks/dispatcher.test.ts']);
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/9999')).status, 404);
  });

  it('hides private repositories behind 404 from people without access', async () => {
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/infra')).status, 200);
    const res = await rest(sb, DEMO.outsiderToken, 'GET', '/repos/acme/infra');
    assert.equal(res.status, 404);
    assert.deepEqual(res.json, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });

  it('maps commit authors to accounts, and answers {} when the email has none', async () => {
    const known = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/commits/9e8d7c6');
    assert.equal(known.json.author.login, 'jin');
    assert.equal(known.json.commit.author.email, 'jin.park@personal.example');
    const unknown = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/commits/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567');
    assert.deepEqual(unknown.json.author, {});
    assert.equal(unknown.json.commit.author.name, 'Former Contributor');
    const branch = await rest(sb, DEMO.fullToken, 'GET', `/repos/acme/api/commits/${encodeURIComponent('priya/webhook-retry')}`);
    assert.equal(branch.json.author.login, 'priya');
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/commits/ffffffff')).status, 422);
  });

  it('serves CODEOWNERS as base64 content', async () => {
    const res = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/contents/.github/CODEOWNERS');
    assert.equal(res.json.encoding, 'base64');
    const text = Buffer.from(res.json.content, 'base64').toString('utf8');
    assert.match(text, /^\/src\/auth\/\s+@lead$/m);
    assert.equal(res.json.size, Buffer.byteLength(text));
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/contents/nope.md')).status, 404);
  });

  it('requests and removes reviewers, and search sees the change', async () => {
    const searchDan = async (): Promise<number[]> => {
      const res = await gql(sb, DEMO.fullToken, 'query { search(query: "is:pr user-review-requested:dan repo:acme/api", type: ISSUE, first: 10) { nodes { ... on PullRequest { number } } } }');
      const nodes: { number: number }[] = res.json.data.search.nodes;
      return nodes.map((n) => n.number);
    };
    assert.deepEqual(await searchDan(), []);
    const added = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/pulls/412/requested_reviewers', { reviewers: ['dan'], team_reviewers: ['docs'] });
    assert.equal(added.status, 201);
    assert.deepEqual(added.json.requested_reviewers.map((u: { login: string }) => u.login), ['lead', 'dan']);
    assert.deepEqual(added.json.requested_teams.map((t: { slug: string }) => t.slug), ['docs']);
    assert.deepEqual(await searchDan(), [412]);
    const timeline = await gql(sb, DEMO.fullToken, 'query { repository(owner: "acme", name: "api") { pullRequest(number: 412) { timelineItems(last: 2, itemTypes: [REVIEW_REQUESTED_EVENT]) { nodes { ... on ReviewRequestedEvent { actor { login } requestedReviewer { ... on User { login } ... on Team { slug } } } } } } } }');
    assert.deepEqual(timeline.json.data.repository.pullRequest.timelineItems.nodes, [
      { actor: { login: 'lead' }, requestedReviewer: { login: 'dan' } },
      { actor: { login: 'lead' }, requestedReviewer: { slug: 'docs' } },
    ]);
    const removed = await rest(sb, DEMO.fullToken, 'DELETE', '/repos/acme/api/pulls/412/requested_reviewers', { reviewers: ['dan'] });
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.json.requested_reviewers.map((u: { login: string }) => u.login), ['lead']);
    assert.deepEqual(await searchDan(), []);
  });

  it('refuses review requests to non-collaborators and to the author with GitHub 422s', async () => {
    const outsider = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/pulls/412/requested_reviewers', { reviewers: ['oscar-ext'] });
    assert.equal(outsider.status, 422);
    assert.equal(outsider.json.message, 'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/api repository.');
    assert.equal(outsider.json.status, '422');
    assert.match(outsider.json.documentation_url, /^https:\/\/docs\.github\.com\/rest\/pulls\/review-requests/);
    const author = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/pulls/412/requested_reviewers', { reviewers: ['priya'] });
    assert.equal(author.status, 422);
    assert.equal(author.json.message, 'Review cannot be requested from pull request author.');
    const unknownTeam = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/pulls/412/requested_reviewers', { team_reviewers: ['research'] });
    assert.equal(unknownTeam.status, 422, 'a team from another org is not a collaborator');
    assert.deepEqual(sb.state.pulls.find((p) => p.number === 412)!.reviewRequests.map((r) => r.user), ['lead'], 'failed requests change nothing');
  });

  it('creates issue comments on pull requests', async () => {
    const res = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/issues/418/comments', { body: 'Could @marco take the first pass?' });
    assert.equal(res.status, 201);
    assert.equal(res.json.user.login, 'lead');
    assert.equal(res.json.body, 'Could @marco take the first pass?');
    assert.match(res.headers.get('location') ?? '', /\/repos\/acme\/api\/issues\/comments\/\d+$/);
    assert.equal(sb.state.pulls.find((p) => p.number === 418)!.comments.length, 1);
    assert.equal((await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/issues/418/comments', {})).status, 422);
    assert.equal((await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/legacy-billing/issues/12/comments', { body: 'x' })).status, 403, 'archived repositories are read-only');
  });

  it('works with Octokit 22 against both the github.com and the GHES layout', async () => {
    for (const baseUrl of [sb.url, sb.ghesApiUrl]) {
      const octokit = new Octokit({ auth: DEMO.fullToken, baseUrl, log: QUIET });
      const { data: user, headers } = await octokit.rest.users.getAuthenticated();
      assert.equal(user.login, 'lead');
      assert.equal(headers['x-oauth-scopes'], 'repo, read:org, user');
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: 'acme', repo: 'api', pull_number: 412, per_page: 1 });
      assert.equal(files.length, 3);
      const etag = (await octokit.rest.pulls.get({ owner: 'acme', repo: 'api', pull_number: 412 })).headers.etag!;
      await assert.rejects(octokit.rest.pulls.get({ owner: 'acme', repo: 'api', pull_number: 412, headers: { 'if-none-match': etag } }), (e: { status?: number }) => e.status === 304);
      await assert.rejects(
        octokit.rest.pulls.requestReviewers({ owner: 'acme', repo: 'api', pull_number: 412, reviewers: ['oscar-ext'] }),
        (e: { status?: number; message?: string }) => e.status === 422 && /Reviews may only be requested from collaborators/.test(e.message ?? ''),
      );
      const gqlRes = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }', {
        baseUrl: baseUrl.endsWith('/api/v3') ? baseUrl.replace(/\/v3$/, '') : baseUrl,
      });
      assert.equal(gqlRes.viewer.login, 'lead');
    }
    assert.ok(sb.requests.some((r) => r.path.startsWith('/api/v3/user')));
    assert.ok(sb.requests.some((r) => r.path === '/api/graphql'));
  });

  it('answers 404 for routes it does not serve', async () => {
    const res = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/issues');
    assert.equal(res.status, 404);
    assert.equal(res.json.message, 'Not Found');
  });
});
