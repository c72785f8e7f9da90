// GraphQL cost follows GitHub's documented formula and is charged to the token's graphql
// budget; an exhausted budget answers RATE_LIMITED at HTTP 200.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql, rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

// Three aliased searches of 100, each asking for five nested connections per node.
const QUEUE_DOCUMENT = `query Queue {
  rateLimit { cost remaining used limit nodeCount resetAt }
  direct: search(query: "is:pr is:open user-review-requested:@me", type: ISSUE, first: 100) { ...Page }
  team: search(query: "is:pr is:open review-requested:@me", type: ISSUE, first: 100) { ...Page }
  mine: search(query: "is:pr is:open author:@me", type: ISSUE, first: 100) { ...Page }
}
fragment Page on SearchResultItemConnection {
  issueCount
  nodes { ... on PullRequest {
    number
    reviewRequests(first: 10) { totalCount }
    latestReviews(first: 10) { nodes { state } }
    commits(last: 1) { nodes { commit { statusCheckRollup { state } } } }
    labels(first: 5) { nodes { name } }
    timelineItems(last: 5, itemTypes: [READY_FOR_REVIEW_EVENT, REVIEW_REQUESTED_EVENT]) { totalCount }
  } }
}`;

describe('sandbox GraphQL: cost and the graphql rate limit', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  afterEach(() => sb.close());

  it('costs a 3-alias queue document as GitHub documents: (3 + 3 x 5 x 100) / 100 = 15', async () => {
    const res = await gql(sb, DEMO.fullToken, QUEUE_DOCUMENT);
    assert.equal(res.json.errors, undefined);
    const rl = res.json.data.rateLimit;
    assert.equal(rl.cost, 15);
    assert.equal(rl.limit, 5000);
    assert.equal(rl.used, 15);
    assert.equal(rl.remaining, 4985);
    // 3 x 100 search nodes + 3 x 100 x (10 + 10 + 1 + 5 + 5) nested nodes.
    assert.equal(rl.nodeCount, 300 + 300 * 31);
    assert.match(rl.resetAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(res.headers.get('x-ratelimit-resource'), 'graphql');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '4985');
    assert.equal(res.headers.get('x-ratelimit-used'), '15');
    assert.equal(sb.requests.at(-1)!.graphqlCost, 15);
    assert.equal(sb.requests.at(-1)!.graphqlOperation, 'Queue');
  });

  it('charges at least one point for a query without connections', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { rateLimit { cost remaining } viewer { login } }');
    assert.deepEqual(res.json.data.rateLimit, { cost: 1, remaining: 4999 });
  });

  it('does not charge rateLimit(dryRun: true)', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { rateLimit(dryRun: true) { cost remaining } search(query: "is:pr", type: ISSUE, first: 100) { issueCount } }');
    assert.deepEqual(res.json.data.rateLimit, { cost: 1, remaining: 5000 });
  });

  it('keeps separate budgets per token and per resource', async () => {
    await gql(sb, DEMO.fullToken, QUEUE_DOCUMENT);
    const other = await gql(sb, DEMO.priyaToken, 'query { rateLimit { remaining } }');
    assert.equal(other.json.data.rateLimit.remaining, 4999);
    const core = (await rest(sb, DEMO.fullToken, 'GET', '/rate_limit')).json;
    assert.equal(core.resources.graphql.used, 15);
    assert.equal(core.resources.core.used, 0);
  });

  it('answers RATE_LIMITED at HTTP 200 once the budget is spent, without running the query', async () => {
    sb.rateLimits.setRemaining(DEMO.fullToken, 'graphql', 0);
    const res = await gql(sb, DEMO.fullToken, 'mutation { changeUserStatus(input: { message: "x" }) { clientMutationId } }');
    assert.equal(res.status, 200);
    assert.equal(res.json.data, undefined);
    assert.equal(res.json.errors?.[0]?.type, 'RATE_LIMITED');
    assert.equal(res.json.errors?.[0]?.message, 'API rate limit exceeded for user ID 1001.');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
    assert.ok(Number(res.headers.get('x-ratelimit-reset')) > Date.now() / 1000);
    assert.equal(sb.state.users.find((u) => u.login === 'lead')!.status, null);
  });

  it('honours a scenario-configured graphql limit', async () => {
    const small = await startSandbox({ scenario: { ...loadScenario('demo'), rateLimits: { graphql: 20 } } });
    try {
      const first = await gql(small, DEMO.fullToken, QUEUE_DOCUMENT);
      assert.equal(first.json.data.rateLimit.remaining, 5);
      const second = await gql(small, DEMO.fullToken, QUEUE_DOCUMENT);
      assert.equal(second.json.errors, undefined, 'the last points may be spent');
      assert.equal(second.headers.get('x-ratelimit-remaining'), '0');
      const third = await gql(small, DEMO.fullToken, 'query { viewer { login } }');
      assert.equal(third.json.errors?.[0]?.type, 'RATE_LIMITED');
    } finally {
      await small.close();
    }
  });

  it('does not charge documents that fail validation', async () => {
    await gql(sb, DEMO.fullToken, 'query { viewer { organizations { totalCount } } }');
    const res = await gql(sb, DEMO.fullToken, 'query { rateLimit { used } }');
    assert.equal(res.json.data.rateLimit.used, 1);
  });
});
