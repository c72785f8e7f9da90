import assert from 'node:assert/strict';
import { isWriteRequest, WriteSpacer } from '../../../src/github/writeSpacing';
import { VirtualSpacerClock } from './virtualSpacerClock';

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

describe('WriteSpacer', () => {
  it('lets the first write go at once and starts each later one a full interval after the previous', async () => {
    const clock = new VirtualSpacerClock(5_000);
    const spacer = new WriteSpacer(1000, clock);
    assert.equal(await spacer.turn(), 5_000);
    assert.equal(await spacer.turn(), 6_000);
    assert.deepEqual(clock.slept, [1000]);
  });

  it('gives concurrent writes distinct slots, in the order they asked', async () => {
    const clock = new VirtualSpacerClock(0);
    const spacer = new WriteSpacer(1000, clock);
    const slots = await Promise.all([spacer.turn(), spacer.turn(), spacer.turn()]);
    assert.deepEqual(slots, [0, 1000, 2000]);
  });

  it('does not make a write wait when the last one was long enough ago', async () => {
    const clock = new VirtualSpacerClock(0);
    const spacer = new WriteSpacer(1000, clock);
    await spacer.turn();
    clock.time = 1500;
    assert.equal(await spacer.turn(), 1500);
    assert.deepEqual(clock.slept, []);
  });
});
