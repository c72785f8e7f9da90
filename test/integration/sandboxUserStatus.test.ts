// User status over GraphQL: reading others' statuses, setting and clearing my own, and
// expiry, as the focus-block guard relies on them.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { gql } from '../sandbox/testing/httpClient';
import { DEMO } from '../sandbox/testing/demoLogins';

const READ = 'query($login: String!) { user(login: $login) { login status { emoji message indicatesLimitedAvailability expiresAt } } }';
const CHANGE = `mutation($input: ChangeUserStatusInput!) {
  changeUserStatus(input: $input) { clientMutationId status { emoji message indicatesLimitedAvailability expiresAt } }
}`;

describe('sandbox user status', () => {
  let sb: Sandbox;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date();
    sb = await startSandbox({ scenario: loadScenario('demo', clock), now: () => clock });
  });
  afterEach(() => sb.close());

  it('reads a busy status with limited availability, and null when none is set', async () => {
    const priya = await gql(sb, DEMO.fullToken, READ, { login: 'priya' });
    const status = priya.json.data.user.status;
    assert.equal(status.indicatesLimitedAvailability, true);
    assert.equal(status.emoji, ':dart:');
    assert.match(status.message, /Deep work/);
    assert.equal(Date.parse(status.expiresAt), Math.floor(clock.getTime() / 1000) * 1000 + 3 * 3600e3);
    const marco = await gql(sb, DEMO.fullToken, READ, { login: 'marco' });
    assert.equal(marco.json.data.user.status, null);
  });

  it('sets my status, reads it back through viewer, then clears it with no emoji and no message', async () => {
    const expiresAt = new Date(clock.getTime() + 90 * 60e3).toISOString();
    const set = await gql(sb, DEMO.fullToken, CHANGE, {
      input: { clientMutationId: 'focus-1', emoji: ':no_entry:', message: 'Focus block until 11:30', limitedAvailability: true, expiresAt },
    });
    assert.equal(set.json.errors, undefined);
    assert.equal(set.json.data.changeUserStatus.clientMutationId, 'focus-1');
    assert.deepEqual(set.json.data.changeUserStatus.status, {
      emoji: ':no_entry:',
      message: 'Focus block until 11:30',
      indicatesLimitedAvailability: true,
      expiresAt: expiresAt.replace(/\.\d{3}Z$/, 'Z'),
    });
    const viewer = await gql(sb, DEMO.fullToken, 'query { viewer { status { message indicatesLimitedAvailability } } }');
    assert.deepEqual(viewer.json.data.viewer.status, { message: 'Focus block until 11:30', indicatesLimitedAvailability: true });

    const cleared = await gql(sb, DEMO.fullToken, CHANGE, { input: {} });
    assert.equal(cleared.json.data.changeUserStatus.status, null);
    assert.equal((await gql(sb, DEMO.fullToken, READ, { login: 'lead' })).json.data.user.status, null);
  });

  it('reads an expired status as null', async () => {
    await gql(sb, DEMO.fullToken, CHANGE, { input: { message: 'Short focus', expiresAt: new Date(clock.getTime() + 60e3).toISOString() } });
    assert.notEqual((await gql(sb, DEMO.fullToken, READ, { login: 'lead' })).json.data.user.status, null);
    clock = new Date(clock.getTime() + 61e3);
    assert.equal((await gql(sb, DEMO.fullToken, READ, { login: 'lead' })).json.data.user.status, null);
    // Priya's status also runs out after three hours.
    clock = new Date(clock.getTime() + 3 * 3600e3);
    assert.equal((await gql(sb, DEMO.fullToken, READ, { login: 'priya' })).json.data.user.status, null);
  });

  it('keeps the previous status when the token lacks the user scope', async () => {
    await gql(sb, DEMO.fullToken, CHANGE, { input: { message: 'Before' } });
    const denied = await gql(sb, DEMO.repoOnlyToken, CHANGE, { input: { message: 'After' } });
    assert.equal(denied.json.errors?.[0]?.type, 'INSUFFICIENT_SCOPES');
    assert.equal((await gql(sb, DEMO.repoOnlyToken, READ, { login: 'lead' })).json.data.user.status.message, 'Before');
  });
});
