import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, leadDeskLogText, sandboxFetch, sandboxRequests, waitFor, type LoggedRequest } from './hostEnv';
import { recordToasts } from './focus/recordToasts';

// What happens after the lead acts on a pull request from the queue: the review opens somewhere to
// review it, and a handoff moves the pull request out of Needs my review at once.

interface OpenedForReview {
  tool: 'pullRequestExtension' | 'browser';
  target: string;
}

const pr93 = { owner: 'acme', repo: 'web', number: 93 };
const pr412 = { owner: 'acme', repo: 'api', number: 412 };
const isQueueQuery = (r: LoggedRequest & { graphqlOperation?: string }) => r.method === 'POST' && /^(\/api)?\/graphql/.test(r.path) && r.graphqlOperation === 'LeadDeskQueue';

/** "Needs my review (16)" in the last `groups:` line of `text`. */
function needsReviewCount(text: string): number | undefined {
  const lines = text.match(/\[queue\] groups: .*$/gm) ?? [];
  const m = /Needs my review \((\d+)\)/.exec(lines.at(-1) ?? '');
  return m ? Number(m[1]) : undefined;
}

describe('queue flows', () => {
  type OpenExternal = typeof vscode.env.openExternal;
  const opened: string[] = [];
  let realOpenExternal: OpenExternal;

  before(async function () {
    this.timeout(60_000);
    await leadDeskExtension().activate();
    // VS Code leaves `env` patchable in an extension host that runs tests: the browser is recorded, not opened.
    realOpenExternal = vscode.env.openExternal;
    Object.assign(vscode.env, { openExternal: (uri: vscode.Uri) => (opened.push(uri.toString(true)), Promise.resolve(true)) });
    await vscode.commands.executeCommand('leadDesk.queue.focus');
  });

  after(async () => {
    Object.assign(vscode.env, { openExternal: realOpenExternal });
    const focus = await vscode.commands.executeCommand<{ state: { block?: unknown } } | undefined>('leadDesk.inspectFocus');
    if (focus?.state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.handoffComment', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('leadDesk').update('delegation.removeMyRequest', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Start Review Block starts the block and opens the pull request in the browser when GitHub Pull Requests is not installed', async function () {
    this.timeout(60_000);
    assert.equal(vscode.extensions.getExtension('GitHub.vscode-pull-request-github'), undefined, 'this host has no GitHub Pull Requests extension');
    const started = await vscode.commands.executeCommand<{ pullRequest: { url: string; title: string }; opened: OpenedForReview } | undefined>('leadDesk.startReviewBlock', { pullRequest: pr93 });
    assert.ok(started, 'the review block did not start');
    assert.match(started.pullRequest.url, /^https?:\/\/.+\/acme\/web\/pull\/93$/);
    assert.deepEqual(started.opened, { tool: 'browser', target: started.pullRequest.url });
    assert.deepEqual(opened, [started.pullRequest.url]);
    const focus = await vscode.commands.executeCommand<{ state: { block?: { type: string; label?: string } } }>('leadDesk.inspectFocus');
    assert.equal(focus.state.block?.type, 'review');
    assert.equal(focus.state.block?.label, started.pullRequest.title);
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  it('Open Pull Request goes to the browser too, with the queue\'s address', async () => {
    opened.length = 0;
    const result = await vscode.commands.executeCommand<OpenedForReview | undefined>('leadDesk.openPullRequest', { pullRequest: { ...pr93, url: 'https://evil.example/acme/web/pull/93' } });
    assert.equal(result?.tool, 'browser');
    assert.match(opened[0] ?? '', /\/acme\/web\/pull\/93$/);
    assert.doesNotMatch(opened[0], /evil\.example/, 'the address came from the argument, not the queue');
  });

  it('Delegate… and Start Review Block from the palette offer the queue\'s pull requests in the one picker', async function () {
    this.timeout(120_000);
    type Offered = vscode.QuickPickItem & { value?: unknown };
    const offered: Offered[][] = [];
    /**
     * Runs a command without an argument; its picker answers as Enter on its first entry would.
     * Accepted from this host through the workbench, the answer could arrive before the picker's
     * entries had (a picker is shown, then given its entries): the UI run presses the real keys.
     */
    const pickFirst = async <T>(command: string): Promise<T | undefined> => {
      const window = vscode.window as { showQuickPick: unknown };
      const original = window.showQuickPick;
      window.showQuickPick = async (items: readonly Offered[] | Thenable<readonly Offered[]>) => {
        const list = [...(await items)];
        offered.push(list);
        return list[0];
      };
      try {
        return await vscode.commands.executeCommand<T>(command);
      } finally {
        window.showQuickPick = original;
      }
    };
    const delegated = await pickFirst<{ kind: string; subject?: { kind: string; pull?: { owner: string; repo: string; number: number } } }>('leadDesk.delegatePullRequest');
    assert.equal(delegated?.subject?.kind, 'pullRequest', `Delegate… took no pull request from the picker: ${JSON.stringify(delegated)}`);
    const started = await pickFirst<{ pullRequest: { owner: string; repo: string; number: number; url: string } }>('leadDesk.startReviewBlock');
    assert.ok(started, 'Start Review Block took no pull request from the picker');
    // Both offered the queue's first pull request, with the queue's own address.
    assert.deepEqual([started.pullRequest.owner, started.pullRequest.repo, started.pullRequest.number], [delegated.subject.pull?.owner, delegated.subject.pull?.repo, delegated.subject.pull?.number]);
    assert.match(started.pullRequest.url, /^https?:\/\//);
    // One picker: the same entries, the queue's pull requests, first the one both took.
    assert.equal(offered.length, 2);
    assert.deepEqual(offered[1].map((i) => i.label), offered[0].map((i) => i.label).filter((label) => offered[1].some((i) => i.label === label)));
    assert.match(offered[0][0].label, new RegExp(`^${started.pullRequest.repo}#${started.pullRequest.number} `));
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  it('a handoff that withdraws the lead\'s request takes the pull request out of Needs my review at once, then confirms it', async function () {
    this.timeout(120_000);
    const config = vscode.workspace.getConfiguration('leadDesk');
    await config.update('delegation.handoffComment', 'never', vscode.ConfigurationTarget.Global);
    await config.update('delegation.removeMyRequest', 'always', vscode.ConfigurationTarget.Global);
    const before = await waitFor('the queue groups in the Lead Desk log', async () => needsReviewCount((await leadDeskLogText()).text));
    const logStart = (await leadDeskLogText()).text.length;
    const state = await vscode.commands.executeCommand<{ kind: string; rows?: Array<{ login?: string; alreadyRequested?: boolean }> }>('leadDesk.delegatePullRequest', { pullRequest: pr412 });
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    const someone = state.rows?.find((r) => r.login && !r.alreadyRequested)?.login;
    assert.ok(someone, `nobody left to ask: ${JSON.stringify(state.rows)}`);
    const requestsBefore = (await sandboxRequests()).length;

    const result = await vscode.commands.executeCommand<{ removedOwnRequest?: boolean } | undefined>('leadDesk.requestReviewFrom', { login: someone });
    assert.equal(result?.removedOwnRequest, true, 'the lead\'s own request was not withdrawn');
    const log = await waitFor('the withdrawn request in the Lead Desk log', async () => {
      const text = (await leadDeskLogText()).text.slice(logStart);
      return /acme\/api#412: your review request was withdrawn[^\n]*\n[^\n]*groups: /.test(text) ? text : undefined;
    }, 30_000);
    // The first groups line after the handoff is the one shown at once, before any refresh answered.
    const shownAtOnce = log.slice(log.indexOf('acme/api#412: your review request was withdrawn'));
    assert.equal(needsReviewCount(shownAtOnce.slice(0, shownAtOnce.indexOf('\n', shownAtOnce.indexOf('groups: ')))), before - 1);

    // A refresh right after, not the five-minute timer, confirms it with GitHub's own answer.
    const confirming = await waitFor('the confirming queue refresh', async () => (await sandboxRequests()).slice(requestsBefore).find(isQueueQuery), 30_000);
    assert.equal(confirming.status, 200);
    const confirmed = await waitFor('the confirmed groups in the Lead Desk log', async () => {
      const text = (await leadDeskLogText()).text.slice(logStart);
      return (text.match(/groups: /g) ?? []).length >= 2 ? text : undefined;
    }, 30_000);
    assert.equal(needsReviewCount(confirmed), before - 1);
  });

  it('a handoff whose withdrawal GitHub refuses puts the pull request back in Needs my review at once, with one message', async function () {
    this.timeout(120_000);
    const config = vscode.workspace.getConfiguration('leadDesk');
    await config.update('delegation.handoffComment', 'never', vscode.ConfigurationTarget.Global);
    await config.update('delegation.removeMyRequest', 'always', vscode.ConfigurationTarget.Global);
    const lastCount = async () => needsReviewCount((await leadDeskLogText()).text);
    const before = await waitFor('the queue groups in the Lead Desk log', lastCount);
    // A pull request only this test hands over: the lead was asked to review it an hour ago.
    const pr995 = { owner: 'acme', repo: 'api', number: 995 };
    const added = await sandboxFetch('/_sandbox/pulls', { method: 'POST', body: JSON.stringify({ repo: 'acme/api', number: 995, title: 'Trim webhook payload logs', author: 'priya', createdAt: '-1h', files: [{ path: 'src/webhooks/log.ts', additions: 6, deletions: 2 }], reviewRequests: [{ user: 'lead', requestedAt: '-1h' }] }) });
    assert.equal(added.status, 201, await added.text());
    await vscode.commands.executeCommand('leadDesk.refresh');
    const listed = await waitFor('acme/api#995 in Needs my review', async () => ((await lastCount()) === before + 1 ? before + 1 : undefined), 30_000);
    const state = await vscode.commands.executeCommand<{ kind: string; rows?: Array<{ login?: string; alreadyRequested?: boolean }> }>('leadDesk.delegatePullRequest', { pullRequest: pr995 });
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    const someone = state.rows?.find((r) => r.login && !r.alreadyRequested && r.login !== 'priya')?.login;
    assert.ok(someone, `nobody left to ask: ${JSON.stringify(state.rows)}`);

    const fault = await sandboxFetch('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ match: 'DELETE /repos/acme/api/pulls/995/requested_reviewers', fault: { kind: 'status', status: 422 } }) });
    assert.equal(fault.status, 201, await fault.text());
    const logStart = (await leadDeskLogText()).text.length;
    const requestsBefore = (await sandboxRequests()).length;
    const toasts = recordToasts();
    let result: { removedOwnRequest?: boolean; removeError?: unknown } | undefined;
    try {
      result = await vscode.commands.executeCommand<{ removedOwnRequest?: boolean; removeError?: unknown } | undefined>('leadDesk.requestReviewFrom', { login: someone });
    } finally {
      toasts.restore();
    }
    assert.equal(result?.removedOwnRequest, false, 'GitHub refused the withdrawal');

    // Out of Needs my review while GitHub was asked, back in it as soon as the withdrawal failed.
    const log = (await leadDeskLogText()).text.slice(logStart);
    const groupsAfter = (marker: string) => {
      const at = log.indexOf(marker);
      assert.ok(at >= 0, `"${marker}" in the log:\n${log}`);
      const line = log.slice(log.indexOf('groups: ', at));
      return needsReviewCount(`[queue] ${line.slice(0, line.indexOf('\n'))}`);
    };
    assert.equal(groupsAfter('acme/api#995: withdrawing your review request; shown at once'), listed - 1);
    assert.equal(groupsAfter('acme/api#995: your review request was not withdrawn; back in the queue'), listed);

    // One message, that says what was done, what failed and where the pull request is.
    const about = toasts.shown.filter((t) => t.includes('api#995'));
    assert.equal(about.length, 1, JSON.stringify(toasts.shown));
    assert.match(about[0], new RegExp(`^warning: Asked @${someone} to review acme/api#995, but your own request was not removed \\(.+\\)\\. It stays in Needs my review; remove your request on GitHub, or hand it over again\\. \\[.*\\]$`));

    // Nothing lost: the new reviewer was asked, and the refused withdrawal left the lead's request on GitHub.
    const sent = (await sandboxRequests()).slice(requestsBefore).filter((r) => r.path.startsWith('/repos/acme/api/pulls/995/requested_reviewers') || r.path.startsWith('/api/v3/repos/acme/api/pulls/995/requested_reviewers'));
    assert.deepEqual(sent.map((r) => `${r.method} ${r.status}`).filter((m) => m !== 'GET 200'), ['POST 201', 'DELETE 422']);
    await vscode.commands.executeCommand('leadDesk.refresh');
    const refreshed = await waitFor('the queue after a refresh', async () => {
      const text = (await leadDeskLogText()).text.slice(logStart);
      return (text.match(/groups: /g) ?? []).length >= 3 ? text : undefined;
    }, 30_000);
    assert.equal(needsReviewCount(refreshed), listed, 'GitHub still asks the lead, and the queue says so');
  });
});
