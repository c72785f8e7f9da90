// Fault injection: every fault kind, queue and persistence semantics, selectors, and the
// request log that records what happened.
import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql, rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const VIEWER = 'query { viewer { login } }';

describe('sandbox faults', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  afterEach(() => sb.close());

  it('uses a queue of faults one request at a time, then serves normally', async () => {
    sb.faults.inject('rest', [{ kind: 'status', status: 502 }, { kind: 'status', status: 504 }]);
    assert.equal(sb.faults.pending(), 2);
    const a = await rest(sb, DEMO.fullToken, 'GET', '/user');
    const b = await rest(sb, DEMO.fullToken, 'GET', '/user');
    const c = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.deepEqual([a.status, b.status, c.status], [502, 504, 200]);
    assert.equal(a.json.message, 'Server Error');
    assert.match(b.headers.get('content-type') ?? '', /text\/html/);
    assert.match(b.text, /We couldn't respond to your request in time/);
    assert.equal(sb.faults.pending(), 0);
  });

  it('aims faults with selectors: api kind, method + path pattern, and leaves other routes alone', async () => {
    sb.faults.inject('POST /repos/:owner/:repo/pulls/:n/requested_reviewers', { kind: 'secondaryRateLimit', retryAfterSeconds: 42 });
    sb.faults.inject('graphql', { kind: 'unauthorized' });
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api/pulls/412')).status, 200, 'GET on the same pull is not matched');
    const write = await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/pulls/412/requested_reviewers', { reviewers: ['dan'] });
    assert.equal(write.status, 403);
    assert.equal(write.headers.get('retry-after'), '42');
    assert.match(write.json.message, /^You have exceeded a secondary rate limit/);
    assert.equal(sb.state.pulls.find((p) => p.number === 412)!.reviewRequests.length, 1, 'the faulted write did not happen');
    const g = await gql(sb, DEMO.fullToken, VIEWER, undefined, { ghes: true });
    assert.equal(g.status, 401, 'the graphql selector covers the GHES path too');
  });

  it('persists a fault until clear()', async () => {
    sb.faults.persist('GET /user', { kind: 'status', status: 502 });
    for (let i = 0; i < 3; i++) assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/user')).status, 502);
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/rate_limit')).status, 200);
    sb.faults.clear();
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/user')).status, 200);
  });

  it('unauthorized: 401 Bad credentials', async () => {
    sb.faults.inject('*', { kind: 'unauthorized' });
    const res = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.equal(res.status, 401);
    assert.equal(res.json.message, 'Bad credentials');
  });

  it('missingScope: REST 403 with x-accepted-oauth-scopes; GraphQL INSUFFICIENT_SCOPES at 200', async () => {
    sb.faults.inject('rest', { kind: 'missingScope', scope: 'read:org' });
    sb.faults.inject('graphql', { kind: 'missingScope', scope: 'user' });
    const r = await rest(sb, DEMO.repoOnlyToken, 'GET', '/user');
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('x-accepted-oauth-scopes'), 'read:org');
    assert.equal(r.headers.get('x-oauth-scopes'), 'repo');
    const g = await gql(sb, DEMO.repoOnlyToken, VIEWER);
    assert.equal(g.status, 200);
    assert.equal(g.json.errors?.[0]?.type, 'INSUFFICIENT_SCOPES');
    assert.match(g.json.errors[0].message, /\['user'\], but your token has only been granted the: \['repo'\] scopes/);
  });

  it('primaryRateLimit: 403 or 429 with remaining 0 and the reset time', async () => {
    sb.faults.inject('rest', [{ kind: 'primaryRateLimit', resetInSeconds: 120 }, { kind: 'primaryRateLimit', status: 429 }]);
    const a = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.equal(a.status, 403);
    assert.equal(a.headers.get('x-ratelimit-remaining'), '0');
    const reset = Number(a.headers.get('x-ratelimit-reset'));
    assert.ok(Math.abs(reset - (Date.now() / 1000 + 120)) < 3);
    assert.match(a.json.message, /^API rate limit exceeded for user ID 1001\./);
    const b = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.equal(b.status, 429);
  });

  it('graphqlRateLimited: HTTP 200 with errors[].type RATE_LIMITED', async () => {
    sb.faults.inject('graphql', { kind: 'graphqlRateLimited' });
    const res = await gql(sb, DEMO.fullToken, VIEWER);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1001.' }] });
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
  });

  it('secondaryRateLimit: 429 when asked, with retry-after', async () => {
    sb.faults.inject('graphql', { kind: 'secondaryRateLimit', status: 429, retryAfterSeconds: 7 });
    const res = await gql(sb, DEMO.fullToken, VIEWER);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
  });

  it('status 502 on GraphQL looks like a GitHub timeout', async () => {
    sb.faults.inject('graphql', { kind: 'status', status: 502 });
    const res = await gql(sb, DEMO.fullToken, VIEWER);
    assert.equal(res.status, 502);
    assert.match(res.json.errors?.[0]?.message ?? '', /This may be the result of a timeout/);
  });

  it('delay: waits, then serves normally; latencyMs slows every request', async () => {
    sb.faults.inject('GET /user', { kind: 'delay', ms: 150 });
    let t = Date.now();
    const res = await rest(sb, DEMO.fullToken, 'GET', '/user');
    assert.equal(res.status, 200);
    assert.ok(Date.now() - t >= 140, `took ${Date.now() - t} ms`);
    assert.equal(sb.requests.at(-1)!.fault, 'delay');
    sb.setLatency(80);
    t = Date.now();
    await rest(sb, DEMO.fullToken, 'GET', '/rate_limit');
    assert.ok(Date.now() - t >= 70);
  });

  it('reset: the client sees ECONNRESET', async () => {
    sb.faults.inject('GET /user', { kind: 'reset' });
    await assert.rejects(fetch(`${sb.url}/user`, { headers: { authorization: `token ${DEMO.fullToken}` } }), (e: Error & { cause?: { code?: string } }) => e.cause?.code === 'ECONNRESET');
    assert.equal((await rest(sb, DEMO.fullToken, 'GET', '/user')).status, 200, 'the next request is served');
  });

  it('malformedJson: 200, JSON content type, truncated body; Octokit resolves with a string', async () => {
    sb.faults.inject('GET /repos/:owner/:repo', [{ kind: 'malformedJson' }, { kind: 'malformedJson' }]);
    const res = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/api');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.throws(() => JSON.parse(res.text));
    assert.ok(res.text.startsWith('{"id":4001'));
    const octokit = new Octokit({ auth: DEMO.fullToken, baseUrl: sb.url, log: QUIET });
    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'api' });
    assert.equal(typeof data, 'string');
  });

  it('slack faults speak Slack: ok:false or 429 + Retry-After', async () => {
    sb.faults.inject('slack', [{ kind: 'unauthorized' }, { kind: 'secondaryRateLimit', retryAfterSeconds: 3 }]);
    const post = () => fetch(`${sb.slackApiUrl}auth.test`, { method: 'POST', headers: { authorization: `Bearer ${DEMO.slackToken}` } });
    assert.deepEqual(await (await post()).json(), { ok: false, error: 'invalid_auth' });
    const limited = await post();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    assert.equal(((await (await post()).json()) as { ok: boolean }).ok, true);
  });

  it('logs every request with route, status, cost, fault and redacted credentials', async () => {
    sb.clearRequests();
    sb.faults.inject('GET /user', { kind: 'status', status: 502 });
    await rest(sb, DEMO.fullToken, 'GET', '/user');
    await rest(sb, DEMO.fullToken, 'POST', '/repos/acme/api/issues/418/comments', { body: 'hi' });
    await gql(sb, DEMO.fullToken, 'query Who { viewer { login } }');
    await fetch(`${sb.slackApiUrl}auth.test?token=${DEMO.slackToken}`, { method: 'POST' });
    assert.equal(sb.requests.length, 4);
    const [faulted, comment, graph, slack] = sb.requests;
    assert.deepEqual([faulted.status, faulted.fault, faulted.route], [502, 'status', 'GET /user']);
    assert.equal(comment.route, 'POST /repos/:owner/:repo/issues/:number/comments');
    assert.deepEqual(comment.body, { body: 'hi' });
    assert.equal(comment.status, 201);
    assert.equal(comment.login, 'lead');
    assert.equal(graph.graphqlCost, 1);
    assert.equal(graph.graphqlOperation, 'Who');
    assert.equal(slack.route, 'slack auth.test');
    assert.ok(!slack.path.includes(DEMO.slackToken));
    for (const r of sb.requests) {
      assert.ok(!JSON.stringify(r).includes(DEMO.fullToken), 'tokens never reach the log');
      assert.equal(typeof r.time, 'number');
    }
    assert.equal(faulted.headers.authorization, 'REDACTED');
    assert.equal(faulted.headers.accept, 'application/vnd.github+json');
    sb.clearRequests();
    assert.equal(sb.requests.length, 0);
  });
});
