// A handoff's writes after GitHub applied them but the answer was lost: each write reaches GitHub
// once, the read-back finds it, and the handoff reports success. Without the read-back the retry
// would post the handoff comment twice.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { Fault } from '../../sandbox/faults/faultTypes';
import { compileSelector } from '../../sandbox/faults/faultInjector';
import { findPull } from '../../sandbox/state/lookup';
import { GitHubError } from '../../../src/github/errors';
import { handoffMarker, requestReview } from '../../../src/github/delegation/requestReview';
import { clientFor, delegationScenario } from './scenario';

const REQUEST = 'POST /repos/:owner/:repo/pulls/:number/requested_reviewers';
const LIST_REQUESTED = 'GET /repos/:owner/:repo/pulls/:number/requested_reviewers';
const REMOVE = 'DELETE /repos/:owner/:repo/pulls/:number/requested_reviewers';
const COMMENT = 'POST /repos/:owner/:repo/issues/:number/comments';
const LIST_COMMENTS = 'GET /repos/:owner/:repo/issues/:number/comments';

describe('delegation: a handoff writes each thing once', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  afterEach(() => sandbox.close());

  const pull1 = { owner: 'acme', repo: 'engine', number: 1, author: 'cara' };
  const handoff = { pull: pull1, reviewer: 'ben', comment: '@ben could you take the first pass?', removeRequestFor: 'lead', handoffId: 'h-1' };
  // Requests a fault answered never reached a handler, so they are matched by method and path.
  const routeOf = (r: Sandbox['requests'][number]) => [REQUEST, LIST_REQUESTED, REMOVE, COMMENT, LIST_COMMENTS].find((route) => compileSelector(route)({ api: r.api, method: r.method, path: r.path.split('?')[0] })) ?? r.route;
  const routes = () => sandbox.requests.map(routeOf);
  const count = (route: string) => routes().filter((r) => r === route).length;
  const state = () => findPull(sandbox.state, 'acme', 'engine', 1)!;
  const lostAnswer: Fault = { kind: 'status', status: 502, applied: true };

  it('adversarial: a 502 after GitHub applied the review request sends the request once', async () => {
    sandbox.faults.inject(REQUEST, lostAnswer);
    const result = await requestReview(clientFor(sandbox), handoff);
    assert.equal(count(REQUEST), 1, routes().join('\n'));
    assert.equal(sandbox.requests.find((r) => routeOf(r) === REQUEST)?.appliedStatus, 201, 'GitHub did apply it');
    assert.ok(result.requestedReviewers.includes('ben'));
    assert.deepEqual(state().reviewRequests.map((r) => r.user), ['ben']);
    assert.equal(result.commented, true, 'the rest of the handoff goes on');
  });

  it('adversarial: a 502 after GitHub posted the handoff comment posts it once', async () => {
    sandbox.faults.inject(COMMENT, lostAnswer);
    const result = await requestReview(clientFor(sandbox), handoff);
    assert.equal(count(COMMENT), 1, routes().join('\n'));
    assert.equal(state().comments.length, 1);
    assert.ok(state().comments[0].body.endsWith(handoffMarker('h-1')), 'the comment carries its hidden marker');
    assert.equal(result.commented, true);
    assert.equal(result.commentError, undefined);
    assert.match(result.commentUrl ?? '', new RegExp(`#issuecomment-${state().comments[0].id}$`));
  });

  it('adversarial: a 502 after GitHub removed my review request removes it once', async () => {
    sandbox.faults.inject(REMOVE, lostAnswer);
    const result = await requestReview(clientFor(sandbox), handoff);
    assert.equal(count(REMOVE), 1, routes().join('\n'));
    assert.equal(result.removedOwnRequest, true);
    assert.equal(result.removeError, undefined);
    assert.deepEqual(state().reviewRequests.map((r) => r.user), ['ben']);
  });

  it('adversarial: a reset after each write was applied still leaves one request, one comment and one removal', async () => {
    sandbox.faults.inject(REQUEST, { kind: 'reset', applied: true });
    sandbox.faults.inject(COMMENT, { kind: 'reset', applied: true });
    sandbox.faults.inject(REMOVE, { kind: 'reset', applied: true });
    const result = await requestReview(clientFor(sandbox), handoff);
    assert.deepEqual([count(REQUEST), count(COMMENT), count(REMOVE)], [1, 1, 1], routes().join('\n'));
    assert.equal(state().comments.length, 1);
    assert.deepEqual(result.requestedReviewers, ['ben']);
    assert.ok(result.commented && result.removedOwnRequest);
  });

  it('reads back, then writes again, when a 502 came before GitHub applied anything', async () => {
    sandbox.faults.inject(COMMENT, { kind: 'status', status: 502 });
    const result = await requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'ben', comment: 'hello', handoffId: 'h-2' });
    assert.deepEqual(routes(), [REQUEST, COMMENT, LIST_COMMENTS, COMMENT]);
    assert.equal(result.commented, true);
    assert.equal(state().comments.length, 1);
  });

  it('says the comment did not go through when every try fails before GitHub applied it', async () => {
    sandbox.faults.persist(COMMENT, { kind: 'status', status: 502 });
    const result = await requestReview(clientFor(sandbox), { pull: pull1, reviewer: 'ben', comment: 'hello' });
    assert.equal(count(COMMENT), 2, 'the first try and one more after reading back');
    assert.equal(state().comments.length, 0);
    assert.equal(result.commented, false);
    assert.equal(result.commentError?.kind, 'server');
    assert.equal(result.commentError?.message, 'GitHub had a server error (502), and the handoff comment on acme/engine#1 did not go through. Try again in a moment.');
  });

  it('never writes again when it cannot read back, and says to look before trying again', async () => {
    sandbox.faults.inject(REQUEST, lostAnswer);
    sandbox.faults.persist(LIST_REQUESTED, { kind: 'status', status: 503 });
    await assert.rejects(requestReview(clientFor(sandbox), handoff), (err: unknown) => {
      assert.ok(GitHubError.is(err, 'server'), String(err));
      assert.match(err.message, /^GitHub did not confirm the review request for @ben on acme\/engine#1 \(GitHub had a server error \(502\)\), and checking whether it went through failed too .*\. Open the pull request to see before trying again\.$/);
      return true;
    });
    assert.equal(count(REQUEST), 1);
    assert.equal(count(COMMENT), 0, 'nothing else is posted on an unconfirmed request');
  });
});
