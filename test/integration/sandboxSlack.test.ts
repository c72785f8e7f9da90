// The Slack slice, driven by the real @slack/web-api WebClient (form-encoded POSTs) and by
// plain JSON POSTs, as the optional Slack guard will use it.
import assert from 'node:assert/strict';
import { WebClient, LogLevel, ErrorCode } from '@slack/web-api';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { DEMO } from '../sandbox/testing/demoLogins';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

describe('sandbox Slack Web API', () => {
  let sb: Sandbox;
  let clock: Date;
  const client = (token: string) => new WebClient(token, { slackApiUrl: sb.slackApiUrl, logger: silent, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });

  beforeEach(async () => {
    clock = new Date();
    sb = await startSandbox({ scenario: loadScenario('demo', clock), now: () => clock });
  });
  afterEach(() => sb.close());

  it('auth.test names the token owner', async () => {
    const res = await client(DEMO.slackToken).auth.test();
    assert.equal(res.ok, true);
    assert.equal(res.user_id, 'U0LEAD0001');
    assert.equal(res.team_id, 'T0ACME0001');
    assert.equal(sb.requests.at(-1)!.headers.authorization, 'REDACTED');
  });

  it('snoozes and ends DND, and dnd.info follows', async () => {
    const web = client(DEMO.slackToken);
    // The typings of dnd.info omit the snooze fields Slack returns.
    const dndInfo = async () => (await web.dnd.info()) as { snooze_enabled?: boolean; snooze_remaining?: number };
    assert.equal((await dndInfo()).snooze_enabled, false);
    const snooze = await web.dnd.setSnooze({ num_minutes: 45 });
    assert.equal(snooze.snooze_enabled, true);
    assert.equal(snooze.snooze_endtime, Math.floor(clock.getTime() / 1000) + 45 * 60);
    const info = await dndInfo();
    assert.equal(info.snooze_enabled, true);
    assert.equal(info.snooze_remaining, 45 * 60);
    assert.equal((await web.dnd.endSnooze()).snooze_enabled, false);
    await assert.rejects(web.dnd.endSnooze(), (e: { data?: { error?: string } }) => e.data?.error === 'snooze_not_active');
    // A snooze runs out by itself.
    await web.dnd.setSnooze({ num_minutes: 1 });
    clock = new Date(clock.getTime() + 61e3);
    assert.equal((await dndInfo()).snooze_enabled, false);
  });

  it('sets and reads the profile status; an expired status reads as empty', async () => {
    const web = client(DEMO.slackToken);
    const expiration = Math.floor(clock.getTime() / 1000) + 600;
    const set = await web.users.profile.set({ profile: { status_text: 'Focus block', status_emoji: ':no_entry:', status_expiration: expiration } });
    assert.equal(set.profile?.status_text, 'Focus block');
    const got = await web.users.profile.get({});
    assert.deepEqual([got.profile?.status_text, got.profile?.status_emoji, got.profile?.status_expiration], ['Focus block', ':no_entry:', expiration]);
    clock = new Date(clock.getTime() + 601e3);
    assert.equal((await web.users.profile.get({})).profile?.status_text, '');
    await web.users.profile.set({ profile: { status_text: '', status_emoji: '' } });
    assert.equal(sb.state.slack.users[0].statusText, '');
  });

  it('answers missing_scope, invalid_auth and not_authed as ok:false at HTTP 200', async () => {
    await assert.rejects(client(DEMO.slackReadOnlyToken).dnd.setSnooze({ num_minutes: 10 }), (e: { code?: string; data?: { error?: string; needed?: string } }) => {
      return e.code === ErrorCode.PlatformError && e.data?.error === 'missing_scope' && e.data.needed === 'dnd:write';
    });
    assert.equal((await client(DEMO.slackReadOnlyToken).users.profile.get({})).ok, true);
    await assert.rejects(client('xoxp-nope').auth.test(), (e: { data?: { error?: string } }) => e.data?.error === 'invalid_auth');
    const bare = await fetch(`${sb.slackApiUrl}auth.test`, { method: 'POST' });
    assert.equal(bare.status, 200);
    assert.deepEqual(await bare.json(), { ok: false, error: 'not_authed' });
  });

  it('reports HTTP 429 with Retry-After as a rate-limited error', async () => {
    sb.faults.inject('slack dnd.setSnooze', { kind: 'secondaryRateLimit', retryAfterSeconds: 30 });
    await assert.rejects(client(DEMO.slackToken).dnd.setSnooze({ num_minutes: 10 }), (e: { code?: string; retryAfter?: number }) => e.code === ErrorCode.RateLimitedError && e.retryAfter === 30);
    assert.equal((await client(DEMO.slackToken).dnd.setSnooze({ num_minutes: 10 })).ok, true);
  });

  it('accepts JSON bodies too', async () => {
    const res = await fetch(`${sb.slackApiUrl}users.profile.set`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO.slackToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ profile: { status_text: 'From JSON', status_emoji: ':memo:' } }),
    });
    const body = (await res.json()) as { ok: boolean; profile: { status_text: string } };
    assert.equal(body.ok, true);
    assert.equal(body.profile.status_text, 'From JSON');
    assert.equal(res.headers.get('x-oauth-scopes'), 'dnd:read,dnd:write,users.profile:read,users.profile:write');
  });
});
