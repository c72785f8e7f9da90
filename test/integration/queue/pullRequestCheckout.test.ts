import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkOutPullRequestBranch } from '../../../src/vscode/queue/pullRequestCheckout';
import { checkoutSource } from '../../../src/core/queue/checkoutSource';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';

const exec = promisify(execFile);
const env = { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await exec('git', args, { cwd, env })).stdout.trim();
}

async function commit(cwd: string, file: string, text: string): Promise<string> {
  await writeFile(path.join(cwd, file), text);
  await git(cwd, 'add', file);
  await git(cwd, 'commit', '-q', '-m', `change ${file}`);
  return git(cwd, 'rev-parse', 'HEAD');
}

// A bare "GitHub" repository exposes pull requests as refs/pull/N/head, as GitHub does.
describe('check out a pull request locally (real git)', function () {
  this.timeout(30_000);
  let dir: string;
  let origin: string;
  let author: string;
  let local: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'queue-checkout-'));
    origin = path.join(dir, 'origin.git');
    author = path.join(dir, 'author');
    local = path.join(dir, 'local');
    await exec('git', ['init', '-q', '--bare', '-b', 'main', origin], { env });
    await exec('git', ['clone', '-q', origin, author], { env });
    await git(author, 'checkout', '-q', '-b', 'main');
    await commit(author, 'README.md', 'hello\n');
    await git(author, 'push', '-q', 'origin', 'main');
    await git(author, 'checkout', '-q', '-b', 'feature');
    await commit(author, 'feature.txt', 'one\n');
    await git(author, 'push', '-q', 'origin', 'feature:refs/pull/7/head');
    await exec('git', ['clone', '-q', origin, local], { env });
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('fetches pull/N/head into pr/N and checks it out', async () => {
    const result = await checkOutPullRequestBranch(local, 'origin', 7);
    assert.deepEqual(result, { branch: 'pr/7', updated: false });
    assert.equal(await git(local, 'rev-parse', '--abbrev-ref', 'HEAD'), 'pr/7');
    assert.equal(await git(local, 'rev-parse', 'HEAD'), await git(author, 'rev-parse', 'feature'));
  });

  it('moves an existing pr/N forward, whether or not it is checked out', async () => {
    await checkOutPullRequestBranch(local, 'origin', 7);
    const second = await commit(author, 'feature.txt', 'two\n');
    await git(author, 'push', '-q', 'origin', 'feature:refs/pull/7/head');
    assert.deepEqual(await checkOutPullRequestBranch(local, 'origin', 7), { branch: 'pr/7', updated: true });
    assert.equal(await git(local, 'rev-parse', 'HEAD'), second);

    await git(local, 'checkout', '-q', 'main');
    const third = await commit(author, 'feature.txt', 'three\n');
    await git(author, 'push', '-q', 'origin', 'feature:refs/pull/7/head');
    assert.deepEqual(await checkOutPullRequestBranch(local, 'origin', 7), { branch: 'pr/7', updated: true });
    assert.equal(await git(local, 'rev-parse', 'HEAD'), third);
  });

  it('refuses to overwrite local commits on pr/N when the pull request was rewritten', async () => {
    await checkOutPullRequestBranch(local, 'origin', 7);
    const mine = await commit(local, 'local.txt', 'my work\n');
    await git(local, 'checkout', '-q', 'main');
    await git(author, 'commit', '-q', '--amend', '-m', 'rewritten');
    await git(author, 'push', '-q', '-f', 'origin', 'feature:refs/pull/7/head');
    await assert.rejects(checkOutPullRequestBranch(local, 'origin', 7), /rejected|non-fast-forward/);
    assert.equal(await git(local, 'rev-parse', 'pr/7'), mine);
  });

  it('fails clearly for a pull request the remote does not have', async () => {
    await assert.rejects(checkOutPullRequestBranch(local, 'origin', 999), /couldn't find remote ref|pull\/999/);
  });
});

// The demo's clone says github.com, which these machines cannot reach; the sandbox serves the
// repository and its pull request refs over git, as the configured GitHub.
describe('check out a pull request from the configured GitHub when the remote names another host (sandbox)', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let dir: string;

  before(async () => {
    sandbox = await startSandbox({ scenario: loadScenario('demo') });
    dir = await mkdtemp(path.join(tmpdir(), 'queue-checkout-sandbox-'));
    await exec('git', ['init', '-q', '-b', 'main', dir], { env });
    await git(dir, 'remote', 'add', 'origin', 'https://github.com/acme/api.git');
    await commit(dir, 'README.md', 'local work\n');
  });
  after(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fetches pull/N/head from the sandbox and checks it out as pr/N', async () => {
    const source = checkoutSource({ remote: 'origin', url: 'https://github.com/acme/api.git' }, { owner: 'acme', repo: 'api' }, resolveEndpoints(sandbox.url).webUrl);
    assert.equal(source, `${sandbox.url}/acme/api.git`);
    const result = await checkOutPullRequestBranch(dir, source, 412);
    assert.deepEqual(result, { branch: 'pr/412', updated: false });
    assert.equal(await git(dir, 'rev-parse', '--abbrev-ref', 'HEAD'), 'pr/412');
    const pull = sandbox.state.pulls.find((p) => p.repo === 'acme/api' && p.number === 412)!;
    assert.equal(await git(dir, 'log', '-1', '--format=%s'), pull.title);
    const touched = (await git(dir, 'show', '--name-only', '--format=', 'HEAD')).split('\n');
    assert.deepEqual(touched.sort(), pull.files.map((f) => f.path).sort());
  });

  it('says so when the sandbox has no such pull request', async () => {
    await assert.rejects(checkOutPullRequestBranch(dir, `${sandbox.url}/acme/api.git`, 9999), /couldn't find remote ref|pull\/9999/);
  });
});
