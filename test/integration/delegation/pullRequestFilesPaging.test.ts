// A pull request with more than 100 changed files, read from the sandbox page by page: the
// sandbox checks every document against GitHub's schema and pagination rules and pages the
// `files` connection with real cursors.
import assert from 'node:assert/strict';
import { startSandbox, type Fault, type Sandbox } from '../../sandbox/server';
import type { ScenarioPull } from '../../sandbox/scenarios/scenario';
import { MAX_PULL_REQUEST_FILES, fetchPullRequestChanges } from '../../../src/github/delegation/pullRequestFiles';
import { GitHubError, type GitHubErrorKind } from '../../../src/github/errors';
import { clientFor, delegationScenario, graphqlRequests } from './scenario';

const BIG = 20;
const HUNDRED = 21;
const HUGE = 22;

const pathOf = (i: number) => `src/module-${String(i % 7)}/file-${String(i).padStart(4, '0')}.ts`;
const pathsUpTo = (count: number) => Array.from({ length: count }, (_, i) => pathOf(i));

function bigPull(number: number, fileCount: number): ScenarioPull {
  return {
    repo: 'acme/engine',
    number,
    title: `Change ${number}`,
    author: 'dave',
    createdAt: '-2d',
    files: pathsUpTo(fileCount).map((path, i) => ({ path, additions: i % 5, deletions: 1 })),
    reviewRequests: [{ user: 'lead', requestedAt: '-1d' }],
  };
}

interface LoggedQuery {
  query: string;
  variables: Record<string, unknown>;
}

const bodies = (sandbox: Sandbox) => graphqlRequests(sandbox).map((r) => r.body as LoggedQuery);

describe('delegation: pull request files beyond the first page', () => {
  let sandbox: Sandbox;
  before(async () => {
    const scenario = delegationScenario();
    scenario.pullRequests = [...(scenario.pullRequests ?? []), bigPull(BIG, 250), bigPull(HUNDRED, 100), bigPull(HUGE, MAX_PULL_REQUEST_FILES + 50)];
    sandbox = await startSandbox({ scenario });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.faults.clear();
    sandbox.clearRequests();
  });

  it('reads all 250 files in order with one request plus two follow-ups for the files alone', async () => {
    const changes = await fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: BIG });
    assert.equal(changes.files.length, 250);
    assert.deepEqual(changes.files.map((f) => f.path), pathsUpTo(250));
    assert.deepEqual(changes.files.slice(98, 103).map((f) => f.additions), [3, 4, 0, 1, 2], 'line counts stay with their files across the page boundary');
    assert.equal(changes.changedFiles, 250);
    assert.equal(changes.author, 'dave');
    assert.deepEqual(changes.requestedReviewers, ['lead']);

    const requests = graphqlRequests(sandbox);
    assert.equal(requests.length, 3, 'one request for the pull request, then one per further 100 files');
    assert.ok(requests.every((r) => r.status === 200));
    const [first, ...followUps] = bodies(sandbox);
    assert.match(first.query, /reviewRequests/);
    for (const page of followUps) {
      assert.doesNotMatch(page.query, /reviewRequests|changedFiles|author|title/, 'a follow-up asks for the files connection only');
      assert.match(page.query, /files\(first: 100, after: \$cursor\)/);
      assert.equal(typeof page.variables.cursor, 'string');
    }
    assert.notEqual(followUps[0].variables.cursor, followUps[1].variables.cursor, 'each follow-up starts where the last page ended');
  });

  it('makes exactly one request for a pull request with 100 files or fewer', async () => {
    const hundred = await fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: HUNDRED });
    assert.deepEqual(hundred.files.map((f) => f.path), pathsUpTo(100));
    assert.equal(hundred.changedFiles, 100);
    assert.equal(graphqlRequests(sandbox).length, 1, '100 files fit in the first request');

    sandbox.clearRequests();
    const small = await fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: 1 });
    assert.equal(small.files.length, 3);
    assert.equal(graphqlRequests(sandbox).length, 1);
  });

  it("stops at GitHub's 3,000-file cap and still counts every changed file", async function () {
    this.timeout(60_000);
    const changes = await fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: HUGE });
    assert.equal(changes.files.length, MAX_PULL_REQUEST_FILES);
    assert.deepEqual(changes.files.map((f) => f.path), pathsUpTo(MAX_PULL_REQUEST_FILES));
    assert.equal(changes.changedFiles, MAX_PULL_REQUEST_FILES + 50, 'the total says the list is incomplete');
    assert.equal(graphqlRequests(sandbox).length, MAX_PULL_REQUEST_FILES / 100, 'no request past the cap');
  });

  const pageFaults: { name: string; fault: Fault; kind: GitHubErrorKind }[] = [
    { name: '502 Bad Gateway', fault: { kind: 'status', status: 502 }, kind: 'server' },
    { name: 'GraphQL RATE_LIMITED at HTTP 200', fault: { kind: 'graphqlRateLimited', resetInSeconds: 600 }, kind: 'rateLimited' },
  ];
  for (const c of pageFaults) {
    it(`fails with the GitHubError when a follow-up page fails (${c.name}) instead of returning part of the list`, async () => {
      let seen = 0;
      sandbox.faults.persist((t) => t.api === 'graphql' && ++seen > 1, c.fault);
      await assert.rejects(fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: BIG }), (err: unknown) => {
        assert.ok(GitHubError.is(err, c.kind), `expected ${c.kind}, got ${String(err)}`);
        return true;
      });
      const requests = graphqlRequests(sandbox);
      assert.equal(requests[0].status, 200, 'the first page was served');
      assert.ok(requests.length >= 2, 'a follow-up page was asked for');
      assert.ok(requests.slice(1).every((r) => r.fault === c.fault.kind), 'every later request met the fault');
      assert.ok(bodies(sandbox).slice(1).every((b) => /LeadDeskPullRequestFilesPage/.test(b.query)));
    });
  }
});
