// One-click handoff against the sandbox: the review request, the optional comment and the
// optional withdrawal of my own request, and GitHub's 422s turned into messages a person can use.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { HandoffError, requestReview } from '../../../src/github/delegation/requestReview';
import { findPull } from '../../sandbox/state/lookup';
import { clientFor, delegationScenario } from './scenario';

describe('delegation: requesting a review', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  afterEach(() => sandbox.close());

  const pull1 = { owner: 'acme', repo: 'engine', number: 1, author: 'cara' };
  const requestsOn = (n: number) => findPull(sandbox.state, 'acme', 'engine', n)!.reviewRequests.map((r) => r.user);

  it('requests the review, posts the handoff comment and withdraws my own request, in that order', async () => {
    const result = await requestReview(clientFor(sandbox), {
      pull: pull1,
      reviewer: 'ben',
      comment: '@ben could you take the first pass? You know src/engine/ best.',
      removeRequestFor: 'lead',
    });
    assert.deepEqual(
      sandbox.requests.map((r) => r.route),
      [
        'POST /repos/:owner/:repo/pulls/:number/requested_reviewers',
        'POST /repos/:owner/:repo/issues/:number/comments',
        'DELETE /repos/:owner/:repo/pulls/:number/requested_reviewers',
      ],
    );
    assert.deepEqual(sandbox.requests[0].body, { reviewers: ['ben'] });
    assert.deepEqual(sandbox.requests[2].body, { reviewers: ['lead'] });
    assert.equal(result.commented, true);
    assert.equal(result.removedOwnRequest, true);
    assert.ok(result.requestedReviewers.includes('ben'));
    assert.ok(!result.requestedReviewers.includes('lead'));
    assert.deepEqual(requestsOn(1), ['ben']);
    const comments = findPull(sandbox.state, 'acme', 'engine', 1)!.comments;
    assert.equal(comments.length, 1);
    assert.equal(comments[0].author, 'lead');
    assert.match(comments[0].body, /^@ben could you take the first pass/);
  });

  it('does only the request when no comment and no withdrawal are wanted', async () => {
    const result = await requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'dave' });
    assert.equal(sandbox.requests.length, 1);
    assert.equal(result.commented, false);
    assert.equal(result.removedOwnRequest, false);
    assert.deepEqual(requestsOn(1).sort(), ['dave', 'lead']);
  });

  it('turns the not-a-collaborator 422 into a clear message, and sends nothing else', async () => {
    await assert.rejects(requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'outsider', comment: 'hi', removeRequestFor: 'lead' }), (err: unknown) => {
      assert.ok(HandoffError.is(err, 'notCollaborator'), `expected notCollaborator, got ${String(err)}`);
      assert.match(err.message, /outsider: they are not a collaborator on acme\/engine/);
      assert.match(err.detail ?? '', /Reviews may only be requested from collaborators/);
      return true;
    });
    assert.equal(sandbox.requests.length, 1, 'a refused request must not be followed by a comment or a withdrawal');
    assert.equal(sandbox.requests[0].status, 422);
    assert.deepEqual(requestsOn(1), ['lead']);
    assert.equal(findPull(sandbox.state, 'acme', 'engine', 1)!.comments.length, 0);
  });

  it("turns GitHub's author 422 into a clear message when the author was not known beforehand", async () => {
    await assert.rejects(requestReview(clientFor(sandbox), { pull: { owner: 'acme', repo: 'engine', number: 1 }, reviewer: 'cara' }), (err: unknown) => {
      assert.ok(HandoffError.is(err, 'isAuthor'), `expected isAuthor, got ${String(err)}`);
      assert.match(err.message, /cara wrote acme\/engine#1/);
      return true;
    });
    assert.equal(sandbox.requests[0].status, 422);
  });

  it('refuses the author and an invalid login without asking GitHub', async () => {
    await assert.rejects(requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'Cara' }), (err: unknown) => HandoffError.is(err, 'isAuthor'));
    await assert.rejects(requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'not a login' }), (err: unknown) => HandoffError.is(err, 'invalidLogin'));
    assert.equal(sandbox.requests.length, 0);
  });

  it('reports a failed comment without undoing the request', async () => {
    sandbox.faults.inject('POST /repos/:owner/:repo/issues/:number/comments', { kind: 'status', status: 404 });
    const result = await requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'ben', comment: 'hello' });
    assert.equal(result.commented, false);
    assert.ok(result.commentError, 'the comment failure is reported');
    assert.deepEqual(requestsOn(1).sort(), ['ben', 'lead']);
  });
});
