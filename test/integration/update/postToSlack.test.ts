// Posting the weekly update through the real @slack/web-api client to the sandbox's Slack: the
// message arrives as inert mrkdwn, and each of Slack's refusals keeps the draft and says why. A
// post whose answer is lost is never sent a second time by itself.
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { createSlackClient } from '../../../src/guards/slackClient';
import { postWeeklyUpdate, type PostResult } from '../../../src/app/update/postWeeklyUpdate';
import { escapeFor } from '../../../src/core/inertText';

const hostile = '<!channel> @here [x](https://evil.example) *bold* & <@U0PRIYA001>';
const draft = `# Weekly update\n\n## Shipped (1)\n\n- [${escapeFor('document', hostile)}](https://github.com/acme/api/pull/1) (acme/api\\#1 by priya)\n`;

describe('weekly update posted to Slack', () => {
  let sb: Sandbox;
  let now: Date;

  beforeEach(async () => {
    now = new Date('2026-03-06T15:00:00Z');
    sb = await startSandbox({ scenario: loadScenario('demo', now), now: () => now });
  });
  afterEach(() => sb.close());

  /** Every message the sandbox's channels received, in the order of the channels (not the scenario's own, such as earlier pulses). */
  const posted = () => sb.state.slack.channels.flatMap((c) => c.messages.filter((m) => Object.keys(m.args).length > 0));
  const post = (channel: string, token: string = DEMO.slackChatToken): Promise<PostResult> =>
    postWeeklyUpdate({ slack: () => Promise.resolve(createSlackClient(token, { apiUrl: sb.slackApiUrl })), now: () => now }, channel, draft);

  it('posts once, as mrkdwn in which no title pings, mentions or links', async () => {
    const result = await post('#team-updates');
    assert.deepEqual(result.ok && result.channel, 'C0UPDATES01');
    assert.equal(posted().length, 1);
    const [sent] = posted();
    assert.equal(sent.args.parse, 'none');
    assert.equal(sent.args.link_names, 'false');
    assert.match(sent.text, /^\*Weekly update\*\n\n\*Shipped \(1\)\*\n\n• <https:\/\/github\.com\/acme\/api\/pull\/1\|/);
    assert.deepEqual([...sent.text.matchAll(/<([^>]*)>/g)].map((m) => m[1].split('|')[0]), ['https://github.com/acme/api/pull/1']);
    assert.doesNotMatch(sent.text, /@here|@channel|<!|<@|https:\/\/evil/);
    assert.ok(sent.text.includes('&amp;'));
  });

  const refusals: Array<[string, () => Promise<PostResult>, string, RegExp]> = [
    ['not_in_channel', () => post('#leadership'), 'notInChannel', /not a member of #leadership.*Join the channel/],
    ['channel_not_found', () => post('#nowhere'), 'channelNotFound', /no channel #nowhere.*leadDesk\.update\.slackChannel/],
    ['invalid_auth', () => post('#team-updates', 'xoxp-revoked'), 'notConnected', /Connect Slack/],
    ['missing_scope', () => post('#team-updates', DEMO.slackToken), 'missingScope', /chat:write/],
  ];
  for (const [error, run, failure, wording] of refusals) {
    it(`says why on ${error}, keeps the draft and posts nothing`, async () => {
      const result = await run();
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.failure, failure);
      assert.match(!result.ok ? result.message : '', wording);
      assert.match(!result.ok ? result.message : '', /draft is still open/);
      assert.equal(posted().length, 0);
    });
  }

  it('on ratelimited says when to post again, without promising to do it', async () => {
    sb.faults.inject('slack chat.postMessage', { kind: 'secondaryRateLimit', retryAfterSeconds: 120, status: 429 });
    const result = await post('#team-updates');
    assert.equal(!result.ok && result.failure, 'rateLimited');
    assert.match(!result.ok ? result.message : '', /Post again after \d\d:\d\d\./);
    assert.equal(posted().length, 0);
    assert.equal(sb.requests.filter((r) => r.path.endsWith('/chat.postMessage')).length, 1);
  });

  it('after a lost answer says to look in the channel, and sends nothing twice', async () => {
    sb.faults.inject('slack chat.postMessage', { kind: 'status', status: 502, applied: true });
    const result = await post('#team-updates');
    assert.equal(!result.ok && result.failure, 'unknownOutcome');
    assert.match(!result.ok ? result.message : '', /may or may not be in #team-updates\. Look there before posting again/);
    assert.equal(posted().length, 1);
    assert.equal(sb.requests.filter((r) => r.path.endsWith('/chat.postMessage')).length, 1);
  });

  it('asks for a channel before talking to Slack when none is set', async () => {
    const result = await post('');
    assert.equal(!result.ok && result.failure, 'notConfigured');
    assert.equal(sb.requests.length, 0);
  });
});
