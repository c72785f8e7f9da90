// Inside a real VS Code: Send Team Pulse posts once to the sandbox's Slack, the answers are read
// back as counts, and the Team view shows the pulse with its trend and the team's review load.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { hostEnv, leadDeskExtension, leadDeskLogText, sandboxFetch, sandboxRequests, sharedStateFile, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor, waitForLogLine } from './hostEnv';

// The demo scenario's Slack credentials and team channel (test/sandbox/scenarios/demo.json).
const leadSlackToken = 'xoxp-sandbox-lead-pulse-0004';
const priyaSlackToken = 'xoxp-sandbox-priya-0003';
const teamChannel = 'C0TEAM0001';

interface Inspection {
  state: { pulseNote?: string; trend: Array<{ week: string; summary?: { responses: number; score?: number } }>; team: { kind: string; rows?: Array<{ login: string; openRequests: number }> } };
  roots: Array<{ kind: string; id: string; label?: string; description?: string }>;
}

const config = () => vscode.workspace.getConfiguration('leadDesk');
const inspect = () => vscode.commands.executeCommand<Inspection>('leadDesk.inspectTeam');
const posts = async () => (await sandboxRequests()).filter((r) => r.route === 'slack chat.postMessage' && r.status === 200).length;

async function slack(method: string, token: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await sandboxFetch(`/slack/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}

/** Lead Desk: Connect Slack, with the lead's token typed into the box it asks in. */
async function connectSlack(): Promise<void> {
  const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
  const original = window.showInputBox;
  window.showInputBox = () => Promise.resolve(leadSlackToken);
  try {
    await vscode.commands.executeCommand('leadDesk.connectSlack');
  } finally {
    window.showInputBox = original;
  }
}

describe('team pulse and Team view', () => {
  const settings: Array<[string, unknown]> = [
    ['focus.slack.apiUrl', `${hostEnv.sandboxUrl}/slack/api/`],
    // With the guard on, Connect Slack only reports; it does not wait for a button.
    ['focus.slack.enabled', true],
    ['pulse.slackChannel', teamChannel],
    ['team', ['priya', 'marco', 'jin', 'sofia', 'dan']],
  ];

  before(async function () {
    this.timeout(60_000);
    await leadDeskExtension().activate();
    for (const [key, value] of settings) await config().update(key, value, vscode.ConfigurationTarget.Global);
    await connectSlack();
  });

  after(async () => {
    await vscode.commands.executeCommand('leadDesk.disconnectSlack');
    for (const [key] of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('posts the pulse once, however often it is sent', async function () {
    this.timeout(60_000);
    assert.equal(await posts(), 0);
    assert.equal(await vscode.commands.executeCommand('leadDesk.sendTeamPulse'), 'posted');
    assert.equal(await vscode.commands.executeCommand('leadDesk.sendTeamPulse'), 'alreadySent');
    assert.equal(await posts(), 1);
  });

  it('reads back the reaction counts and shows the pulse, its trend and the team', async function () {
    this.timeout(60_000);
    const history = await slack('conversations.history', leadSlackToken, { channel: teamChannel });
    const ts = (history.messages as Array<{ ts: string }>)[0].ts;
    assert.deepEqual(await slack('reactions.add', priyaSlackToken, { channel: teamChannel, timestamp: ts, name: 'slightly_smiling_face' }), { ok: true });
    await vscode.commands.executeCommand('workbench.view.extension.leadDesk');
    await vscode.commands.executeCommand('leadDesk.refreshTeam');
    const shown = await waitFor('the Team view to show the team', async () => {
      const i = await inspect();
      return i.state.team.kind === 'ready' ? i : undefined;
    }, 30_000);
    assert.equal(shown.state.pulseNote, undefined);
    const thisWeek = shown.state.trend.at(-1)!;
    assert.equal(shown.state.trend.length, 8);
    assert.equal(thisWeek.summary?.responses, 1, `${JSON.stringify(shown)} ${JSON.stringify((await sandboxRequests()).filter((r) => r.route.startsWith('slack')).map((r) => [r.route, r.status]))}`);
    assert.equal(thisWeek.summary?.score, 4);
    const pulse = shown.roots.find((r) => r.kind === 'pulse')!;
    assert.match(pulse.label!, /: 4\.0 of 5 · 1 answer$/);
    assert.match(pulse.description!, /^·{7}▆$/);
    assert.ok(shown.roots.some((r) => r.id === 'team/firstReview' && /^First review: /.test(r.label!)));
    assert.deepEqual(shown.roots.filter((r) => r.kind === 'teammate').map((r) => r.id.replace('teammate/', '')).sort(), ['dan', 'jin', 'marco', 'priya', 'sofia']);
    assert.equal((await sandboxRequests()).filter((r) => r.route === 'slack reactions.get').length >= 1, true);
  });

  it('reads the answers again as soon as Slack is disconnected or connected, without a refresh', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('leadDesk.team.focus');
    const note = (expected: string | undefined) => async () => {
      const i = await inspect();
      return i.state.pulseNote === expected ? i : undefined;
    };
    await vscode.commands.executeCommand('leadDesk.disconnectSlack');
    await waitFor('the Team view to ask for Slack', note('Connect Slack to read the pulse answers'), 30_000);
    await connectSlack();
    await waitFor('the Team view to show the answers again', note(undefined), 30_000);
  });

  it("shows a pulse another window stored as soon as it is stored, with this window's own writes not taken for it", async function () {
    this.timeout(60_000);
    const key = 'leadDesk.pulse.history';
    const original = await readFile(sharedStateFile(key), 'utf8');
    const records = JSON.parse(original) as Array<{ week: string }>;
    assert.ok(records.length > 0, 'a pulse was sent by the tests before');
    const since = (await leadDeskLogText()).text.length;
    // This window reads the answers again and stores what it read: that is not another window's change.
    await vscode.commands.executeCommand('leadDesk.refreshTeam');
    const marker = /\[pulse\] the pulse history changed in another window/;
    try {
      // Another window forgets this week's pulse (the history is kept newest first): the trend loses its last answer.
      await storeAsAnotherWindow(key, JSON.stringify(records.slice(1)));
      await waitForLogLine('this window to notice the pulse history another window stored', since, marker);
      const log = (await leadDeskLogText()).text.slice(since);
      assert.equal(log.match(new RegExp(marker, 'g'))?.length, 1, `only the other window's change is taken for one:\n${log}`);
      const shown = await inspect();
      assert.equal(shown.state.trend.at(-1)?.summary, undefined, 'this week has no pulse any more');
    } finally {
      await storeAsAnotherWindowAndWait(key, original, 'this window to notice the pulse history restored', marker);
    }
  });
});
