// Scenario loading (relative dates, validation), the benchmark generator, and the CLI
// that the demo starts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadScenario, type Scenario } from '../sandbox/scenarios/scenario';
import { resolveRelativeDates } from '../sandbox/scenarios/relativeDates';
import { generateScenario, GENERATED_TOKEN } from '../sandbox/scenarios/generate';
import { buildState } from '../sandbox/state/buildState';
import { startSandbox } from '../sandbox/server';
import { gql } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

const ROOT = path.resolve(__dirname, '../..');

describe('sandbox scenarios and CLI', () => {
  it('resolves relative dates against the given now, and leaves text alone', () => {
    const now = new Date('2030-05-01T12:00:00.000Z');
    const demo = loadScenario('demo', now);
    const pr412 = demo.pullRequests.find((p) => p.number === 412 && p.repo === 'acme/api')!;
    assert.equal(pr412.createdAt, '2030-05-01T05:00:00Z');
    assert.equal(pr412.reviewRequests![0].requestedAt, '2030-05-01T07:00:00Z');
    assert.equal(demo.users.find((u) => u.login === 'priya')!.status!.expiresAt, '2030-05-01T15:00:00Z');
    assert.equal(demo.slack!.users[1].statusExpiration, Date.parse('2030-05-01T15:00:00Z') / 1000);
    const custom = resolveRelativeDates({ ...demo, pullRequests: [{ ...pr412, title: '-1d', createdAt: '2030-01-01T00:00:00.123Z' }] }, now);
    assert.equal(custom.pullRequests[0].title, '-1d');
    assert.equal(custom.pullRequests[0].createdAt, '2030-01-01T00:00:00Z');
  });

  it('describes the demo the product needs', () => {
    const state = buildState(loadScenario('demo'), new Date());
    assert.equal(state.pulls.length >= 30, true);
    assert.ok(state.repos.some((r) => r.archived));
    assert.ok(state.pulls.some((p) => p.author === null));
    assert.ok(state.pulls.some((p) => p.draft));
    assert.ok(state.pulls.some((p) => p.mergeable === 'CONFLICTING'));
    assert.ok(state.pulls.some((p) => p.ci === 'FAILURE'));
    assert.ok(state.users.some((u) => u.status?.limitedAvailability));
    assert.ok(state.tokens.some((t) => t.scopes.join() === 'repo'));
  });

  it('rejects scenarios that name unknown people, teams or repositories', () => {
    const demo = loadScenario('demo');
    const withPull = (patch: object): Scenario => ({ ...demo, pullRequests: [{ ...demo.pullRequests[0], ...patch }] });
    assert.throws(() => buildState(withPull({ author: 'nobody' }), new Date()), /unknown user "nobody"/);
    assert.throws(() => buildState(withPull({ repo: 'acme/nope' }), new Date()), /unknown repo/);
    assert.throws(() => buildState(withPull({ reviewRequests: [{ team: 'acme/ghosts', requestedAt: '-1h' }] }), new Date()), /unknown team "acme\/ghosts"/);
  });

  it('generates the same large scenario for the same seed, and a different one for another', async () => {
    const a = generateScenario({ prs: 300, repos: 12, people: 10, seed: 42 });
    const b = generateScenario({ prs: 300, repos: 12, people: 10, seed: 42 });
    const c = generateScenario({ prs: 300, repos: 12, people: 10, seed: 43 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    assert.equal(a.pullRequests.length, 300);
    assert.equal(new Set(a.pullRequests.map((p) => p.repo)).size, 12);
    const sb = await startSandbox({ scenario: a });
    try {
      const res = await gql(sb, GENERATED_TOKEN, 'query { search(query: "is:pr is:open review-requested:@me", type: ISSUE, first: 100) { issueCount } }');
      assert.ok(res.json.data.search.issueCount > 20);
    } finally {
      await sb.close();
    }
  });

  it('the CLI prints one JSON line with URLs and tokens, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/sandbox/cli.ts', '--scenario', 'demo', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const info = JSON.parse(line) as { url: string; ghesApiUrl: string; slackApiUrl: string; viewer: string; tokens: { token: string; scopes: string[] }[] };
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.ghesApiUrl, `${info.url}/api/v3`);
      assert.equal(info.slackApiUrl, `${info.url}/slack/api/`);
      assert.equal(info.viewer, 'lead');
      assert.ok(info.tokens.some((t) => t.token === DEMO.fullToken));
      const res = await fetch(`${info.url}/user`, { headers: { authorization: `token ${DEMO.fullToken}` } });
      assert.equal(((await res.json()) as { login: string }).login, 'lead');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
