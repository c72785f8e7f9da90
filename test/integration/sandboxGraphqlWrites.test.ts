// GraphQL writes and lookups beyond status: requestReviews, addComment, node(id:), aliases,
// and commit author lookups used for identity resolution.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql, rest } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

describe('sandbox GraphQL: writes, node ids and commit lookups', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
  });
  afterEach(() => sb.close());

  it('node(id:) resolves the same ids REST reports as node_id', async () => {
    const pr = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/web/pulls/88');
    const res = await gql(sb, DEMO.fullToken, 'query($id: ID!) { node(id: $id) { __typename ... on PullRequest { number title author { login } } } }', { id: pr.json.node_id });
    assert.deepEqual(res.json.data.node, { __typename: 'PullRequest', number: 88, title: 'Dark mode toggle in settings', author: { login: 'sofia' } });
    const user = await gql(sb, DEMO.fullToken, 'query($id: ID!) { node(id: $id) { ... on User { login } } }', { id: pr.json.user.node_id });
    assert.equal(user.json.data.node.login, 'sofia');
  });

  it('answers aliases independently', async () => {
    const res = await gql(sb, DEMO.fullToken, 'query { a: user(login: "priya") { login } b: user(login: "marco") { login } }');
    assert.deepEqual(res.json.data, { a: { login: 'priya' }, b: { login: 'marco' } });
  });

  it('maps commit authors to users through repository.object', async () => {
    const res = await gql(
      sb,
      DEMO.fullToken,
      `query { repository(owner: "acme", name: "api") {
        known: object(oid: "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d") { ... on Commit { author { email user { login } } } }
        unknown: object(expression: "0a1b2c3") { ... on Commit { author { email user { login } } } }
        missing: object(oid: "1111111111111111111111111111111111111111") { id }
      } }`,
    );
    assert.equal(res.json.errors, undefined);
    const repo = res.json.data.repository;
    assert.deepEqual(repo.known.author, { email: 'jin.park@personal.example', user: { login: 'jin' } });
    assert.deepEqual(repo.unknown.author, { email: 'old-dev@legacy.example', user: null });
    assert.equal(repo.missing, null);
  });

  it('reads a deleted author as null and a failing head commit from the rollup', async () => {
    const res = await gql(sb, DEMO.fullToken, `query { repository(owner: "acme", name: "api") {
      gone: pullRequest(number: 427) { author { login } mergeable reviewDecision }
      failing: pullRequest(number: 424) { commits(last: 1) { nodes { commit { statusCheckRollup { state } } } } reviewDecision latestReviews(first: 5) { nodes { state author { login } } } }
    } }`);
    const { gone, failing } = res.json.data.repository;
    assert.deepEqual(gone, { author: null, mergeable: 'CONFLICTING', reviewDecision: 'REVIEW_REQUIRED' });
    assert.equal(failing.commits.nodes[0].commit.statusCheckRollup.state, 'FAILURE');
    assert.equal(failing.reviewDecision, 'CHANGES_REQUESTED');
    assert.deepEqual(failing.latestReviews.nodes, [{ state: 'CHANGES_REQUESTED', author: { login: 'priya' } }]);
  });

  it('requestReviews replaces or adds requests and checks collaborators', async () => {
    const ids = await gql(sb, DEMO.fullToken, `query { repository(owner: "acme", name: "api") { pullRequest(number: 418) { id } }
      dan: user(login: "dan") { id } oscar: user(login: "oscar-ext") { id } }`);
    const prId = ids.json.data.repository.pullRequest.id;
    const mutation = `mutation($input: RequestReviewsInput!) { requestReviews(input: $input) { pullRequest { reviewRequests(first: 10) { nodes { requestedReviewer { ... on User { login } } } } } } }`;
    const union = await gql(sb, DEMO.fullToken, mutation, { input: { pullRequestId: prId, userIds: [ids.json.data.dan.id], union: true } });
    assert.deepEqual(union.json.data.requestReviews.pullRequest.reviewRequests.nodes.map((n: { requestedReviewer: { login: string } }) => n.requestedReviewer.login), ['lead', 'dan']);
    const refused = await gql(sb, DEMO.fullToken, mutation, { input: { pullRequestId: prId, userIds: [ids.json.data.oscar.id] } });
    assert.equal(refused.json.errors?.[0]?.type, 'UNPROCESSABLE');
    assert.match(refused.json.errors[0].message, /Reviews may only be requested from collaborators/);
    assert.equal(sb.state.pulls.find((p) => p.number === 418)!.reviewRequests.length, 2, 'a refused replace keeps the old requests');
    const replaced = await gql(sb, DEMO.fullToken, mutation, { input: { pullRequestId: prId, userIds: [ids.json.data.dan.id] } });
    assert.deepEqual(replaced.json.data.requestReviews.pullRequest.reviewRequests.nodes.map((n: { requestedReviewer: { login: string } }) => n.requestedReviewer.login), ['dan']);
  });

  it('addComment adds an issue comment to the pull request', async () => {
    const id = (await gql(sb, DEMO.fullToken, 'query { repository(owner: "acme", name: "web") { pullRequest(number: 93) { id } } }')).json.data.repository.pullRequest.id;
    const res = await gql(sb, DEMO.fullToken, 'mutation($id: ID!) { addComment(input: { subjectId: $id, body: "Rebase needed" }) { commentEdge { node { body author { login } } } } }', { id });
    assert.deepEqual(res.json.data.addComment.commentEdge.node, { body: 'Rebase needed', author: { login: 'lead' } });
    const rest93 = await rest(sb, DEMO.fullToken, 'GET', '/repos/acme/web/pulls/93');
    assert.equal(rest93.json.comments, 1);
  });
});
