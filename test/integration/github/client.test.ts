import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { createGitHubClient, type GitHubClientOptions } from '../../../src/github/client';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { GitHubError, type GitHubErrorKind } from '../../../src/github/errors';
import { fetchViewer } from '../../../src/github/viewer';
import { changeUserStatus, readViewerStatus } from '../../../src/github/status/userStatus';
import { silentLogger } from '../../../src/core/logger';
import { WriteSpacer } from '../../../src/github/writeSpacing';
import { VirtualSpacerClock } from '../../unit/foundation/virtualSpacerClock';

// The GitHub client with its retries and rate-limit handling (requestRetries.ts), against the sandbox over HTTP.
describe('GitHub client against the sandbox', function () {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ scenario: loadScenario('demo') });
  });
  after(async () => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.clearRequests();
  });

  const client = (overrides: Partial<GitHubClientOptions> = {}) =>
    createGitHubClient({
      endpoints: resolveEndpoints(sandbox.url),
      token: DEMO.fullToken,
      log: silentLogger,
      unthrottled: true,
      retryBaseMs: 5,
      maxInlineWaitSeconds: 0,
      ...overrides,
    });

  async function failure(promise: Promise<unknown>): Promise<GitHubError> {
    try {
      await promise;
    } catch (err) {
      assert.ok(GitHubError.is(err), `expected a GitHubError, got ${String(err)}`);
      return err;
    }
    assert.fail('expected the call to fail');
  }

  const viewerQuery = 'query { viewer { login } rateLimit { cost remaining } }';

  it('with production spacing, sends GraphQL reads straight away but leaves a second between mutations', async () => {
    // The spacer runs on a virtual clock, so the schedule is checked exactly, whatever the load:
    // the times requests reach the sandbox include the machine's delays, the spacer's slots do not.
    const clock = new VirtualSpacerClock();
    const turns: Array<{ slot: number; sentBefore: number }> = [];
    const spacer = new (class extends WriteSpacer {
      override async turn(): Promise<number> {
        const slot = await super.turn();
        turns.push({ slot, sentBefore: sandbox.requests.length });
        return slot;
      }
    })(1000, clock);
    const spaced = client({ unthrottled: false, writeSpacer: spacer });
    for (let i = 0; i < 3; i++) await readViewerStatus(spaced);
    await changeUserStatus(spaced, { message: 'Focusing', emoji: ':no_entry:', limitedAvailability: true });
    await changeUserStatus(spaced, {});
    const graphql = sandbox.requests.filter((r) => r.api === 'graphql');
    assert.deepEqual(
      graphql.map((r) => r.graphqlOperation),
      ['LeadDeskViewerStatus', 'LeadDeskViewerStatus', 'LeadDeskViewerStatus', 'LeadDeskChangeUserStatus', 'LeadDeskChangeUserStatus'],
    );
    // Reads take no turn (the plugin alone spaced them 1 s apart); each mutation takes one just before it is sent.
    assert.deepEqual(turns.map((t) => t.sentBefore), [3, 4]);
    // GitHub asks for at least a second between mutations.
    assert.equal(turns[1].slot - turns[0].slot, 1000);
    assert.deepEqual(clock.slept, [1000], 'the second mutation waited for its slot');
  });

  it('reads the viewer and the scopes of the token', async () => {
    const viewer = await fetchViewer(client());
    assert.equal(viewer.login, DEMO.viewer);
    assert.deepEqual([...viewer.scopes].sort(), ['read:org', 'repo', 'user']);
    assert.equal(sandbox.requests.length, 1);
    assert.match(sandbox.requests[0].headers['user-agent'] ?? '', /lead-desk/);
  });

  it('works in the GitHub Enterprise Server layout, with GraphQL at /api/graphql', async () => {
    const ghes = client({ endpoints: resolveEndpoints(sandbox.ghesApiUrl) });
    assert.equal(ghes.endpoints.graphqlUrl, `${new URL(sandbox.url).origin}/api/graphql`);
    assert.equal((await fetchViewer(ghes)).login, DEMO.viewer);
    const data = await ghes.graphql<{ viewer: { login: string } }>(viewerQuery);
    assert.equal(data.viewer.login, DEMO.viewer);
    assert.deepEqual(sandbox.requests.map((r) => r.path.split('?')[0]), ['/api/v3/user', '/api/graphql']);
  });

  const cases: Array<{ name: string; fault: Parameters<Sandbox['faults']['persist']>[1]; kind: GitHubErrorKind; token?: string }> = [
    { name: '401', fault: { kind: 'unauthorized' }, kind: 'unauthorized' },
    { name: 'GraphQL RATE_LIMITED at 200', fault: { kind: 'graphqlRateLimited', resetInSeconds: 600 }, kind: 'rateLimited' },
    { name: 'missing scope', fault: { kind: 'missingScope', scope: 'user' }, kind: 'missingScope' },
    { name: 'REST-style primary limit on GraphQL (403, remaining 0)', fault: { kind: 'primaryRateLimit', status: 403, resetInSeconds: 600 }, kind: 'rateLimited' },
    { name: 'secondary limit with a long retry-after', fault: { kind: 'secondaryRateLimit', retryAfterSeconds: 120, status: 429 }, kind: 'secondaryRateLimited' },
    { name: '502', fault: { kind: 'status', status: 502 }, kind: 'server' },
    { name: '504', fault: { kind: 'status', status: 504 }, kind: 'server' },
    { name: 'connection reset', fault: { kind: 'reset' }, kind: 'offline' },
    { name: 'malformed JSON', fault: { kind: 'malformedJson' }, kind: 'malformed' },
  ];
  for (const layout of ['github.com', 'GHES'] as const) {
    for (const c of cases) {
      it(`${layout}: GraphQL ${c.name} → ${c.kind}`, async () => {
        sandbox.faults.persist('graphql', c.fault);
        const gh = client({ endpoints: resolveEndpoints(layout === 'GHES' ? sandbox.ghesApiUrl : sandbox.url) });
        const err = await failure(gh.graphql(viewerQuery));
        assert.equal(err.kind, c.kind, `${err.kind}: ${err.detail ?? err.message}`);
        if (c.kind === 'rateLimited' || c.kind === 'secondaryRateLimited') {
          const wait = (err.retryAt?.getTime() ?? 0) - Date.now();
          assert.ok(wait > 60_000 && wait <= 601_000, `retryAt should follow the server's reset/retry-after, was ${wait} ms away`);
        }
        if (c.kind === 'missingScope') assert.deepEqual(err.scopes, ['user']);
      });
    }
  }

  it('retries a 5xx with backoff, a bounded number of times, never a storm', async () => {
    sandbox.faults.persist('graphql', { kind: 'status', status: 502 });
    await failure(client().graphql(viewerQuery));
    assert.equal(sandbox.requests.length, 3, 'one try and two retries');
  });

  const mutation = 'mutation { changeUserStatus(input: {message: "x"}) { status { message } } }';
  const writeFaults: Array<{ name: string; fault: Parameters<Sandbox['faults']['persist']>[1]; kind: GitHubErrorKind }> = [
    { name: 'a 502', fault: { kind: 'status', status: 502 }, kind: 'server' },
    { name: 'a 502 after the write was applied', fault: { kind: 'status', status: 502, applied: true }, kind: 'server' },
    { name: 'a reset after the write was applied', fault: { kind: 'reset', applied: true }, kind: 'offline' },
  ];
  for (const c of writeFaults) {
    it(`adversarial: never repeats a REST write by itself after ${c.name}`, async () => {
      sandbox.faults.persist('POST /repos/:owner/:repo/issues/:number/comments', c.fault);
      const err = await failure(client().call((o) => o.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: 'acme', repo: 'api', issue_number: 418, body: 'once' })));
      assert.equal(err.kind, c.kind);
      assert.equal(sandbox.requests.length, 1, 'one POST, no retry');
    });

    it(`adversarial: never repeats a GraphQL mutation by itself after ${c.name}`, async () => {
      sandbox.faults.persist('graphql', c.fault);
      const err = await failure(client().graphql(mutation));
      assert.equal(err.kind, c.kind);
      assert.equal(sandbox.requests.length, 1, 'one mutation, no retry');
    });
  }

  it('still waits out a short rate limit on a write and sends it again: GitHub refused it, so it did not happen', async () => {
    sandbox.faults.inject('graphql', [{ kind: 'secondaryRateLimit', retryAfterSeconds: 1, status: 403 }]);
    await client({ maxInlineWaitSeconds: 5 }).graphql(mutation);
    assert.deepEqual(sandbox.requests.map((r) => r.status), [403, 200]);
  });

  it('recovers by itself when a 502 clears before the retries run out', async () => {
    sandbox.faults.inject('graphql', [{ kind: 'status', status: 502 }]);
    const data = await client().graphql<{ viewer: { login: string } }>(viewerQuery);
    assert.equal(data.viewer.login, DEMO.viewer);
    assert.equal(sandbox.requests.length, 2);
  });

  it('waits out a short GraphQL RATE_LIMITED answer inside the call when allowed, then succeeds', async () => {
    sandbox.faults.inject('graphql', [{ kind: 'graphqlRateLimited', resetInSeconds: 1 }]);
    const data = await client({ maxInlineWaitSeconds: 5 }).graphql<{ viewer: { login: string } }>(viewerQuery);
    assert.equal(data.viewer.login, DEMO.viewer);
    assert.equal(sandbox.requests.length, 2);
  });

  it('sends a query again when GitHub could not finish it (a partial answer), and gives the whole answer', async () => {
    sandbox.faults.inject('graphql', [{ kind: 'graphqlPartialData', field: 'viewer' }]);
    const data = await client().graphql<{ viewer: { login: string } }>(viewerQuery);
    assert.equal(data.viewer.login, DEMO.viewer);
    assert.equal(sandbox.requests.length, 2);
  });

  it('gives up on answers GitHub keeps failing to finish after two more tries, as a server failure', async () => {
    sandbox.faults.persist('graphql', { kind: 'graphqlPartialData', field: 'viewer' });
    const err = await failure(client().graphql(viewerQuery));
    assert.equal(err.kind, 'server');
    assert.equal(sandbox.requests.length, 3, 'one try and two retries');
  });

  it('waits out a short secondary limit inside the call when allowed, then succeeds', async () => {
    sandbox.faults.inject('GET /user', [{ kind: 'secondaryRateLimit', retryAfterSeconds: 1, status: 403 }]);
    const viewer = await fetchViewer(client({ maxInlineWaitSeconds: 5 }));
    assert.equal(viewer.login, DEMO.viewer);
    assert.equal(sandbox.requests.length, 2);
  });

  it('does not retry a long primary limit inside the call: it reports when to try again', async () => {
    sandbox.faults.persist('GET /user', { kind: 'primaryRateLimit', status: 429, resetInSeconds: 900 });
    const err = await failure(fetchViewer(client({ maxInlineWaitSeconds: 10 })));
    assert.equal(err.kind, 'rateLimited');
    assert.equal(sandbox.requests.length, 1);
  });

  it('gives up at its deadline when GitHub never answers', async () => {
    // The server never answers, so only the deadline can end the call.
    sandbox.faults.persist('graphql', { kind: 'hang' });
    const err = await failure(client({ timeoutMs: 200 }).graphql(viewerQuery));
    assert.equal(err.kind, 'timeout');
    assert.equal(sandbox.requests.length, 1, 'a call that ran out of time is not sent again');
  });

  it("gives every call its own deadline: an earlier call's deadline never cuts a later one short", async () => {
    const deadlines: AbortController[] = [];
    const gh = client({
      deadline: () => {
        const controller = new AbortController();
        deadlines.push(controller);
        return controller.signal;
      },
    });
    await gh.graphql(viewerQuery);
    // The first call's deadline passes after it finished.
    deadlines[0].abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    const data = await gh.graphql<{ viewer: { login: string } }>(viewerQuery);
    assert.equal(data.viewer.login, DEMO.viewer);
    assert.equal(deadlines.length, 2, 'each call made its own deadline');
  });

  it('reports offline when nothing listens at the API URL', async () => {
    const gh = client({ endpoints: resolveEndpoints('http://127.0.0.1:9') });
    assert.equal((await failure(fetchViewer(gh))).kind, 'offline');
  });

  it('turns a malformed REST body into a typed error instead of bad data', async () => {
    sandbox.faults.persist('GET /user', { kind: 'malformedJson' });
    assert.equal((await failure(fetchViewer(client()))).kind, 'malformed');
  });

  it('maps a real INSUFFICIENT_SCOPES answer (repo-only token) to missingScope', async () => {
    const gh = client({ token: DEMO.repoOnlyToken });
    const err = await failure(gh.graphql('mutation { changeUserStatus(input: {message: "x"}) { status { message } } }'));
    assert.equal(err.kind, 'missingScope');
    assert.deepEqual(err.scopes, ['user']);
  });

  it('rejects a field GitHub does not have, as GitHub would', async () => {
    const err = await failure(client().graphql('query { viewer { login notARealField } }'));
    assert.equal(err.kind, 'validation');
    assert.match(err.message, /notARealField/);
  });

  it('never sends or logs the token in the clear in the sandbox request log', async () => {
    await fetchViewer(client());
    assert.equal(sandbox.requests[0].headers.authorization, 'REDACTED');
    assert.ok(!JSON.stringify(sandbox.requests).includes(DEMO.fullToken));
  });
});
