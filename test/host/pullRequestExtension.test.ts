import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, leadDeskLogText, waitFor } from './hostEnv';

// Runs in its own extension host, next to a fixture that stands in for GitHub Pull Requests under
// its id (test/host/fixtures/pull-request-extension): the real one cannot be installed offline.
//
// Lead Desk hands the extension's documented URI to VS Code's URL service through `vscode.open`,
// which routes it to the owning extension's URI handler in the desktop and the web workbench alike.
// (`env.openExternal` would not here: code-server's web URL opener declines URIs opened with
// { openExternal: true } and sends them to a desktop app.) So this follows the real route end to
// end, from the command to the handler; `openExternal` is recorded only to prove it is not used,
// since a call would navigate the test's own tab away.

interface HandledUri {
  scheme: string;
  authority: string;
  path: string;
  query: string;
}

const pr93 = { owner: 'acme', repo: 'web', number: 93 };
const handledUris = async () => vscode.commands.executeCommand<HandledUri[]>('leadDeskFixture.pullRequestExtension.handledUris');

describe('opening a pull request in GitHub Pull Requests', () => {
  type OpenExternal = typeof vscode.env.openExternal;
  let realOpenExternal: OpenExternal;
  const calls: vscode.Uri[] = [];

  before(async function () {
    this.timeout(60_000);
    await leadDeskExtension().activate();
    await vscode.commands.executeCommand('leadDesk.queue.focus');
    await waitFor('the queue groups in the Lead Desk log', async () => (/\[queue\] groups: /.test((await leadDeskLogText()).text) ? true : undefined), 30_000);
    // VS Code leaves `env` patchable in an extension host that runs tests.
    realOpenExternal = vscode.env.openExternal;
    Object.assign(vscode.env, { openExternal: (uri: vscode.Uri) => (calls.push(uri), Promise.resolve(true)) });
  });

  after(() => {
    Object.assign(vscode.env, { openExternal: realOpenExternal });
  });

  it("Open Pull Request reaches the extension's URI handler with the pull request's address intact", async function () {
    this.timeout(60_000);
    const fixture = vscode.extensions.getExtension('GitHub.vscode-pull-request-github');
    assert.ok(fixture, 'the stand-in for GitHub Pull Requests is loaded');
    assert.equal((fixture.packageJSON as { version?: string }).version, '0.0.0-fixture', 'and it is the fixture, not the real extension');
    assert.deepEqual(await handledUris(), [], 'nothing reached the handler before the command');

    const opened = await vscode.commands.executeCommand<{ tool: string; target: string } | undefined>('leadDesk.openPullRequest', { pullRequest: pr93 });
    assert.equal(opened?.tool, 'pullRequestExtension');
    const handled = await waitFor("the URI to reach the extension's handler", async () => {
      const seen = await handledUris();
      return seen.length > 0 ? seen : undefined;
    });
    assert.equal(handled.length, 1, JSON.stringify(handled));
    const [uri] = handled;
    assert.equal(uri.scheme, vscode.env.uriScheme);
    assert.equal(uri.authority, 'github.vscode-pull-request-github');
    assert.equal(uri.path, '/open-pull-request-webview');
    const address = new URLSearchParams(uri.query).get('uri');
    assert.match(address ?? '', /^https?:\/\/[^/]+\/acme\/web\/pull\/93$/, `the pull request's address in ${uri.query}`);
    assert.equal(opened.target, `${vscode.env.uriScheme}://github.vscode-pull-request-github/open-pull-request-webview?uri=${encodeURIComponent(address ?? '')}`);
    assert.deepEqual(calls, [], 'nothing went to openExternal, which would leave the editor');
  });
});
