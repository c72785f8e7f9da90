// "Good to delegate" on a queue row says why: who knows the files, from how many changes, and how
// many reviews they have open. With partial data (a scope missing, my own commits not found) the
// advice says it is limited and marks rows only for what their files show.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { adviseDelegation, type AdviseDelegationDeps } from '../../../src/app/delegation/adviseDelegation';
import { defaultDelegationSettings } from '../../../src/core/delegation/delegationSettings';
import type { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { silentLogger } from '../../../src/core/logger';
import { ExpertiseStore } from '../../../src/storage/expertiseStore';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { clientFor, delegationScenario, TOKENS } from '../delegation/scenario';
import { git, TempGitRepo } from '../delegation/tempGitRepo';

const people = {
  lead: { name: 'Lee Adams', email: 'lee@corp-laptop.example' },
  ben: { name: 'Ben Okafor', email: 'ben@acme.example' },
};

describe('queue advice: "Good to delegate" explained, and never on partial data', () => {
  let repo: TempGitRepo;
  let sandbox: Sandbox;
  let index: ExpertiseIndex;
  const deps = (): AdviseDelegationDeps => ({
    loadedIndex: (workTree) => (workTree === repo.dir ? index : undefined),
    emailLogins: { get: () => new Map(), remember: () => Promise.resolve() },
    settings: () => ({ ...defaultDelegationSettings, logins: { 'ben@acme.example': 'ben' } }),
    now: Date.now,
  });
  // acme/engine#1: 36 changed lines in src/engine/ and test/engine/, so neither small nor tests only.
  const requests = [{ pull: { owner: 'acme', repo: 'engine', number: 1, title: 'Change 1', url: '', author: 'cara' } }];

  before(async () => {
    repo = await TempGitRepo.create('queue-advice');
    for (let i = 0; i < 6; i++) await repo.commit(people.ben, ['src/engine/core.ts', 'src/engine/queue.ts'], 40 - i);
    // The lead committed once, from an address GitHub does not know: only the name ties it to them.
    await repo.commit(people.lead, ['src/engine/core.ts'], 200);
    await git(repo.dir, ['remote', 'add', 'origin', 'https://github.com/acme/engine.git']);
    index = (await new ExpertiseStore(undefined, silentLogger).get(repo.dir, { historyDays: 1095, maxCommits: 30_000, timeoutMs: 60_000 })).index;
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  after(async () => {
    await sandbox?.close();
    await rm(repo.dir, { recursive: true, force: true });
  });

  it('says who knows the files, from how many changes, and how many reviews they have open', async () => {
    const advice = (await adviseDelegation(deps(), { client: clientFor(sandbox), requests, me: 'lead', myName: 'Lee Adams', scopes: ['repo', 'read:org', 'user'], folders: [repo.dir] })).get('acme/engine#1');
    assert.ok(advice?.delegate, JSON.stringify(advice));
    // Ben is asked for review on #4, and on #5, which is closed: one open.
    assert.equal(advice.summary, 'Good to delegate: Ben Okafor (@ben) made 12 changes to these files and has 1 open review');
    assert.equal(advice.limited, undefined);
  });

  it('with a repo-only sign-in, says the advice is limited and does not mark the row on who knows more', async () => {
    const advice = (await adviseDelegation(deps(), { client: clientFor(sandbox, TOKENS.leadRepoOnly), requests, me: 'lead', myName: 'Lee Adams', scopes: ['repo'], folders: [repo.dir] })).get('acme/engine#1');
    assert.ok(advice);
    assert.equal(advice.delegate, false);
    assert.match(advice.limited ?? '', /lacks the read:org scope/);
  });

  it('when my own commits are not found, does not treat me as knowing nothing', async () => {
    const advice = (await adviseDelegation(deps(), { client: clientFor(sandbox), requests, me: 'lead', scopes: ['repo', 'read:org', 'user'], folders: [repo.dir] })).get('acme/engine#1');
    assert.ok(advice);
    assert.equal(advice.delegate, false, advice.summary);
    assert.match(advice.limited ?? '', /could not find your own commits in the history of acme\/engine/);
  });
});
