// Send Team Pulse and reading its answers against the sandbox's Slack Web API: one post per week
// whatever happens to the answer, counts without names, and a clear message for each Slack error.
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/core/logger';
import { defaultPulseSettings, type PulseSettings } from '../../../src/core/pulse/pulseSettings';
import type { PulseRecord } from '../../../src/core/pulse/pulseHistory';
import { readPulseAnswers, readTeamPulse } from '../../../src/app/pulse/readPulse';
import { pulseTrend } from '../../../src/core/pulse/pulseHistory';
import { sendPulse } from '../../../src/app/pulse/sendPulse';
import { PulseError, slackPulse, type PulseFailureKind } from '../../../src/app/pulse/pulseSlack';
import type { PulseStore } from '../../../src/app/pulse/pulseStore';
import type { Fault } from '../../sandbox/server';
import { DEMO, startFocusSandbox, type FocusSandbox } from '../focus/focusSandbox';
import { addHours, startOfWeek } from 'date-fns';

class MemoryPulseStore implements PulseStore {
  records: readonly PulseRecord[] = [];
  writes = 0;
  read(): readonly PulseRecord[] {
    return this.records;
  }
  write(records: readonly PulseRecord[]): Promise<void> {
    this.records = records;
    this.writes++;
    return Promise.resolve();
  }
}

describe('team pulse (Slack sandbox)', () => {
  let fx: FocusSandbox;
  let store: MemoryPulseStore;
  const settings: PulseSettings = { ...defaultPulseSettings, slackChannel: DEMO.slackTeamChannel };
  beforeEach(async () => {
    // Midweek, so the demo's pulses ("2 hours ago", "7 days ago"…) fall one in each week whatever
    // the day the tests run: early on a Monday, "2 hours ago" would be last week.
    fx = await startFocusSandbox({ at: addHours(startOfWeek(Date.now(), { weekStartsOn: 1 }), 3 * 24 + 12).getTime() });
    store = new MemoryPulseStore();
  });
  afterEach(() => fx.close());

  const deps = (token: string = DEMO.slackPulseToken, s = store) => ({ slack: slackPulse(fx.slack(token), () => fx.clock.now()), store: s, now: () => fx.clock.now(), log: silentLogger });
  const channel = (id: string = DEMO.slackTeamChannel) => fx.sandbox.state.slack.channels.find((c) => c.id === id)!;

  it('posts the question with its five answers once, and a second send finds it', async () => {
    const first = await sendPulse(deps(), settings);
    assert.equal(first.kind, 'posted');
    assert.equal(first.channelName, 'platform-team');
    const posted = channel().messages;
    assert.equal(posted.length, 1);
    assert.match(posted[0].text, /^How was your week\?\nReact with one: :star-struck: great {2}· {2}:slightly_smiling_face: good/);
    assert.equal(first.record.ts, posted[0].ts);
    const again = await sendPulse(deps(), settings);
    assert.equal(again.kind, 'alreadySent');
    // Another profile or machine, with storage of its own, finds the post instead of repeating it.
    const elsewhere = await sendPulse(deps(DEMO.slackPulseToken, new MemoryPulseStore()), settings);
    assert.equal(elsewhere.kind, 'found');
    assert.equal(elsewhere.record.ts, posted[0].ts);
    assert.equal(channel().messages.length, 1);
    assert.equal(fx.slackCalls('chat.postMessage'), 1);
  });

  it('stores the plan before posting; when the answer is lost, the next send finds the post instead of repeating it', async () => {
    fx.sandbox.faults.inject('slack chat.postMessage', { kind: 'reset', applied: true });
    await assert.rejects(sendPulse(deps(), settings), (e: unknown) => PulseError.is(e, 'offline') && /could not be reached/.test(e.message));
    assert.equal(channel().messages.length, 1, 'Slack applied the post');
    assert.equal(store.records[0]?.ts, undefined, 'the plan is stored without a message');
    assert.ok(store.records[0]?.plannedAt);
    const retried = await sendPulse(deps(), settings);
    assert.equal(retried.kind, 'found');
    assert.equal(channel().messages.length, 1);
    assert.equal(store.records[0].ts, channel().messages[0].ts);
  });

  it('reads back only the counts of the configured answers, never who answered', async () => {
    const { record } = await sendPulse(deps(), settings);
    const web = fx.slack(DEMO.slackPriyaToken);
    await web.reactions.add({ channel: DEMO.slackTeamChannel, timestamp: record.ts!, name: 'slightly_smiling_face' });
    await web.reactions.add({ channel: DEMO.slackTeamChannel, timestamp: record.ts!, name: 'eyes' });
    channel().messages[0].reactions.push({ name: 'star-struck', users: ['U0MARCO001'] });
    assert.equal(await readPulseAnswers(deps(), settings.options), 1);
    const counts = store.records[0].counts!;
    assert.deepEqual(counts, { 'star-struck': 1, slightly_smiling_face: 1, neutral_face: 0, slightly_frowning_face: 0, tired_face: 0 });
    const stored = JSON.stringify(store.records);
    for (const user of ['U0MARCO001', 'U0PRIYA001', 'priya']) assert.ok(!stored.includes(user), `${user} is not stored`);
    assert.equal(fx.slackCalls('reactions.get'), 1);
  });

  const failures: ReadonlyArray<{ name: string; kind: PulseFailureKind; text: RegExp; setUp: () => { settings?: PulseSettings; token?: string } }> = [
    { name: 'not_in_channel', kind: 'notInChannel', text: /not a member of #random.*Join the channel/, setUp: () => ({ settings: { ...settings, slackChannel: DEMO.slackOtherChannel } }) },
    { name: 'channel_not_found', kind: 'channelNotFound', text: /no channel C0NOPE0001 that your token can see.*leadDesk\.pulse\.slackChannel/, setUp: () => ({ settings: { ...settings, slackChannel: 'C0NOPE0001' } }) },
    { name: 'invalid_auth', kind: 'unauthorized', text: /did not accept the stored token.*Connect Slack/, setUp: () => ({ token: 'xoxp-revoked' }) },
    { name: 'missing_scope', kind: 'missingScope', text: /lacks the channels:read scope.*Connect Slack/, setUp: () => ({ token: DEMO.slackToken }) },
    {
      name: 'ratelimited',
      kind: 'rateLimited',
      text: /limiting requests.*Try again in 30 s/,
      setUp: () => {
        fx.sandbox.faults.inject('slack chat.postMessage', { kind: 'secondaryRateLimit', retryAfterSeconds: 30 } satisfies Fault);
        return {};
      },
    },
  ];
  for (const f of failures) {
    it(`explains ${f.name} in words that say what to do, and posts nothing`, async () => {
      const messages = () => fx.sandbox.state.slack.channels.map((c) => c.messages.length);
      const before = messages();
      const { settings: s = settings, token } = f.setUp();
      await assert.rejects(sendPulse(deps(token), s), (e: unknown) => {
        assert.ok(PulseError.is(e, f.kind), `${String(e)} is a ${f.kind} PulseError`);
        assert.match(e.message, f.text);
        return true;
      });
      assert.deepEqual(messages(), before);
    });
  }

  it('a channel that is not set says which setting to fill in, without calling Slack', async () => {
    await assert.rejects(sendPulse(deps(), defaultPulseSettings), (e: unknown) => PulseError.is(e, 'noChannel') && /leadDesk\.pulse\.slackChannel/.test(e.message));
    assert.equal(fx.sandbox.requests.filter((r) => r.route.startsWith('slack ')).length, 0);
  });

  it('a deleted pulse keeps the counts last read', async () => {
    const { record } = await sendPulse(deps(), settings);
    await fx.slack(DEMO.slackPriyaToken).reactions.add({ channel: DEMO.slackTeamChannel, timestamp: record.ts!, name: 'tired_face' });
    await readPulseAnswers(deps(), settings.options);
    channel().messages.length = 0;
    assert.equal(await readPulseAnswers(deps(), settings.options), 0);
    assert.equal(store.records[0].counts?.tired_face, 1);
  });

  it('on a profile with no pulses stored, finds the last eight weeks of pulses in the channel and reads their answers', async () => {
    const pulseChannel = 'C0PULSE001';
    const s: PulseSettings = { ...settings, slackChannel: pulseChannel };
    assert.equal(await readTeamPulse(deps(), s), 8);
    assert.equal(fx.slackCalls('conversations.history'), 1);
    const trend = pulseTrend(store.records, s.options, fx.clock.now());
    assert.equal(trend.length, 8);
    assert.ok(trend.every((p) => p.summary !== undefined && p.summary.responses >= 4), JSON.stringify(trend));
    // The demo team's dip in the middle weeks shows in the trend.
    const scores = trend.map((p) => p.summary!.score!);
    assert.ok(Math.min(...scores.slice(2, 6)) < Math.min(scores[0], scores[7]), scores.join(' '));
    assert.ok(store.records.every((r) => r.channel === pulseChannel && r.ts && r.counts && Object.keys(r.counts).every((k) => s.options.some((o) => o.reaction === k))));
    assert.doesNotMatch(JSON.stringify(store.records), /U0[A-Z0-9]+/, 'who answered is never kept');
    // Once pulses are stored, the channel is not searched again.
    await readTeamPulse(deps(), s);
    assert.equal(fx.slackCalls('conversations.history'), 1);
    // And Send Team Pulse finds this week's instead of posting another.
    assert.equal((await sendPulse(deps(), s)).kind, 'alreadySent');
  });

  it('asks Slack nothing when no pulse is stored and no channel is set', async () => {
    assert.equal(await readTeamPulse(deps(), { ...settings, slackChannel: undefined }), 0);
    assert.equal(fx.sandbox.requests.filter((r) => r.path.includes('/slack/')).length, 0);
  });
});
