// Load, availability, team members, commit authors and pull request files, each read from the
// sandbox (which checks every document against GitHub's schema and rules) in one request.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { findRepo } from '../../sandbox/state/lookup';
import { fetchReviewLoad, reviewLoadQuery } from '../../../src/github/delegation/reviewLoad';
import { fetchAvailability } from '../../../src/github/delegation/availability';
import { fetchTeamMembers, parseTeamRef } from '../../../src/github/delegation/teamMembers';
import { fetchCommitAuthors } from '../../../src/github/delegation/commitAuthors';
import { fetchReviewAccess } from '../../../src/github/delegation/reviewAccess';
import { fetchManyPullRequestChanges, fetchPullRequestChanges } from '../../../src/github/delegation/pullRequestFiles';
import { GitHubError } from '../../../src/github/errors';
import { fetchHandoffSignals, valueOf } from '../../../src/github/delegation/handoffSignals';
import { SHAS, TOKENS, clientFor, delegationScenario, graphqlRequests } from './scenario';

describe('delegation: GitHub signals against the sandbox', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.clearRequests());

  describe('review load', () => {
    it('counts open review requests for every candidate in one GraphQL request', async () => {
      const load = await fetchReviewLoad(clientFor(sandbox), ['ana', 'ben', 'cara', 'Dave']);
      assert.equal(graphqlRequests(sandbox).length, 1, 'expected exactly one GraphQL request for four candidates');
      assert.equal(sandbox.requests.length, 1);
      assert.equal(graphqlRequests(sandbox)[0].status, 200);
      // ana: #2, #3, #4; ben: #4 (#5 is closed); cara and dave: none.
      assert.deepEqual(Object.fromEntries(load), { ana: 3, ben: 1, cara: 0, dave: 0 });
    });

    it('asks only about valid logins, once each, and sends them as variables', async () => {
      const load = await fetchReviewLoad(clientFor(sandbox), ['ana', 'ANA', 'evil") { x }', '@ben']);
      assert.deepEqual([...load.keys()].sort(), ['ana', 'ben']);
      const body = graphqlRequests(sandbox)[0].body as { query: string; variables: Record<string, string> };
      assert.ok(!body.query.includes('evil'), 'an invalid login reached the document');
      assert.deepEqual(Object.values(body.variables).sort(), [reviewLoadQuery('ana'), reviewLoadQuery('ben')].sort());
    });

    it('makes no request for an empty list', async () => {
      assert.equal((await fetchReviewLoad(clientFor(sandbox), [])).size, 0);
      assert.equal(sandbox.requests.length, 0);
    });
  });

  describe('availability', () => {
    it('reads every status in one request: Busy is unavailable with its message', async () => {
      const statuses = await fetchAvailability(clientFor(sandbox), ['ana', 'ben', 'cara']);
      assert.equal(graphqlRequests(sandbox).length, 1);
      const ana = statuses.get('ana');
      assert.equal(ana?.available, false);
      assert.equal(ana?.message, 'On holiday until Monday');
      assert.equal(statuses.get('ben')?.available, true, 'a status without limited availability is available');
      assert.equal(statuses.get('ben')?.message, 'Around');
      assert.deepEqual(statuses.get('cara'), { login: 'cara', available: true });
    });

    it('leaves out a login GitHub does not know instead of failing the batch', async () => {
      const statuses = await fetchAvailability(clientFor(sandbox), ['ana', 'no-such-person']);
      assert.equal(statuses.size, 1);
      assert.equal(statuses.get('ana')?.available, false);
    });
  });

  describe('team members', () => {
    it('lists a team by org/slug', async () => {
      const team = parseTeamRef('@acme/Core');
      assert.deepEqual(team, { org: 'acme', slug: 'core' });
      assert.ok(team);
      assert.deepEqual((await fetchTeamMembers(clientFor(sandbox), team)).sort(), ['ana', 'ben']);
    });

    it("explains a missing read:org scope in words a person can act on", async () => {
      await assert.rejects(fetchTeamMembers(clientFor(sandbox, TOKENS.leadRepoOnly), { org: 'acme', slug: 'core' }), (err: unknown) => {
        assert.ok(GitHubError.is(err, 'missingScope'), `expected missingScope, got ${String(err)}`);
        assert.deepEqual(err.scopes, ['read:org']);
        assert.match(err.message, /acme\/core needs the 'read:org' scope/);
        assert.match(err.message, /leadDesk\.team/);
        return true;
      });
    });

    it('says which part is missing: the organization or the team', async () => {
      await assert.rejects(fetchTeamMembers(clientFor(sandbox), { org: 'acme', slug: 'nope' }), (err: unknown) => GitHubError.is(err, 'notFound') && /no team "nope"/.test(err.message));
      await assert.rejects(fetchTeamMembers(clientFor(sandbox), { org: 'nobody-org', slug: 'core' }), (err: unknown) => GitHubError.is(err, 'notFound') && /no organization "nobody-org"/.test(err.message));
    });
  });

  describe('review access', () => {
    const engine = { owner: 'acme', repo: 'engine' };

    it('tells who the repository can ask for a review, in one GraphQL request, by exact login', async () => {
      // "da" starts "dave" but is nobody; "Ben" is ben in another case; outsider has no access.
      const access = await fetchReviewAccess(clientFor(sandbox), engine, ['Ben', 'outsider', 'da', 'dave']);
      assert.deepEqual(Object.fromEntries(access), { ben: true, outsider: false, da: false, dave: true });
      assert.equal(graphqlRequests(sandbox).length, 1);
      assert.equal(graphqlRequests(sandbox)[0].status, 200);
      const body = graphqlRequests(sandbox)[0].body as { query: string; variables: Record<string, string> };
      assert.ok(!body.query.includes('outsider'), 'logins travel as variables');
    });

    it('gives members of the owning organisation access without being collaborators', async () => {
      const repo = findRepo(sandbox.state, 'acme', 'engine')!;
      const before = repo.collaborators;
      repo.collaborators = ['lead'];
      try {
        const access = await fetchReviewAccess(clientFor(sandbox), engine, ['ana', 'outsider']);
        assert.deepEqual(Object.fromEntries(access), { ana: true, outsider: false });
      } finally {
        repo.collaborators = before;
      }
    });

    it('fails, rather than saying nobody can be asked, when the repository cannot be read', async () => {
      await assert.rejects(fetchReviewAccess(clientFor(sandbox), { owner: 'acme', repo: 'no-such-repo' }, ['ben']), (err: unknown) => err instanceof GitHubError);
    });
  });

  describe('load, availability and access together', () => {
    const engine = { owner: 'acme', repo: 'engine' };
    const people = ['ana', 'Ben', 'outsider', 'no-such-person', 'dave'];

    it('reads all three in one GraphQL request, each as its own request reads it', async () => {
      const together = await fetchHandoffSignals(clientFor(sandbox), engine, people);
      assert.equal(graphqlRequests(sandbox).length, 1);
      assert.equal(sandbox.requests.length, 1);
      const body = graphqlRequests(sandbox)[0].body as { query: string };
      assert.ok(!body.query.includes('outsider'), 'logins travel as variables');
      sandbox.clearRequests();
      const client = clientFor(sandbox);
      assert.deepEqual(valueOf(together.load), await fetchReviewLoad(client, people));
      assert.deepEqual(valueOf(together.availability), await fetchAvailability(client, people));
      assert.deepEqual(valueOf(together.access!), await fetchReviewAccess(client, engine, people));
      assert.equal(valueOf(together.availability).has('no-such-person'), false, 'a login GitHub does not know is left out of availability');
      assert.equal(valueOf(together.access!).get('outsider'), false);
    });

    it('fails only the access part when the repository cannot be read, and asks no access without a repository', async () => {
      const missingRepo = await fetchHandoffSignals(clientFor(sandbox), { owner: 'acme', repo: 'no-such-repo' }, ['ana', 'ben']);
      assert.throws(() => valueOf(missingRepo.access!), (err: unknown) => err instanceof GitHubError);
      assert.deepEqual(Object.fromEntries(valueOf(missingRepo.load)), { ana: 3, ben: 1 });
      assert.equal(valueOf(missingRepo.availability).get('ana')?.available, false);
      sandbox.clearRequests();
      const noRepo = await fetchHandoffSignals(clientFor(sandbox), undefined, ['ana']);
      assert.equal(noRepo.access, undefined);
      assert.doesNotMatch((graphqlRequests(sandbox)[0].body as { query: string }).query, /repository|assignableUsers/);
    });

    it('makes no request for an empty list', async () => {
      const none = await fetchHandoffSignals(clientFor(sandbox), engine, []);
      assert.equal(valueOf(none.load).size, 0);
      assert.equal(sandbox.requests.length, 0);
    });
  });

  describe('commit authors', () => {
    it('resolves sample commits to logins in one request, and marks emails GitHub links to nobody', async () => {
      const authors = await fetchCommitAuthors(clientFor(sandbox), { owner: 'acme', repo: 'engine' }, [SHAS.benWork, SHAS.caraUnlinked, 'f'.repeat(40), 'not-a-sha']);
      assert.equal(graphqlRequests(sandbox).length, 1);
      assert.equal(authors.get(SHAS.benWork)?.login, 'ben');
      assert.equal(authors.get(SHAS.benWork)?.email, 'ben.okafor@corp.example');
      assert.ok(authors.has(SHAS.caraUnlinked));
      assert.equal(authors.get(SHAS.caraUnlinked)?.login, undefined);
      assert.equal(authors.has('f'.repeat(40)), false, 'an unknown commit is left out');
    });

    it('returns nothing for a repository GitHub does not have', async () => {
      const authors = await fetchCommitAuthors(clientFor(sandbox), { owner: 'acme', repo: 'missing' }, [SHAS.benWork]);
      assert.equal(authors.size, 0);
    });
  });

  describe('pull request changes', () => {
    it('reads files, author and requested reviewers in one request', async () => {
      const changes = await fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: 1 });
      assert.equal(graphqlRequests(sandbox).length, 1);
      assert.equal(changes.author, 'cara');
      assert.deepEqual(changes.files.map((f) => f.path), ['src/engine/core.ts', 'src/engine/queue.ts', 'test/engine/core.test.ts']);
      assert.equal(changes.additions, 30);
      assert.equal(changes.changedFiles, 3);
      assert.deepEqual(changes.requestedReviewers, ['lead']);
      assert.equal(changes.open, true);
    });

    it('batches several pull requests and leaves out ones that do not exist', async () => {
      const many = await fetchManyPullRequestChanges(clientFor(sandbox), [
        { owner: 'acme', repo: 'engine', number: 1 },
        { owner: 'acme', repo: 'engine', number: 6 },
        { owner: 'acme', repo: 'engine', number: 999 },
      ]);
      assert.equal(graphqlRequests(sandbox).length, 1);
      assert.deepEqual([...many.keys()].sort(), ['acme/engine#1', 'acme/engine#6']);
      assert.deepEqual(many.get('acme/engine#6')?.files.map((f) => f.path), ['docs/guide.md', 'README.md']);
    });

    it('names a pull request that does not exist', async () => {
      await assert.rejects(fetchPullRequestChanges(clientFor(sandbox), { owner: 'acme', repo: 'engine', number: 999 }), (err: unknown) => GitHubError.is(err, 'notFound') && /acme\/engine#999/.test(err.message));
    });
  });
});
