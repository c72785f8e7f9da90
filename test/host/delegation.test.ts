// Inside a real VS Code: the Delegation view's command, for a pull request of the demo scenario,
// reads the workspace's real git history, asks the sandbox for load and availability, and
// produces ranked candidates; copying the handoff message and requesting a review work too.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { hostEnv, leadDeskExtension, sandboxFetch, sandboxRequests, waitFor } from './hostEnv';
import { rootNodes } from '../../src/vscode/delegation/delegationTreeProvider';
import { ViewItem } from '../../src/core/viewItems';

const run = promisify(execFile);
// The real binary, so these setup commands stay out of the git shim's log.
const gitBinary = existsSync('/usr/bin/git') ? '/usr/bin/git' : 'git';

interface Row {
  id: string;
  name: string;
  login?: string;
  reason: string;
  available?: boolean;
  openReviews?: number;
  notRequestable?: string;
}
interface State {
  kind: string;
  rows?: Row[];
  notes?: string[];
  message?: string;
}

async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(gitBinary, args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env } });
  return stdout;
}

async function commitAs(dir: string, who: { name: string; email: string }, files: string[], daysAgo: number): Promise<void> {
  for (const f of files) {
    await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await writeFile(path.join(dir, f), `// ${who.name} ${daysAgo}\n`);
  }
  const date = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', `Work on ${files[0]}`], { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date });
}

const pr412 = { owner: 'acme', repo: 'api', number: 412, title: 'Retry webhook deliveries with backoff', url: '', author: 'priya' };

describe('delegation view', () => {
  let workspace: string;

  before(async function () {
    this.timeout(120_000);
    await leadDeskExtension().activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host suite needs a workspace folder');
    workspace = folder.uri.fsPath;
    // The workspace becomes a clone of acme/api with a little history by the demo team.
    await git(workspace, ['remote', 'add', 'origin', 'https://github.com/acme/api.git']).catch(() => git(workspace, ['remote', 'set-url', 'origin', 'https://github.com/acme/api.git']));
    const marco = { name: 'Marco Rossi', email: 'marco@users.noreply.github.com' };
    const jin = { name: 'Jin Park', email: '2001+jin@users.noreply.github.com' };
    const sofia = { name: 'Sofía Herrera', email: 'sofia@acme.example' };
    const priya = { name: 'Priya Natarajan', email: 'priya@users.noreply.github.com' };
    for (let i = 0; i < 5; i++) await commitAs(workspace, marco, ['src/webhooks/dispatcher.ts', 'test/webhooks/dispatcher.test.ts'], 40 - i);
    for (let i = 0; i < 3; i++) await commitAs(workspace, jin, ['src/webhooks/backoff.ts'], 30 - i);
    for (let i = 0; i < 2; i++) await commitAs(workspace, sofia, ['src/webhooks/dispatcher.ts'], 20 - i);
    for (let i = 0; i < 4; i++) await commitAs(workspace, priya, ['src/webhooks/dispatcher.ts', 'src/webhooks/backoff.ts'], 10 - i);
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.handoffComment', 'never', vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.removeMyRequest', 'never', vscode.ConfigurationTarget.Global);
    await fetch(`${hostEnv.sandboxUrl}/_sandbox/reset-log`, { method: 'POST' });
  });

  after(async () => {
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.handoffComment', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.removeMyRequest', undefined, vscode.ConfigurationTarget.Global);
  });

  it('ranks candidates for a demo pull request from git history, load and availability', async function () {
    this.timeout(120_000);
    const state = await vscode.commands.executeCommand<State>('leadDesk.delegatePullRequest', { pullRequest: pr412 });
    assert.equal(state.kind, 'ready', `expected suggestions, got ${JSON.stringify(state)}`);
    const rows = state.rows ?? [];
    assert.ok(rows.length >= 2, `expected at least two candidates, got ${JSON.stringify(rows)}`);
    assert.ok(rows.length <= 3);
    const logins = rows.map((r) => r.login);
    assert.ok(!logins.includes('priya'), 'the author was suggested');
    assert.ok(!logins.includes(hostEnv.expectedLogin), 'the lead was suggested');
    const marco = rows.find((r) => r.login === 'marco');
    assert.ok(marco, `Marco wrote most of these files: ${JSON.stringify(rows)}`);
    assert.match(marco.reason, /\d+ commits? (in|on) /);
    assert.equal(typeof marco.openReviews, 'number', 'load was read from GitHub');
    assert.equal(marco.available, true);
    // A busy expert is shown as busy, below the available people, not dropped.
    const jin = rows.find((r) => r.login === 'jin');
    assert.ok(jin, `Jin worked on backoff.ts: ${JSON.stringify(rows)}`);
    assert.equal(jin.available, false, 'Jin is on holiday (Busy) in the demo scenario');
    assert.equal(rows[rows.length - 1].login, 'jin');

    const operations = (await sandboxRequests()).map((r) => (r as { graphqlOperation?: string }).graphqlOperation).filter(Boolean);
    assert.equal(operations.filter((o) => o === 'LeadDeskHandoffSignals').length, 1, `one request for the load, availability and access of all candidates: ${operations.join(', ')}`);
    assert.ok(!operations.some((o) => o === 'LeadDeskReviewLoad' || o === 'LeadDeskAvailability' || o === 'LeadDeskReviewAccess'), operations.join(', '));
  });

  it('marks a person the repository cannot ask for a review, and offers no request for them', () => {
    const row = { id: 'e:gus@users.noreply.github.com', name: 'Gus Former', login: 'gus', reason: '2 commits in src/webhooks/', codeOwner: false, alreadyRequested: false, score: 0.4, canReview: false };
    const nodes = rootNodes({ kind: 'ready', subject: { kind: 'pullRequest', pull: pr412 }, rows: [row, { ...row, id: 'marco', name: 'Marco Rossi', login: 'marco', canReview: true }], notes: [], area: 'src/webhooks/', history: '14 commits', shallow: false });
    const [gus, marco] = nodes as Array<(typeof nodes)[number] & { contextValue(): string }>;
    const labels = (node: (typeof nodes)[number]) => node.childNodes().map((n) => n.render().label as string);
    assert.ok(labels(gus).includes('Cannot be requested: no access to this repository'), labels(gus).join(' | '));
    assert.equal(gus.contextValue(), ViewItem.delegation.candidate({ canRequest: false, onPullRequest: true }));
    assert.match(String((gus.render().tooltip as vscode.MarkdownString).value), /no access to this repository/);
    assert.ok(!labels(marco).some((l) => /no access/.test(l)));
    assert.equal(marco.contextValue(), ViewItem.delegation.candidate({ canRequest: true, onPullRequest: true }));
  });

  it('keeps the suggestions on screen, to act on, while they are worked out again', async function () {
    this.timeout(60_000);
    await sandboxFetch('/_sandbox/reset-log', { method: 'POST' });
    // GitHub answers the refresh's first questions slowly, so it is surely under way below.
    await sandboxFetch('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ match: 'POST /graphql', fault: [1, 2, 3].map(() => ({ kind: 'delay', ms: 2_000 })) }) });
    try {
      const refreshing = vscode.commands.executeCommand<State>('leadDesk.refreshDelegation');
      await waitFor('the refresh to ask GitHub', async () => ((await sandboxRequests()).length > 0 ? true : undefined));
      const text = await vscode.commands.executeCommand<string>('leadDesk.copyHandoffMessage', { login: 'marco' });
      assert.match(text ?? '', /^@marco could you take the first pass/, 'the rows shown before the refresh are still there to act on');
      assert.equal((await refreshing).kind, 'ready');
    } finally {
      await sandboxFetch('/_sandbox/faults/clear', { method: 'POST' });
    }
  });

  it('copies the handoff message for a candidate', async () => {
    const text = await vscode.commands.executeCommand<string>('leadDesk.copyHandoffMessage', { login: 'marco' });
    assert.match(text, /^@marco could you take the first pass\? You know .+ best\.$/);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it("ignores a repository's own settings for what is posted under the lead's name", async () => {
    // A cloned repository ships .vscode/settings.json. Lead Desk must keep the lead's own
    // handoff message and comment choice; statusBarCount shows when VS Code has read the file.
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    await mkdir(path.dirname(settingsFile), { recursive: true });
    await writeFile(settingsFile, JSON.stringify({
      'leadDesk.delegation.handoffTemplate': 'Click [here](command:workbench.action.terminal.sendSequence) {login}',
      'leadDesk.delegation.handoffComment': 'always',
      'leadDesk.queue.statusBarCount': false,
    }));
    const section = () => vscode.workspace.getConfiguration('leadDesk');
    try {
      await waitFor('VS Code to read the workspace settings', () => (section().inspect('queue.statusBarCount')?.workspaceValue === false ? true : undefined));
      assert.equal(section().get('delegation.handoffComment'), 'never', 'the lead set "never" in user settings');
      const text = await vscode.commands.executeCommand<string>('leadDesk.copyHandoffMessage', { login: 'marco' });
      assert.match(text, /^@marco could you take the first pass\? You know .+ best\.$/);
    } finally {
      await rm(path.dirname(settingsFile), { recursive: true, force: true });
      await waitFor('VS Code to drop the workspace settings', () => (section().inspect('queue.statusBarCount')?.workspaceValue === undefined ? true : undefined));
    }
  });

  it('requests the review on GitHub', async function () {
    this.timeout(60_000);
    const result = await vscode.commands.executeCommand<{ requestedReviewers: string[] } | undefined>('leadDesk.requestReviewFrom', { login: 'marco' });
    assert.ok(result, 'the request did not go through');
    assert.ok(result.requestedReviewers.includes('marco'));
    const posted = (await sandboxRequests()).filter((r) => r.method === 'POST' && /\/pulls\/412\/requested_reviewers$/.test(r.path));
    assert.equal(posted.length, 1);
    assert.equal(posted[0].status, 201);
  });

  it('answers "Who Knows This File?" for a file in the workspace', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.file(path.join(workspace, 'src', 'webhooks', 'backoff.ts'));
    const state = await vscode.commands.executeCommand<State>('leadDesk.whoKnowsThisFile', uri);
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    // Without a pull request there is no author to leave out: Priya wrote most of backoff.ts, and
    // she is shown although her status says Busy.
    const priya = state.rows?.find((r) => r.login === 'priya');
    assert.ok(priya, JSON.stringify(state.rows));
    assert.equal(priya.available, false);
    assert.ok(!state.rows?.some((r) => r.name === 'Lead Desk Tests'), 'someone who never touched the file was suggested');
  });

  it('says plainly when only the lead has changed a file, and offers the people who know its folder', async function () {
    this.timeout(60_000);
    // The lead commits with a work address GitHub links to nobody; the GitHub name says it is them.
    await commitAs(workspace, { name: 'Lee Adams', email: 'lee@acme.example' }, ['src/webhooks/signing.ts'], 400);
    await commitAs(workspace, { name: 'Lee Adams', email: 'lee@acme.example' }, ['src/webhooks/signing.ts'], 3);
    const uri = vscode.Uri.file(path.join(workspace, 'src', 'webhooks', 'signing.ts'));
    const state = await vscode.commands.executeCommand<State & { subject: unknown; history: string; shallow: boolean; busFactor?: { text: string; folder: string } }>('leadDesk.whoKnowsThisFile', uri);
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    // The history of this workspace starts with the lead's commit 400 days ago: "1 year", not the window's 3.
    assert.deepEqual(state.busFactor, { text: 'Only you have changed this file in 1 year.', folder: 'src/webhooks/' });
    const logins = state.rows?.map((r) => r.login) ?? [];
    assert.ok(logins.includes('priya') && logins.includes('marco'), JSON.stringify(state.rows));
    assert.ok(!state.rows?.some((r) => r.name === 'Lee Adams'), 'the lead was offered their own file');
    // What the view shows: the warning first, then whose people the list holds.
    const lines = rootNodes(state as unknown as Parameters<typeof rootNodes>[0]).map((n) => n.render());
    assert.equal(lines[0].label, 'Only you have changed this file in 1 year.');
    assert.equal((lines[0].iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(lines[1].label, 'People who know src/webhooks/:');
  });
});
