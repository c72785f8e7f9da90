// Inside a real VS Code: a cold expertise index is built where it costs the extension host least.
// The workspace's short history (delegation.test.ts had the extension build it) is folded on the
// host's thread, where a worker would only add its start-up; a history of more than 500 commits
// goes to a worker thread (dist/indexWorker.js, beside the features bundle), so a large history
// never holds the host. Runs after delegation.test.ts.
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { leadDeskLogText, waitFor } from '../hostEnv';

const run = promisify(execFile);
// The real binary, so these setup commands stay out of the git shim's log.
const gitBinary = existsSync('/usr/bin/git') ? '/usr/bin/git' : 'git';
const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/** `count` commits, a day apart and ending yesterday, by three people over a few files, written with one fast-import. */
async function repositoryWithCommits(dir: string, count: number): Promise<void> {
  await run(gitBinary, ['init', '-q', '-b', 'main', dir], { env: gitEnv });
  const people = ['Ada Lovelace <ada@example.com>', 'Mei Chen <mei@example.com>', 'José Álvarez <jose@example.com>'];
  const start = Math.floor(Date.now() / 1000) - (count + 1) * 86_400;
  const chunks: string[] = [];
  for (let i = 0; i < count; i++) {
    const who = `${people[i % people.length]} ${start + i * 86_400} +0000`;
    const message = `change ${i}\n`;
    const content = `${i}\n`;
    chunks.push(
      `commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}`,
      `M 100644 inline src/area${i % 4}/file${i % 7}.ts\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(gitBinary, ['fast-import', '--quiet'], { cwd: dir, env: gitEnv, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}: ${stderr}`))));
    child.stdin.end(chunks.join(''));
  });
  await run(gitBinary, ['checkout', '-q', '-f', 'main'], { cwd: dir, env: gitEnv });
}

/** The thread the log says the index of the repository at `root` was built on, once it says so. */
async function builtOn(root: string, what: string): Promise<{ commits: number; thread: string; line: string }> {
  const quoted = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = await waitFor(what, async () => {
    const { text } = await leadDeskLogText();
    return new RegExp(`expertise index for ${quoted}: built from (\\d+) commits[^\\n]* (on a worker thread|on the host's thread)`).exec(text) ?? undefined;
  });
  return { commits: Number(line[1]), thread: line[2], line: line[0] };
}

describe('expertise index in the real extension host', () => {
  let scratch: string | undefined;
  after(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("builds a short history's index on the host's thread", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host suite needs a workspace folder');
    const built = await builtOn(await realpath(folder.uri.fsPath), 'the workspace index build in the log (delegation.test.ts runs one)');
    assert.ok(built.commits > 0 && built.commits <= 500, built.line);
    assert.equal(built.thread, "on the host's thread", built.line);
  });

  it('builds the index of a history of more than 500 commits on a worker thread', async function () {
    this.timeout(120_000);
    scratch = await realpath(await mkdtemp(path.join(tmpdir(), 'lead-desk-host-long-history-')));
    const dir = path.join(scratch, 'long-history');
    await mkdir(dir);
    await repositoryWithCommits(dir, 600);
    const state = await vscode.commands.executeCommand<{ kind: string }>('leadDesk.whoKnowsThisFile', vscode.Uri.file(path.join(dir, 'src', 'area1', 'file1.ts')));
    assert.ok(state, 'the command answered');
    const built = await builtOn(dir, 'the long history index build in the log');
    assert.equal(built.commits, 600, built.line);
    assert.equal(built.thread, 'on a worker thread', built.line);
  });
});
