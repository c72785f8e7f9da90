// The sandbox must reject what github.com rejects: schema violations (checked against
// GitHub's published schema) and GitHub's own rules on pagination, node count and scopes.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

describe('sandbox GraphQL: schema validation and GitHub rules', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  after(() => sb.close());

  it('accepts a valid query and answers with data', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { viewer { login name databaseId } }');
    assert.equal(res.status, 200);
    assert.equal(res.json.errors, undefined);
    assert.deepEqual(res.json.data.viewer, { login: 'lead', name: 'Lee Adams', databaseId: 1001 });
  });

  it('rejects a field GitHub does not have, in GitHub wording, with no data', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { viewer { login favouriteColour } }');
    assert.equal(res.status, 200);
    assert.equal(res.json.data, undefined);
    assert.equal(res.json.errors?.length, 1);
    assert.equal(res.json.errors[0].message, "Field 'favouriteColour' doesn't exist on type 'User'");
    assert.equal(res.json.errors[0].extensions?.code, 'undefinedField');
    assert.deepEqual(res.json.errors[0].locations, [{ line: 1, column: 24 }]);
  });

  it('rejects indicatesLimitedAvailability inside ChangeUserStatusInput and suggests limitedAvailability', async () => {
    const res = await gql(sb, DEMO.fullToken, 'mutation { changeUserStatus(input: { message: "Focus", indicatesLimitedAvailability: true }) { status { message } } }');
    assert.equal(res.json.data, undefined);
    const msg = res.json.errors?.[0]?.message ?? '';
    assert.match(msg, /indicatesLimitedAvailability/);
    assert.match(msg, /limitedAvailability/);
    assert.equal(sb.state.users.find((u) => u.login === 'lead')!.status, null, 'the rejected mutation must not run');
  });

  it('rejects search type ISSUE_ADVANCED, which the published schema lacks', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { search(query: "is:pr", type: ISSUE_ADVANCED, first: 1) { issueCount } }');
    assert.equal(res.json.data, undefined);
    assert.match(res.json.errors?.[0]?.message ?? '', /ISSUE_ADVANCED/);
  });

  it('reports syntax errors without data', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { viewer { login }');
    assert.equal(res.status, 200);
    assert.equal(res.json.data, undefined);
    assert.match(res.json.errors?.[0]?.message ?? '', /Syntax Error/);
  });

  it('requires first or last on every connection (MISSING_PAGINATION_BOUNDARIES)', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { viewer { organizations { totalCount } } }');
    assert.equal(res.json.data, undefined);
    assert.equal(res.json.errors?.[0]?.type, 'MISSING_PAGINATION_BOUNDARIES');
    assert.deepEqual(res.json.errors?.[0]?.path, ['query', 'viewer', 'organizations']);
    assert.match(res.json.errors[0].message, /`organizations` connection/);
  });

  it('checks pagination in nested connections reached through fragments', async () => {
    const query = `query { search(query: "is:pr", type: ISSUE, first: 5) { nodes { ...F } } }
      fragment F on PullRequest { number reviewRequests { totalCount } }`;
    const res = await gql(sb, DEMO.fullToken, query);
    assert.equal(res.json.errors?.[0]?.type, 'MISSING_PAGINATION_BOUNDARIES');
    assert.deepEqual(res.json.errors?.[0]?.path, ['query', 'search', 'nodes', 'reviewRequests']);
  });

  it('rejects first: 101 and last: 101 (EXCESSIVE_PAGINATION), also when passed as variables', async () => {
    const literal = await gql(sb, DEMO.fullToken, 'query { search(query: "is:pr", type: ISSUE, first: 101) { issueCount } }');
    assert.equal(literal.json.errors?.[0]?.type, 'EXCESSIVE_PAGINATION');
    assert.match(literal.json.errors[0].message, /Requesting 101 records on the `search` connection exceeds the `first` limit of 100 records/);
    const viaVariable = await gql(sb, DEMO.fullToken, 'query($n: Int!) { viewer { organizations(last: $n) { totalCount } } }', { n: 101 });
    assert.equal(viaVariable.json.errors?.[0]?.type, 'EXCESSIVE_PAGINATION');
    assert.match(viaVariable.json.errors[0].message, /`last` limit/);
    const ok = await gql(sb, DEMO.fullToken, 'query($n: Int!) { viewer { organizations(last: $n) { totalCount } } }', { n: 100 });
    assert.equal(ok.json.errors, undefined);
  });

  it('rejects documents that could return more than 500,000 nodes', async () => {
    const query = `query { search(query: "is:pr", type: ISSUE, first: 100) { nodes { ... on PullRequest {
      reviewRequests(first: 100) { nodes { requestedReviewer { ... on Team { members(first: 100) { totalCount } } } } } } } } }`;
    const res = await gql(sb, DEMO.fullToken, query);
    assert.equal(res.json.data, undefined);
    assert.equal(res.json.errors?.[0]?.type, 'MAX_NODE_LIMIT_EXCEEDED');
    assert.match(res.json.errors[0].message, /requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000/);
  });

  it('answers INSUFFICIENT_SCOPES for changeUserStatus with a repo-only token, and does not change the status', async () => {
    const res = await gql(sb, DEMO.repoOnlyToken, 'mutation { changeUserStatus(input: { message: "Focus", emoji: ":dart:" }) { status { message } } }');
    assert.equal(res.status, 200);
    assert.equal(res.json.data, null);
    const err = res.json.errors?.[0];
    assert.equal(err?.type, 'INSUFFICIENT_SCOPES');
    assert.match(err.message, /The 'changeUserStatus' field requires one of the following scopes: \['user'\], but your token has only been granted the: \['repo'\] scopes/);
    assert.equal(res.headers.get('x-oauth-scopes'), 'repo');
    assert.equal(sb.state.users.find((u) => u.login === 'lead')!.status, null);
  });

  it('requires read:org for organization teams and team members', async () => {
    const query = 'query { organization(login: "acme") { team(slug: "platform") { members(first: 10) { nodes { login } } } } }';
    const denied = await gql(sb, DEMO.repoOnlyToken, query);
    assert.equal(denied.json.errors?.[0]?.type, 'INSUFFICIENT_SCOPES');
    assert.match(denied.json.errors[0].message, /\['read:org'\]/);
    const allowed = await gql(sb, DEMO.fullToken, query);
    assert.equal(allowed.json.errors, undefined);
    assert.deepEqual(
      allowed.json.data.organization.team.members.nodes.map((n: { login: string }) => n.login),
      ['lead', 'priya', 'marco', 'jin'],
    );
  });

  it('answers unknown objects with NOT_FOUND errors next to partial data', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { viewer { login } repository(owner: "acme", name: "nope") { name } }');
    assert.equal(res.json.data.viewer.login, 'lead');
    assert.equal(res.json.data.repository, null);
    assert.equal(res.json.errors?.[0]?.type, 'NOT_FOUND');
    assert.deepEqual(res.json.errors?.[0]?.path, ['repository']);
  });

  it('rejects a missing or unknown token with 401 Bad credentials', async () => {
    const res = await gql(sb, 'ghp_notARealToken', 'query { viewer { login } }');
    assert.equal(res.status, 401);
    assert.deepEqual(res.json, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  });
});
