import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { StateKey } from '../../src/vscode/ids';
import { hostEnv, leadDeskExtension, leadDeskLogText, sandboxFetch, sandboxRequests, sharedStateFile, storeAsAnotherWindow, storeAsAnotherWindowAndWait, waitFor, type LoggedRequest } from './hostEnv';

const isQueueQuery = (r: LoggedRequest & { graphqlOperation?: string }) => r.method === 'POST' && /^(\/api)?\/graphql/.test(r.path) && r.graphqlOperation === 'LeadDeskQueue';

describe('review queue', () => {
  let groupsLine: string;
  let queueRequests: Array<LoggedRequest & { graphqlCost?: number; graphqlOperation?: string }>;

  before(async () => {
    await leadDeskExtension().activate();
    const reset = await fetch(`${hostEnv.sandboxUrl}/_sandbox/reset-log`, { method: 'POST' });
    assert.equal(reset.ok, true, `POST /_sandbox/reset-log answered ${reset.status}`);
    const logBefore = (await leadDeskLogText().catch(() => ({ text: '' }))).text.length;
    // Showing the view is what starts the first fetch.
    await vscode.commands.executeCommand('leadDesk.queue.focus');
    groupsLine = await waitFor('the queue groups in the Lead Desk log', async () => {
      const { text } = await leadDeskLogText();
      return /\[queue\] groups: .*$/m.exec(text.slice(logBefore))?.[0];
    }, 30_000);
    // The groups are logged once the answer is parsed, so the query is in the sandbox's log by now.
    queueRequests = (await sandboxRequests()).filter(isQueueQuery);
  });

  it('fetches once, with one GraphQL request, when the view is shown', () => {
    assert.equal(queueRequests.length, 1, `queue requests: ${queueRequests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
    assert.equal(queueRequests[0].status, 200);
    assert.ok((queueRequests[0].graphqlCost ?? 99) <= 3, `cost ${queueRequests[0].graphqlCost}`);
    assert.equal(queueRequests[0].login, hostEnv.expectedLogin);
  });

  it('shows the groups of the demo scenario', () => {
    // The demo asks the lead by name on 12 pull requests and through a team on 4; the lead has 5 open ones.
    assert.match(groupsLine, /Needs my review \(16\)/);
    assert.match(groupsLine, /My PRs \(5\)/);
    assert.match(groupsLine, /Stale \(\d+\)/);
  });

  it('logs the cost of the refresh', async () => {
    const { text } = await leadDeskLogText();
    assert.match(text, /\[queue\] queue refresh: 1 GraphQL request, cost [1-3] points?/);
  });

  it("keeps a pin another window made when this one snoozes: each change applies to the pins and snoozes as stored", async () => {
    const file = sharedStateFile('leadDesk.queue.local');
    type Stored = { pins?: string[]; snoozes?: Array<{ key: string }> };
    const read = async () => JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Stored;
    const pr93 = { owner: 'acme', repo: 'web', number: 93 };
    const pr412 = { owner: 'acme', repo: 'api', number: 412 };
    const before = await read();
    assert.ok(!(before.pins ?? []).includes('acme/web#93'), 'acme/web#93 is not pinned yet');
    // Another window pins acme/web#93: its Lead Desk replaces the file whole, through a rename, as this one does.
    await storeAsAnotherWindow('leadDesk.queue.local', JSON.stringify({ ...before, pins: [...(before.pins ?? []), 'acme/web#93'] }));
    try {
      await vscode.commands.executeCommand('leadDesk.snoozeForAnHour', pr412);
      const after = await read();
      assert.ok(after.pins?.includes('acme/web#93'), `the other window's pin was written over: ${JSON.stringify(after)}`);
      assert.ok(after.snoozes?.some((s) => s.key === 'acme/api#412'), `the snooze was not stored: ${JSON.stringify(after)}`);
    } finally {
      await vscode.commands.executeCommand('leadDesk.unsnoozePullRequest', pr412);
      await vscode.commands.executeCommand('leadDesk.unpinPullRequest', pr93);
    }
    const cleaned = await read();
    assert.ok(!(cleaned.pins ?? []).includes('acme/web#93'), `this window unpinned what the other one pinned: ${JSON.stringify(cleaned)}`);
    assert.ok(!(cleaned.snoozes ?? []).some((s) => s.key === 'acme/api#412'), `unsnoozed: ${JSON.stringify(cleaned)}`);
  });

  it('shows a snooze another window made, as soon as it is stored, and its end as soon as it is removed', async () => {
    const original = await readFile(sharedStateFile('leadDesk.queue.local'), 'utf8').catch(() => JSON.stringify({ pins: [], snoozes: [] }));
    const stored = JSON.parse(original) as { pins: string[]; snoozes: object[] };
    /** Writes the file as another window's Lead Desk does, and waits for the groups logged after it. */
    const asAnotherWindow = (text: string): Promise<string> =>
      storeAsAnotherWindowAndWait('leadDesk.queue.local', text, "the groups logged after another window's change", /pins or snoozes changed in another window[^\n]*\n[^\n]*\[queue\] groups: [^\n]*/);
    const until = new Date(Date.now() + 3600_000).toISOString();
    const snoozed = await asAnotherWindow(JSON.stringify({ ...stored, snoozes: [...stored.snoozes, { key: 'acme/api#412', kind: 'hour', snoozedAt: new Date().toISOString(), until }] }));
    assert.match(snoozed, /Snoozed \(1\)/);
    assert.match(snoozed, /Needs my review \(15\)/, 'the snoozed pull request left its group');
    const back = await asAnotherWindow(original);
    assert.doesNotMatch(back, /Snoozed/);
    assert.match(back, /Needs my review \(16\)/);
  });

  it('does not fetch again when the view is shown again while the data is fresh, only when asked to', async () => {
    const logBefore = (await leadDeskLogText()).text.length;
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('leadDesk.queue.focus');
    // A manual refresh is the marker. Had showing the view started a fetch, the refresh would
    // either join it (and say so in the log) or follow it (a third query).
    await vscode.commands.executeCommand('leadDesk.refresh');
    // The channel writes its file a little later: the refresh's cost line comes after the join line.
    const log = await waitFor('the manual refresh in the Lead Desk log', async () => {
      const text = (await leadDeskLogText()).text.slice(logBefore);
      return /queue refresh: \d+ GraphQL request/.test(text) ? text : undefined;
    }, 30_000);
    assert.doesNotMatch(log, /joins the refresh already running/, 'showing the view again started a fetch');
    assert.equal((await sandboxRequests()).filter(isQueueQuery).length, 2, `only the manual refresh fetched again:\n${log}`);
  });

  it('never shows what a refresh running at Sign Out brings back', async () => {
    const signedOutKey = StateKey.signedOut;
    const config = () => vscode.workspace.getConfiguration('leadDesk');
    const draftsBefore = config().inspect<boolean>('queue.includeDrafts')?.globalValue;
    const since = (await leadDeskLogText()).text.length;
    const logSince = async () => (await leadDeskLogText()).text.slice(since);
    await sandboxFetch('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ match: 'graphql LeadDeskQueue', fault: { kind: 'hold' } }) });
    try {
      // A search setting changed: the queue asks GitHub again, which holds the answer back.
      await config().update('queue.includeDrafts', !config().get<boolean>('queue.includeDrafts'), vscode.ConfigurationTarget.Global);
      await waitFor("the queue's query to be held", async () => (((await (await sandboxFetch('/_sandbox/faults/held')).json()) as { held: number }).held > 0 ? true : undefined));
      await storeAsAnotherWindowAndWait(signedOutKey, 'true', "this window to follow another window's Sign Out", /\] not signed in$/m);
      await sandboxFetch('/_sandbox/faults/release', { method: 'POST' });
      await waitFor('the held answer to be fetched', async () => (/\[queue\] queue refresh: \d+ GraphQL request/.test(await logSince()) ? true : undefined));
      // What the answer led to is logged by now; Refresh, refused while signed out, logs after it.
      await vscode.commands.executeCommand('leadDesk.refresh');
      const log = await waitFor('Refresh to be refused', async () => {
        const text = await logSince();
        const refused = /\[error\] refresh from GitHub: NotSignedInError/.exec(text);
        return refused ? text.slice(0, refused.index) : undefined;
      });
      assert.doesNotMatch(log, /\[queue\] groups:/, `the signed-out window showed the pull requests:\n${log}`);
    } finally {
      await sandboxFetch('/_sandbox/faults/clear', { method: 'POST' });
      const signedOut = await readFile(sharedStateFile(signedOutKey)).then(() => true, () => false);
      if (signedOut) await storeAsAnotherWindowAndWait(signedOutKey, undefined, 'this window to be signed in again', /\] signed in to [^\n]+/);
      await config().update('queue.includeDrafts', draftsBefore, vscode.ConfigurationTarget.Global);
    }
  });
});
