// From a real repository and the sandbox to the three rows the Delegation view shows: expertise
// from git, logins from noreply emails, GitHub's commit data and the manual mapping, then load
// and availability in one request each, with the author and the lead never suggested.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { silentLogger } from '../../../src/core/logger';
import { findCandidates, type CandidateSources, type FindCandidatesInput } from '../../../src/core/delegation/findCandidates';
import { githubCandidateSources } from '../../../src/github/delegation/candidateSources';
import { ExpertiseStore, type RepositoryExpertise } from '../../../src/storage/expertiseStore';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { Scenario } from '../../sandbox/scenarios/scenario';
import { TOKENS, clientFor } from './scenario';
import { TempGitRepo } from './tempGitRepo';

const people = {
  ben: { name: 'Ben Okafor', email: 'ben.okafor@corp.example' }, // GitHub links this email to "ben"
  ana: { name: 'Ana Lima', email: '12345+ana@users.noreply.github.com' }, // login from the noreply address
  dora: { name: 'Dora Contractor', email: 'dora@contractor.example' }, // no GitHub account
  eve: { name: 'Eve Mapped', email: 'eve@corp.example' }, // mapped by hand
  cara: { name: 'Cara Diaz', email: 'cara@users.noreply.github.com' }, // the pull request's author
  lee: { name: 'Lee Adams', email: 'lee@acme.example' }, // me, known to GitHub by this commit
  gus: { name: 'Gus Former', email: 'gus@users.noreply.github.com' }, // left: no access to the repository any more
};

describe('delegation: candidates from a real repository and the sandbox', () => {
  let repo: TempGitRepo;
  let sandbox: Sandbox;
  let expertise: RepositoryExpertise;
  const shas: Record<string, string> = {};

  before(async () => {
    repo = await TempGitRepo.create('pipeline');
    const engine = ['src/engine/core.ts', 'src/engine/queue.ts'];
    for (let i = 0; i < 2; i++) shas.gus = await repo.commit(people.gus, engine, 90 - i);
    for (let i = 0; i < 6; i++) shas.ben = await repo.commit(people.ben, engine, 40 - i);
    for (let i = 0; i < 5; i++) shas.ana = await repo.commit(people.ana, ['src/engine/core.ts'], 30 - i, 'Engine work', ['Reviewed-by: Ben Okafor <ben.okafor@corp.example>']);
    for (let i = 0; i < 4; i++) shas.dora = await repo.commit(people.dora, engine, 20 - i);
    for (let i = 0; i < 3; i++) shas.eve = await repo.commit(people.eve, ['src/engine/queue.ts'], 15 - i);
    for (let i = 0; i < 6; i++) shas.cara = await repo.commit(people.cara, engine, 12 - i);
    for (let i = 0; i < 6; i++) shas.lee = await repo.commit(people.lee, engine, 5 - i * 0.5);
    // GitHub is asked about each author's most recent commit.
    shas.ben = await repo.commit(people.ben, ['docs/unrelated.md'], 1);
    expertise = await new ExpertiseStore(undefined, silentLogger).get(repo.dir, { historyDays: 365, maxCommits: 1000, timeoutMs: 60_000 });

    const scenario: Scenario = {
      viewer: 'lead',
      users: [
        { login: 'lead', name: 'Lee Adams' },
        { login: 'ben', name: 'Ben Okafor' },
        { login: 'ana', name: 'Ana Lima', status: { message: 'Parental leave', limitedAvailability: true, expiresAt: '+30d' } },
        { login: 'cara', name: 'Cara Diaz' },
        { login: 'eve' },
        { login: 'gus', name: 'Gus Former' },
      ],
      orgs: [{ login: 'acme', members: ['lead', 'ben', 'ana', 'cara', 'eve'] }],
      repos: [
        {
          owner: 'acme',
          name: 'engine',
          collaborators: ['lead', 'ben', 'ana', 'cara', 'eve'],
          commits: [
            { sha: shas.ben, message: 'x', author: 'ben', authorName: people.ben.name, authorEmail: people.ben.email, date: '-30d' },
            { sha: shas.dora, message: 'x', author: null, authorName: people.dora.name, authorEmail: people.dora.email, date: '-17d' },
            { sha: shas.lee, message: 'x', author: 'lead', authorName: people.lee.name, authorEmail: people.lee.email, date: '-3d' },
          ],
        },
      ],
      pullRequests: [
        { repo: 'acme/engine', number: 7, title: 'Queue fairness', author: 'cara', createdAt: '-1d', files: [{ path: 'src/engine/queue.ts', additions: 40, deletions: 3 }], reviewRequests: [{ user: 'lead', requestedAt: '-1d' }] },
        { repo: 'acme/engine', number: 8, title: 'Other', author: 'cara', createdAt: '-1d', files: [{ path: 'README.md', additions: 1, deletions: 0 }], reviewRequests: [{ user: 'ben', requestedAt: '-1d' }] },
      ],
      tokens: [{ token: TOKENS.lead, login: 'lead', scopes: ['repo', 'read:org', 'user'] }],
    };
    sandbox = await startSandbox({ scenario });
  });
  after(async () => {
    await sandbox?.close();
    await rm(repo.dir, { recursive: true, force: true });
  });
  beforeEach(() => sandbox.clearRequests());

  function sources(): CandidateSources {
    return githubCandidateSources(clientFor(sandbox), { owner: 'acme', repo: 'engine' });
  }

  function input(extra: Partial<FindCandidatesInput> = {}): FindCandidatesInput {
    return {
      index: expertise.index,
      touchedPaths: ['src/engine/queue.ts', 'src/engine/core.ts'],
      now: Date.now(),
      author: 'cara',
      me: 'lead',
      mapping: { 'eve@corp.example': 'eve' },
      knownEmails: new Map(),
      sampleSha: (email) => expertise.sampleShas.get(email),
      alreadyRequested: ['lead'],
      ...extra,
    };
  }

  const operations = () => sandbox.requests.filter((r) => r.api === 'graphql').map((r) => r.graphqlOperation);

  it('suggests the three people who know the code, never the author or me, asking about the people it knows beside the commit emails and then about those the emails named', async () => {
    const found = await findCandidates(input(), sources());
    const names = found.rows.map((r) => r.name);
    assert.equal(found.rows.length, 3);
    assert.ok(!names.includes('Cara Diaz'), 'the author was suggested');
    assert.ok(!names.includes('Lee Adams'), 'I was suggested (my login comes from GitHub commit data)');
    assert.deepEqual(operations().sort(), ['LeadDeskCommitAuthors', 'LeadDeskHandoffSignals', 'LeadDeskHandoffSignals']);
    // Each signals request names its logins in its variables: the first, beside the commit emails,
    // only people known before them (eve, from the mapping); the second only people they named.
    const signalLogins = sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskHandoffSignals').map((r) => JSON.stringify((r.body as { variables?: unknown }).variables));
    assert.equal(signalLogins.length, 2);
    assert.match(signalLogins[0], /"eve"/);
    assert.doesNotMatch(signalLogins[0], /"ben"/, 'Ben was asked about before GitHub named him');
    assert.match(signalLogins[1], /"ben"/);
    assert.doesNotMatch(signalLogins[1], /"eve"/, 'Eve was asked about twice');

    const ben = found.rows.find((r) => r.name === 'Ben Okafor');
    assert.ok(ben, `Ben is missing from ${names.join(', ')}`);
    assert.equal(ben.login, 'ben');
    assert.equal(ben.loginSource, 'github');
    assert.equal(ben.openReviews, 1);
    assert.equal(ben.available, true);
    assert.equal(ben.canReview, true);
    assert.match(ben.reason, /commits? in src\/engine\//);
    assert.match(ben.reason, /1 open review/);
    assert.equal(found.learnedEmails.get('ben.okafor@corp.example'), 'ben');
    assert.equal(found.learnedEmails.get('lee@acme.example'), 'lead');
  });

  it('marks someone the repository can no longer ask, and shows them after everyone it can', async () => {
    const found = await findCandidates(input({ limit: 10 }), sources());
    const gus = found.rows.find((r) => r.login === 'gus');
    assert.ok(gus, `Gus knows the code and should be listed: ${found.rows.map((r) => r.name).join(', ')}`);
    assert.equal(gus.canReview, false);
    assert.equal(found.rows[found.rows.length - 1].login, 'gus', 'people the repository cannot ask come last');
    assert.ok(found.rows.filter((r) => r.login && r.login !== 'gus').every((r) => r.canReview === true));
  });

  it('shows a busy person below available ones, with their status message', async () => {
    const found = await findCandidates(input({ team: ['ana', 'ben', 'eve'] }), sources());
    const ana = found.rows.find((r) => r.login === 'ana');
    assert.ok(ana, 'Ana is on the team and knows the code');
    assert.equal(ana.loginSource, 'history');
    assert.equal(ana.available, false);
    assert.equal(ana.statusMessage, 'Parental leave');
    assert.match(ana.reason, /busy: Parental leave/);
    assert.equal(found.rows[found.rows.length - 1].login, 'ana', 'busy people sort last');
  });

  it('keeps a person with no known login, not requestable, with the reason', async () => {
    const found = await findCandidates(input({ limit: 10 }), sources());
    const dora = found.rows.find((r) => r.name === 'Dora Contractor');
    assert.ok(dora, 'Dora knows the code and should be listed');
    assert.equal(dora.login, undefined);
    assert.match(dora.notRequestable ?? '', /GitHub links no account to dora@contractor\.example/);
    assert.match(dora.notRequestable ?? '', /leadDesk\.delegation\.logins/);
    assert.equal(dora.available, undefined);
    assert.equal(found.learnedEmails.get('dora@contractor.example'), null);
    const eve = found.rows.find((r) => r.name === 'Eve Mapped');
    assert.equal(eve?.login, 'eve');
    assert.equal(eve?.loginSource, 'mapping');
  });

  it('asks GitHub nothing about emails it already answered', async () => {
    const known = new Map<string, string | null>([['ben.okafor@corp.example', 'ben'], ['lee@acme.example', 'lead'], ['dora@contractor.example', null]]);
    await findCandidates(input({ knownEmails: known }), sources());
    assert.ok(!operations().includes('LeadDeskCommitAuthors'), `unexpected lookups: ${operations().join(', ')}`);
  });

  it('narrows to the team and says so when nobody on it knows the files', async () => {
    const onlyBen = await findCandidates(input({ team: ['BEN'] }), sources());
    assert.deepEqual(onlyBen.rows.map((r) => r.login), ['ben']);
    const nobody = await findCandidates(input({ team: ['someone-else'] }), sources());
    assert.equal(nobody.rows.length, 0);
    assert.match(nobody.notes.join('\n'), /Nobody on the team has history in these files/);
  });

  it('still ranks by expertise when GitHub fails, and says what is missing', async () => {
    sandbox.faults.persist('graphql', { kind: 'status', status: 502 });
    try {
      const found = await findCandidates(input({ knownEmails: new Map([['ben.okafor@corp.example', 'ben'], ['lee@acme.example', 'lead']]) }), sources());
      assert.ok(found.rows.length > 0);
      assert.ok(found.rows.every((r) => r.openReviews === undefined && r.available === undefined));
      assert.match(found.notes.join('\n'), /Review load unknown/);
      assert.match(found.notes.join('\n'), /Availability unknown/);
    } finally {
      sandbox.faults.clear();
    }
  });
});
