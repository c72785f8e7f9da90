import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { describeQueueDisplay, needsSignInPrompt, queueViewOf } from '../../../src/app/queue/queueDisplay';
import { emptyLocalState } from '../../../src/core/queue/localState';
import { defaultQueueSettings } from '../../../src/core/queue/queueSettings';
import { NotSignedInError } from '../../../src/github/notSignedInError';
import { FakeClock } from '../../unit/queue/fakeClock';
import { makeClient, queueHarness, useDemoSandbox } from './queueHarness';

// The queue's refresh use case in plain Node, as the model runs it: planned from the settings and
// the workspace's repositories, fetched from the sandbox, shown as the view's words.

/** 10:00 local time, so "HH:mm" in the messages does not depend on the machine's time zone. */
const tenOClock = new Date(2026, 2, 4, 10, 0, 0).getTime();

describe('refresh the review queue (use case) against the sandbox', function () {
  const demo = useDemoSandbox();

  it('watches the workspace repositories and the configured ones for staleness, in one request', async () => {
    const sandbox = demo();
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken), { workspaceRepos: ['acme/web'], settings: { repos: ['acme/api'], orgs: ['acme-labs'] } });
    const outcome = await h.scheduler.refresh('manual');
    assert.deepEqual(outcome, { ok: true });
    assert.deepEqual(sandbox.requests.map((r) => r.route), ['POST /graphql']);
    const snapshot = h.scheduler.state.data;
    assert.ok(snapshot);
    assert.equal(snapshot.viewer, 'lead');
    const stale = snapshot.searches.filter((s) => s.role === 'stale').map((s) => s.query);
    assert.equal(stale.length, 2, stale.join('\n'));
    assert.match(stale[0], / repo:acme\/web repo:acme\/api$/);
    assert.match(stale[1], / org:acme-labs$/);
    // The view data and the words come from the same snapshot.
    const view = queueViewOf(snapshot, defaultQueueSettings, emptyLocalState, new Date(h.clock.now()));
    const shown = describeQueueDisplay(h.scheduler.state, view, h.clock.now());
    assert.ok(view.needsReviewCount > 0);
    assert.deepEqual(shown.badge, { value: view.needsReviewCount, tooltip: `${view.needsReviewCount} pull requests need your review` });
    assert.equal(shown.description, 'updated just now');
    assert.equal(shown.message, undefined);
  });

  it('keeps the last good data through a failure and says what is shown and when it retries', async () => {
    const sandbox = demo();
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken), { clock: new FakeClock(tenOClock) });
    h.scheduler.start();
    await h.scheduler.refresh();
    const good = h.scheduler.state.data;
    assert.ok(good, 'the first refresh loads');

    sandbox.faults.persist('graphql', { kind: 'status', status: 502 });
    await h.clock.advance(5 * 60_000);
    await h.scheduler.refresh();
    const state = h.scheduler.state;
    assert.equal(state.failure?.kind, 'server');
    assert.equal(state.data, good, 'the last good data stays');
    const view = queueViewOf(good, defaultQueueSettings, emptyLocalState, new Date(h.clock.now()));
    const shown = describeQueueDisplay(state, view, h.clock.now());
    // Fetched at 10:00, failed at 10:05, first retry 30 s later.
    assert.equal(shown.message, 'GitHub had a server error (502). Showing what was fetched at 10:00. Retrying at 10:05.');
    assert.equal(shown.description, 'updated 5 min ago · GitHub error 502, retrying at 10:05');
    assert.equal(shown.badge?.value, view.needsReviewCount, 'the badge still counts the kept data');
    assert.equal(needsSignInPrompt(state.failure), false, 'waiting fixes a server error: no prompt');
  });

  it('says "not signed in" without a request, and leaves the sign-in to the welcome view', async () => {
    const sandbox = demo();
    const h = queueHarness(makeClient(sandbox, DEMO.fullToken), { clientGetter: () => Promise.reject(new NotSignedInError()), clock: new FakeClock(tenOClock) });
    const outcome = await h.scheduler.refresh('manual');
    assert.equal(outcome.ok, false);
    assert.deepEqual(sandbox.requests, []);
    const failure = h.scheduler.state.failure;
    assert.equal(failure?.kind, 'signedOut');
    assert.equal(failure.message, 'Sign in to GitHub to see your review queue.');
    assert.equal(failure.transient, false);
    const shown = describeQueueDisplay(h.scheduler.state, undefined, h.clock.now());
    assert.equal(shown.message, undefined, 'the welcome view with its Sign In button shows instead');
    assert.equal(shown.badge, undefined);
  });

  it('asks the user to sign in again when GitHub refuses the token', async () => {
    const sandbox = demo();
    const h = queueHarness(makeClient(sandbox, 'ghp_revokedToken00000000000000000000000099'), { clock: new FakeClock(tenOClock) });
    await h.scheduler.refresh('manual');
    const failure = h.scheduler.state.failure;
    assert.equal(failure?.kind, 'unauthorized');
    assert.equal(needsSignInPrompt(failure), true);
    const shown = describeQueueDisplay(h.scheduler.state, undefined, h.clock.now());
    // Nothing fetched yet: no "Showing what was fetched"; a user-fixable fault waits at least the interval.
    assert.equal(shown.message, 'GitHub did not accept your sign-in (401). Sign in again or use another token. Retrying at 10:05.');
  });
});
