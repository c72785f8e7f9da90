// The delegation use cases in plain Node: a real repository with a GitHub remote, the sandbox,
// and no editor. What the Delegation view and the queue's advice show comes from here.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { adviseDelegation } from '../../../src/app/delegation/adviseDelegation';
import { ReviewerSuggestions, SuggestionProblem, type EmailLoginMemory, type HistorySource } from '../../../src/app/delegation/reviewerSuggestions';
import { defaultDelegationSettings, type DelegationSettings } from '../../../src/core/delegation/delegationSettings';
import { silentLogger } from '../../../src/core/logger';
import { TeamDirectory } from '../../../src/github/delegation/teamDirectory';
import { ExpertiseStore } from '../../../src/storage/expertiseStore';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { clientFor, delegationScenario, graphqlRequests } from './scenario';
import { git, makeTempDir, TempGitRepo } from './tempGitRepo';

const people = {
  ben: { name: 'Ben Okafor', email: 'ben@acme.example' },
  ana: { name: 'Ana Lima', email: 'ana@acme.example' },
  dave: { name: 'Dave Stone', email: 'dave@acme.example' },
  cara: { name: 'Cara Diaz', email: 'cara@acme.example' },
};

class MemoryEmailLogins implements EmailLoginMemory {
  readonly learned = new Map<string, string | null>();
  get(): Map<string, string | null> {
    return new Map(this.learned);
  }
  remember(_apiUrl: string, learned: ReadonlyMap<string, string | null>): Promise<void> {
    for (const [email, login] of learned) this.learned.set(email, login);
    return Promise.resolve();
  }
}

describe('delegation use cases: suggest reviewers and advise the queue, in plain Node', () => {
  let repo: TempGitRepo;
  let sandbox: Sandbox;
  let store: ExpertiseStore;
  let settings: DelegationSettings;
  let historyReads: string[];
  const hosts = ['github.com', '127.0.0.1'];

  const history: HistorySource = (workTree, s) => {
    historyReads.push(workTree);
    return store.get(workTree, { historyDays: s.historyDays, maxCommits: s.maxCommits, timeoutMs: 60_000 });
  };

  function suggestions(emailLogins: EmailLoginMemory = new MemoryEmailLogins()) {
    return new ReviewerSuggestions({ emailLogins, teams: new TeamDirectory(), settings: () => settings, now: Date.now });
  }

  before(async () => {
    repo = await TempGitRepo.create('use-cases');
    for (let i = 0; i < 6; i++) await repo.commit(people.ben, ['src/engine/core.ts', 'src/engine/queue.ts'], 40 - i);
    for (let i = 0; i < 4; i++) await repo.commit(people.ana, ['src/engine/core.ts'], 30 - i);
    for (let i = 0; i < 3; i++) await repo.commit(people.cara, ['src/engine/core.ts'], 10 - i);
    await repo.commit(people.dave, ['docs/guide.md'], 2);
    await git(repo.dir, ['remote', 'add', 'origin', 'https://github.com/acme/engine.git']);
    store = new ExpertiseStore(undefined, silentLogger);
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  after(async () => {
    await sandbox?.close();
    await rm(repo.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    sandbox.clearRequests();
    settings = { ...defaultDelegationSettings, logins: { 'ben@acme.example': 'ben', 'ana@acme.example': 'ana', 'cara@acme.example': 'cara', 'dave@acme.example': 'dave' } };
    historyReads = [];
  });

  it('suggests people for a pull request from the clone among the folders, never its author or me', async () => {
    const progress: string[] = [];
    const pull = { owner: 'acme', repo: 'engine', number: 1, title: 'Change 1', url: '', author: 'cara' };
    const result = await suggestions().forPullRequest({ client: clientFor(sandbox), pull, folders: [path.dirname(repo.dir), repo.dir], hosts, history, progress: (m) => progress.push(m) });
    const logins = result.rows.map((r) => r.login);
    assert.ok(logins.includes('ben'), `Ben knows src/engine/ best: ${logins.join(', ')}`);
    assert.ok(!logins.includes('cara'), 'the author was suggested');
    assert.ok(!logins.includes('lead'), 'I was suggested');
    assert.equal(result.me, 'lead');
    assert.equal(result.pull?.files.length, 3);
    assert.equal(result.area, 'these files', 'src/engine/ and test/engine/ share no folder');
    assert.match(result.history, /^14 commits$/);
    assert.deepEqual(historyReads, [repo.dir]);
    assert.equal(progress[0], 'Reading acme/engine#1 from GitHub…');
    assert.ok(progress.includes('Ranking people by what they know…'));
  });

  it('says there is no clone when no folder holds the repository, before reading any history', async () => {
    const elsewhere = await makeTempDir('no-clone');
    try {
      const pull = { owner: 'acme', repo: 'engine', number: 1, title: 'Change 1', url: '', author: 'cara' };
      await assert.rejects(
        suggestions().forPullRequest({ client: clientFor(sandbox), pull, folders: [elsewhere], hosts, history, progress: () => undefined }),
        (err: unknown) => SuggestionProblem.is(err) && err.reason === 'noClone' && /No folder in this workspace is a clone of acme\/engine/.test(err.message),
      );
      assert.deepEqual(historyReads, []);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('suggests people for a file from git alone when GitHub is not available, and says why', async () => {
    const result = await suggestions().forFile({ client: undefined, withoutGitHub: 'Sign in to GitHub to see review load and availability.', file: path.join(repo.dir, 'src/engine/core.ts'), hosts, history, progress: () => undefined });
    assert.equal(result.rows[0]?.name, 'Ben Okafor');
    assert.equal(result.notes[0], 'Sign in to GitHub to see review load and availability.');
    assert.equal(result.me, undefined);
    assert.equal(graphqlRequests(sandbox).length, 0, 'GitHub was asked without a client');
  });

  it('refuses a file outside any repository, with the reason', async () => {
    const loose = await makeTempDir('loose');
    try {
      await assert.rejects(
        suggestions().forFile({ client: undefined, file: path.join(loose, 'notes.md'), hosts, history, progress: () => undefined }),
        (err: unknown) => SuggestionProblem.is(err) && err.reason === 'notInRepository',
      );
    } finally {
      await rm(loose, { recursive: true, force: true });
    }
  });

  it('advises the queue from an index already in memory, and never builds one', async () => {
    const index = (await store.get(repo.dir, { historyDays: settings.historyDays, maxCommits: settings.maxCommits, timeoutMs: 60_000 })).index;
    const built: string[] = [];
    const deps = {
      loadedIndex: (workTree: string) => {
        built.push(workTree);
        return workTree === repo.dir ? index : undefined;
      },
      emailLogins: new MemoryEmailLogins(),
      settings: () => settings,
      now: Date.now,
    };
    const requests = [{ pull: { owner: 'acme', repo: 'engine', number: 2, title: 'Change 2', url: '', author: 'dave' } }];
    const withIndex = await adviseDelegation(deps, { client: clientFor(sandbox), requests, me: 'lead', folders: [repo.dir] });
    const advice = withIndex.get('acme/engine#2');
    assert.ok(advice, 'no advice for acme/engine#2');
    assert.ok(advice.delegate, `a small change in code Ben knows better should be delegable: ${JSON.stringify(advice.decision.reasons)}`);
    assert.match(advice.summary, /^Good to delegate: /);
    assert.ok(built.length > 0, 'the loaded index was not consulted');

    settings = { ...settings, keepPaths: ['src/engine/**'] };
    const kept = await adviseDelegation(deps, { client: clientFor(sandbox), requests, me: 'lead', folders: [repo.dir] });
    assert.equal(kept.get('acme/engine#2')?.delegate, false);
    assert.match(kept.get('acme/engine#2')?.summary ?? '', /^Keep: touches src\/engine\/core\.ts/);
  });
});
