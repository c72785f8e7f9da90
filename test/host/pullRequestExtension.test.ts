import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, leadDeskLogText, waitFor } from './hostEnv';

// Runs in its own extension host, next to a fixture that stands in for GitHub Pull Requests under
// its id (test/host/fixtures/pull-request-extension): the real one cannot be installed offline.
//
// code-server's web workbench does not route vscode.env.openExternal to URI handlers. The host's
// $openUri opens with { openExternal: true }; the web URL opener declines exactly those
// (`open(uri, o) { return o?.openExternal || !matchesScheme(uri, urlProtocol) ? false : … }` in
// 1.100.3's workbench.js), and the default external opener then hands a `code-oss:` URI to the
// desktop app (`location.href = uri`, then the "All done. You can close this tab now." dialog).
// Desktop VS Code routes it to its own URL service instead. So this checks the contract at the
// closest real seams: Lead Desk gives openExternal the extension's documented URI (recorded, not
// sent on, which here would navigate the test's own tab away), and that very URI, handed to VS
// Code's URL service through `vscode.open`, which the web workbench does route to extensions,
// reaches the fixture's handler with the pull request's address intact.

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

  it('Open Pull Request gives openExternal the extension\'s URI, which VS Code\'s URL service routes to its handler with the address intact', async function () {
    this.timeout(60_000);
    const fixture = vscode.extensions.getExtension('GitHub.vscode-pull-request-github');
    assert.ok(fixture, 'the stand-in for GitHub Pull Requests is loaded');
    assert.equal((fixture.packageJSON as { version?: string }).version, '0.0.0-fixture', 'and it is the fixture, not the real extension');

    const opened = await vscode.commands.executeCommand<{ tool: string; target: string } | undefined>('leadDesk.openPullRequest', { pullRequest: pr93 });
    assert.equal(opened?.tool, 'pullRequestExtension');
    assert.equal(calls.length, 1, 'one call to openExternal');
    const [sent] = calls;
    assert.equal(sent.toString(true), opened.target, 'what was opened is what the command reports');
    assert.deepEqual(await handledUris(), [], 'nothing reached the handler before VS Code routed the URI');

    await vscode.commands.executeCommand('vscode.open', sent);
    const handled = await waitFor('the URI to reach the extension\'s handler', async () => {
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
  });
});
