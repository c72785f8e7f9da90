// Any link the user clicks (in a notification, a hover, a Markdown page) can run a command with
// arguments of the link's choosing. These tests run the commands the way such a link would and
// check that the arguments carry no authority: no token is used, and no pull request the Review
// Queue does not show is acted on.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO } from '../sandbox/testing/demoLogins';
import { hostEnv, leadDeskExtension, leadDeskLogText, sandboxFetch, sandboxRequests, waitFor } from './hostEnv';

/** A pull request the lead is not asked to review (acme/web#91 asks sofia), with a web address that runs a command. */
const forged = {
  owner: 'acme',
  repo: 'web',
  number: 91,
  title: 'Upgrade to React 19',
  url: 'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D',
};

async function resetSandboxLog(): Promise<void> {
  const res = await sandboxFetch('/_sandbox/reset-log', { method: 'POST' });
  assert.equal(res.ok, true, `POST /_sandbox/reset-log answered ${res.status}`);
}

async function logLines(text: string): Promise<string[]> {
  return (await leadDeskLogText()).text.split('\n').filter((line) => line.includes(text));
}

/**
 * Counts the Lead Desk log's lines containing `text` now; the returned function waits until there is
 * one more (the log reaches its file a little later), so an earlier test's line does not count.
 */
async function logMark(text: string): Promise<() => Promise<unknown>> {
  const before = (await logLines(text)).length;
  return () => waitFor(`a new "${text}" line in the Lead Desk log`, async () => ((await logLines(text)).length > before ? true : undefined));
}

describe('command arguments', () => {
  before(async () => {
    await leadDeskExtension().activate();
    // The queue must have loaded once, so that "not shown" means the queue was looked at.
    await vscode.commands.executeCommand('leadDesk.refresh');
  });

  it('adversarial: leadDesk.signInWithToken given a token argument does not sign in with it', async function () {
    this.timeout(60_000);
    await resetSandboxLog();
    const warned = await logMark('ignored the arguments passed to the command');
    {
      let settled = false;
      const run = Promise.resolve(vscode.commands.executeCommand('leadDesk.signInWithToken', DEMO.priyaToken)).finally(() => {
        settled = true;
      });
      // The command asks for the token; nobody types one. Closing the input box is what a person
      // pressing Escape does, and the command then returns without signing in. Before the box is up
      // the close does nothing, so it is repeated until the command has returned.
      await waitFor('the sign-in command to return after its input box is closed', async () => {
        if (settled) return true;
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return undefined;
      }, 30_000);
      await run;
    }

    const asPriya = (await sandboxRequests()).filter((r) => r.login === 'priya');
    assert.deepEqual(asPriya.map((r) => `${r.method} ${r.path}`), [], 'the token passed as an argument reached GitHub');
    await warned();

    // The account is unchanged: the next refresh still reaches GitHub as the lead.
    await resetSandboxLog();
    await vscode.commands.executeCommand('leadDesk.refresh');
    const logins = [...new Set((await sandboxRequests()).map((r) => r.login).filter(Boolean))];
    assert.deepEqual(logins, [hostEnv.expectedLogin], 'after the command, Lead Desk reached GitHub as someone else');
  });

  it('adversarial: a queue command given a pull request the queue does not show refuses it', async () => {
    const sentinel = `clipboard before the command ${Date.now()}`;
    await vscode.env.clipboard.writeText(sentinel);
    const refused = await logMark('refused a queue command for acme/web#91: the queue does not show it');
    await vscode.commands.executeCommand('leadDesk.copyPullRequestLink', { pullRequest: forged });
    assert.equal(await vscode.env.clipboard.readText(), sentinel, 'the forged web address was copied');
    await refused();

    // An argument that is not a pull request at all is refused too, so nothing is opened.
    const refusedText = await logMark('refused a queue command: its argument is not a pull request from the queue (string)');
    await vscode.commands.executeCommand('leadDesk.openPullRequest', forged.url);
    await refusedText();
  });

  it('adversarial: leadDesk.delegatePullRequest given a pull request the queue does not show refuses it', async function () {
    this.timeout(60_000);
    const refused = await logMark('refused a queue command for acme/web#91: the queue does not show it');
    const state = await vscode.commands.executeCommand('leadDesk.delegatePullRequest', { pullRequest: forged });
    assert.equal(state, undefined, `delegation ran for a pull request the queue does not show: ${JSON.stringify(state)}`);
    await refused();
  });
});
