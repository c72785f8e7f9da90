// The request-review row of the fault matrix: a whole handoff (the review request, the handoff
// comment, the withdrawal of my own request) against the sandbox over HTTP. In every cell the pull
// request is left as it was or handed off exactly once, the error says what happened, nothing is
// unhandled, and the same handoff goes through once the fault clears.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { Fault } from '../../sandbox/faults/faultTypes';
import { findPull } from '../../sandbox/state/lookup';
import { GitHubError, type GitHubErrorKind } from '../../../src/github/errors';
import { requestReview, type HandoffResult } from '../../../src/github/delegation/requestReview';
import { createGitHubClient } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { silentLogger } from '../../../src/core/logger';
import { delegationScenario, TOKENS } from '../delegation/scenario';
import { drainEvents, type FaultColumn, hangSwitch, MatrixRow, unhandledRejections, writesIn } from './faultMatrix';

const WRITES = ['POST /repos/:owner/:repo/pulls/:number/requested_reviewers', 'POST /repos/:owner/:repo/issues/:number/comments', 'DELETE /repos/:owner/:repo/pulls/:number/requested_reviewers'];

type Injection = Fault | 'offline' | 'hang';

interface FaultCase {
  readonly column: FaultColumn;
  readonly name: string;
  /** Faults by selector; 'offline' stops the sandbox listening. */
  readonly faults: ReadonlyArray<readonly [selector: string, fault: Injection, persist?: boolean]>;
  /** The handoff fails with this kind, its message matching; undefined: it goes through. */
  readonly fails?: { readonly kind: GitHubErrorKind; readonly message: RegExp };
}

const persistOnRest = (fault: Fault): FaultCase['faults'] => [['rest', fault, true]];
const onEachWrite = (fault: Injection): FaultCase['faults'] => WRITES.map((w) => [w, fault] as const);

const cases: FaultCase[] = [
  { column: '401', name: '401 Bad credentials', faults: persistOnRest({ kind: 'unauthorized' }), fails: { kind: 'unauthorized', message: /^GitHub did not accept your sign-in \(401\)\.$/ } },
  { column: 'missing scope', name: 'token without the repo scope', faults: persistOnRest({ kind: 'missingScope', scope: 'repo' }), fails: { kind: 'missingScope', message: /^Your GitHub token lacks the 'repo' scope\.$/ } },
  { column: 'primary rate limit', name: 'primary rate limit (403, remaining 0)', faults: persistOnRest({ kind: 'primaryRateLimit', resetInSeconds: 900 }), fails: { kind: 'rateLimited', message: /^GitHub rate limit reached\.$/ } },
  { column: 'secondary rate limit', name: 'secondary rate limit with retry-after', faults: persistOnRest({ kind: 'secondaryRateLimit', retryAfterSeconds: 120 }), fails: { kind: 'secondaryRateLimited', message: /^GitHub asked us to slow down \(secondary rate limit\)\.$/ } },
  // A handoff is REST only: GraphQL faults must not reach it.
  { column: 'GraphQL error at 200', name: 'GraphQL RATE_LIMITED at 200 (the handoff uses REST only)', faults: [['graphql', { kind: 'graphqlRateLimited', resetInSeconds: 900 }, true]] },
  { column: 'GraphQL error at 200', name: 'GraphQL partial data at 200 (the handoff uses REST only)', faults: [['graphql', { kind: 'graphqlPartialData' }, true]] },
  { column: '502', name: '502 after GitHub applied each write', faults: onEachWrite({ kind: 'status', status: 502, applied: true }) },
  { column: '502', name: '502 on every review request, read back each time', faults: [[WRITES[0], { kind: 'status', status: 502 }, true]], fails: { kind: 'server', message: /^GitHub had a server error \(502\), and the review request for @ben on acme\/engine#1 did not go through\. Try again in a moment\.$/ } },
  {
    column: '502',
    name: '502 on every request, so nothing can be read back',
    faults: persistOnRest({ kind: 'status', status: 502 }),
    fails: { kind: 'server', message: /^GitHub did not confirm the review request for @ben on acme\/engine#1 \(GitHub had a server error \(502\)\), and checking whether it went through failed too \(GitHub had a server error \(502\)\)\. Open the pull request to see before trying again\.$/ },
  },
  { column: 'hang/timeout', name: 'no answer after GitHub applied each write', faults: onEachWrite('hang') },
  { column: 'connection reset', name: 'reset after GitHub applied each write', faults: onEachWrite({ kind: 'reset', applied: true }) },
  { column: 'connection reset', name: 'reset before anything reached GitHub', faults: onEachWrite({ kind: 'reset' }) },
  { column: 'malformed JSON', name: 'every answer cut in half', faults: persistOnRest({ kind: 'malformedJson' }) },
  { column: 'offline', name: 'nothing listening', faults: [['*', 'offline']], fails: { kind: 'offline', message: /^Could not reach GitHub\.$/ } },
];

const row = new MatrixRow('request review + handoff comment');

describe('fault matrix: request review with its handoff comment against the sandbox', () => {
  let sandbox: Sandbox;
  const unhandled = unhandledRejections();
  before(() => unhandled.install());
  after(() => {
    unhandled.remove();
    console.log(`\n${MatrixRow.header()}\n${row.format()}\n`);
  });
  beforeEach(async () => {
    sandbox = await startSandbox({ scenario: delegationScenario() });
    unhandled.seen.length = 0;
  });
  afterEach(() => sandbox.close());

  const pull = () => findPull(sandbox.state, 'acme', 'engine', 1)!;
  const reviewers = () => pull().reviewRequests.map((r) => r.user).sort();
  /** Writes GitHub applied, whatever answer the client got. */
  const applied = () => writesIn(sandbox).filter((r) => (r.appliedStatus ?? r.status) >= 200 && (r.appliedStatus ?? r.status) < 300);

  for (const c of cases) {
    const passed = row.cell(c.column);
    it(`${c.column}: ${c.name}: hands off once or not at all, says what happened, and recovers`, async () => {
      const hang = hangSwitch();
      const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: TOKENS.lead, log: silentLogger, unthrottled: true, retryBaseMs: 5, maxInlineWaitSeconds: 0, deadline: hang.deadline });
      const handoff = () => requestReview(client, { pull: { owner: 'acme', repo: 'engine', number: 1, author: 'cara' }, reviewer: 'ben', comment: '@ben could you take the first pass?', removeRequestFor: 'lead' });
      for (const [selector, fault, persist] of c.faults) {
        if (fault === 'offline') await sandbox.offline();
        else if (persist) sandbox.faults.persist(selector, fault === 'hang' ? hang.fault(true) : fault);
        else sandbox.faults.inject(selector, fault === 'hang' ? hang.fault(true) : fault);
      }

      let result: HandoffResult | undefined;
      let failure: unknown;
      try {
        result = await handoff();
      } catch (err) {
        failure = err;
      }

      if (c.fails) {
        assert.ok(GitHubError.is(failure, c.fails.kind), `expected ${c.fails.kind}, got ${String(failure)}`);
        assert.match(failure.message, c.fails.message);
        assert.deepEqual(reviewers(), ['lead'], 'the pull request is left as it was');
        assert.equal(pull().comments.length, 0, 'no comment to someone who was not asked');
        assert.deepEqual(applied(), [], 'GitHub applied nothing');
        if (c.fails.kind === 'rateLimited' || c.fails.kind === 'secondaryRateLimited') assert.ok(failure.retryAt, 'says when to try again');
        if (c.fails.kind === 'missingScope') assert.deepEqual(failure.scopes, ['repo']);
        await sandbox.online();
        sandbox.faults.clear();
        result = await handoff();
      } else {
        assert.equal(failure, undefined, String(failure));
      }

      assert.ok(result);
      assert.equal(result.commented, true, result.commentError?.message);
      assert.equal(result.removedOwnRequest, true, result.removeError?.message);
      assert.deepEqual(reviewers(), ['ben'], 'the review is requested from ben, and mine is withdrawn');
      assert.equal(pull().comments.length, 1, 'exactly one handoff comment');
      const routes = applied().map((r) => `${r.method} ${r.path.split('?')[0]}`);
      assert.deepEqual(routes, ['POST /repos/acme/engine/pulls/1/requested_reviewers', 'POST /repos/acme/engine/issues/1/comments', 'DELETE /repos/acme/engine/pulls/1/requested_reviewers'], 'each write applied once');
      await drainEvents();
      assert.deepEqual(unhandled.seen, [], 'no unhandled rejection');
      passed();
    });
  }
});
