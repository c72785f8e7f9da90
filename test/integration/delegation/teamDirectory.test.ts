// Team members for narrowing and for CODEOWNERS teams: read once, reused while fresh, and kept
// (with a note) when GitHub fails later. Real requests to the sandbox, counted from its log.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { TeamDirectory } from '../../../src/github/delegation/teamDirectory';
import { TOKENS, clientFor, delegationScenario, graphqlRequests } from './scenario';

describe('delegation: team directory against the sandbox', () => {
  let sandbox: Sandbox;
  let now: number;
  let teams: TeamDirectory;
  before(async () => {
    sandbox = await startSandbox({ scenario: delegationScenario() });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.clearRequests();
    sandbox.faults.clear();
    now = Date.parse('2026-03-02T10:00:00Z');
    teams = new TeamDirectory(() => now);
  });

  it('reads a team once and reuses it for half an hour', async () => {
    const client = clientFor(sandbox);
    const first = await teams.members(client, { org: 'acme', slug: 'core' });
    assert.deepEqual([...(first.logins ?? [])].sort(), ['ana', 'ben']);
    assert.equal(first.problem, undefined);
    now += 29 * 60_000;
    assert.deepEqual(await teams.members(client, { org: 'acme', slug: 'core' }), first);
    assert.equal(graphqlRequests(sandbox).length, 1);
    now += 60_000;
    await teams.members(client, { org: 'acme', slug: 'core' });
    assert.equal(graphqlRequests(sandbox).length, 2, 'a stale list is read again');
  });

  it('keeps the last members when GitHub fails, and says how old they are', async () => {
    const client = clientFor(sandbox);
    await teams.members(client, { org: 'acme', slug: 'core' });
    now += 45 * 60_000;
    sandbox.faults.persist('graphql', { kind: 'status', status: 502 });
    const lookup = await teams.members(client, { org: 'acme', slug: 'core' });
    assert.deepEqual([...(lookup.logins ?? [])].sort(), ['ana', 'ben']);
    assert.match(lookup.problem ?? '', /^members as read 45 min ago \(.+\)$/);
  });

  it('says why when a team cannot be read and nothing is cached', async () => {
    const lookup = await teams.members(clientFor(sandbox, TOKENS.leadRepoOnly), { org: 'acme', slug: 'core' });
    assert.equal(lookup.logins, undefined);
    assert.match(lookup.problem ?? '', /read:org/);
  });

  it('resolves CODEOWNERS teams to members, keyed as written, and notes the ones it cannot read', async () => {
    const notes: string[] = [];
    const members = await teams.ownerTeams(clientFor(sandbox), ['@ana', '@acme/core', 'lee@acme.example', '@acme/nope', '@acme/core'], notes);
    assert.deepEqual(Object.keys(members), ['@acme/core']);
    assert.deepEqual([...members['@acme/core']].sort(), ['ana', 'ben']);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^CODEOWNERS team @acme\/nope: .*no team "nope"/);
    assert.equal(graphqlRequests(sandbox).length, 2, 'one request per distinct team, none for people');
  });

  it('forgets members when the account changes', async () => {
    const client = clientFor(sandbox);
    await teams.members(client, { org: 'acme', slug: 'core' });
    teams.clear();
    await teams.members(client, { org: 'acme', slug: 'core' });
    assert.equal(graphqlRequests(sandbox).length, 2);
  });
});
