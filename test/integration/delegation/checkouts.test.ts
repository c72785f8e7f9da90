// Matching a pull request to the local clone it belongs to, from .git files alone (no git runs).
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { checkoutOf, findCheckout } from '../../../src/git/checkouts';
import { TempGitRepo, git, makeTempDir } from './tempGitRepo';

describe('delegation: finding the checkout of a repository', () => {
  const cleanup: string[] = [];
  after(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('reads remotes (upstream first) from a nested folder of the work tree', async () => {
    const repo = await TempGitRepo.create('remotes');
    cleanup.push(repo.dir);
    await git(repo.dir, ['remote', 'add', 'origin', 'git@github.com:me/engine-fork.git']);
    await git(repo.dir, ['remote', 'add', 'upstream', 'https://github.com/acme/engine.git']);
    await git(repo.dir, ['remote', 'add', 'other', 'https://gitlab.example/acme/engine.git']);
    await mkdir(path.join(repo.dir, 'src', 'deep'), { recursive: true });
    const checkout = await findCheckout(path.join(repo.dir, 'src', 'deep'), ['github.com']);
    assert.equal(checkout?.workTree, repo.dir);
    assert.deepEqual(checkout?.repos.slice(0, 2), [{ owner: 'acme', repo: 'engine' }, { owner: 'me', repo: 'engine-fork' }]);
  });

  it('picks the workspace folder that clones the pull request repository, on the Enterprise host too', async () => {
    const a = await TempGitRepo.create('ws-a');
    const b = await TempGitRepo.create('ws-b');
    cleanup.push(a.dir, b.dir);
    await git(a.dir, ['remote', 'add', 'origin', 'https://github.com/acme/web.git']);
    await git(b.dir, ['remote', 'add', 'origin', 'ssh://git@ghe.corp.example/Acme/API.git']);
    const found = await checkoutOf([a.dir, b.dir], { owner: 'acme', repo: 'api' }, ['ghe.corp.example', 'github.com']);
    assert.equal(found?.workTree, b.dir);
    assert.equal(await checkoutOf([a.dir], { owner: 'acme', repo: 'api' }, ['github.com']), undefined);
  });

  it('follows a linked worktree to the main repository config', async () => {
    const repo = await TempGitRepo.create('main');
    cleanup.push(repo.dir);
    await repo.commit({ name: 'A', email: 'a@example.com' }, ['a.txt'], 1);
    await git(repo.dir, ['remote', 'add', 'origin', 'https://github.com/acme/engine']);
    const worktree = path.join(await makeTempDir('worktree'), 'wt');
    cleanup.push(path.dirname(worktree));
    await git(repo.dir, ['worktree', 'add', '-q', worktree]);
    const checkout = await findCheckout(worktree, ['github.com']);
    assert.equal(checkout?.workTree, worktree);
    assert.deepEqual(checkout?.repos, [{ owner: 'acme', repo: 'engine' }]);
  });

  it('finds nothing outside a repository', async () => {
    const plain = await makeTempDir('plain');
    cleanup.push(plain);
    assert.equal(await findCheckout(plain, ['github.com']), undefined);
  });
});
