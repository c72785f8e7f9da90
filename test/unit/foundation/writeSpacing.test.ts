import assert from 'node:assert/strict';
import { isWriteRequest } from '../../../src/github/writeSpacing';

describe('isWriteRequest', () => {
  it('reads: REST GET/HEAD and GraphQL queries, on github.com and GHES', () => {
    assert.equal(isWriteRequest({ method: 'GET', url: '/repos/{owner}/{repo}/pulls' }), false);
    assert.equal(isWriteRequest({ method: 'HEAD', url: '/user' }), false);
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql', query: 'query LeadDeskQueue($q: String!) { search(query: $q) { issueCount } }' }), false);
    assert.equal(isWriteRequest({ method: 'POST', url: 'https://ghe.example/api/graphql', query: '  # a comment\n  { viewer { login } }' }), false);
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql', query: 'query A { viewer { login } } query B { viewer { name } }' }), false);
  });

  it('writes: REST POST/PUT/PATCH/DELETE and GraphQL mutations', () => {
    assert.equal(isWriteRequest({ method: 'POST', url: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers' }), true);
    assert.equal(isWriteRequest({ method: 'DELETE', url: '/repos/o/r/pulls/1/requested_reviewers' }), true);
    assert.equal(isWriteRequest({ method: 'patch', url: '/user' }), true);
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql', query: 'mutation LeadDeskChangeUserStatus($input: ChangeUserStatusInput!) { changeUserStatus(input: $input) { status { message } } }' }), true);
    assert.equal(isWriteRequest({ method: 'POST', url: '/api/graphql', query: '# set it\nmutation { changeUserStatus(input: {}) { clientMutationId } }' }), true);
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql', query: 'query A { viewer { login } } mutation B { changeUserStatus(input: {}) { clientMutationId } }' }), true);
  });

  it('treats a GraphQL request whose document it cannot read as a write', () => {
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql' }), true);
    assert.equal(isWriteRequest({ method: 'POST', url: '/graphql', query: 'subscription { x }' }), true);
  });
});
