import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitAbortedError, GitNotFoundError, GitReadError, GitTimeoutError, NotAGitRepositoryError, UnknownRevisionError } from '../../../src/git/gitErrors';
import { openGitSession } from '../../../src/git/gitSession';
import { openHistory, readHistory } from '../../../src/git/historyReader';
import { refreshExpertiseIndex } from '../../../src/git/expertiseRefresh';
import { inspectRepository, isAncestor } from '../../../src/git/repository';
import { TempRepo, git, tempDir } from './tempRepo';

const ben = { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' };

async function drain(dir: string, options: Parameters<typeof readHistory>[1]): Promise<number> {
  let n = 0;
  for await (const page of readHistory(dir, options)) n += page.length;
  return n;
}

async function rejectsWith(p: Promise<unknown>, is: (err: unknown) => boolean): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    assert.ok(is(err), `unexpected error: ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('git repository checks and failures', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const dirs: string[] = [];

  before(async () => {
    repo = await TempRepo.create();
    for (let i = 0; i < 6; i++) await repo.commit({ author: ben, date: `2024-01-0${i + 1}T00:00:00Z`, message: `c${i}`, files: { [`f${i}.c`]: String(i) } });
  });

  after(async () => {
    await repo.remove();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('detects a shallow clone and says so in the refresh result', async () => {
    const parent = await tempDir();
    dirs.push(parent);
    const clone = join(parent, 'shallow');
    await git(parent, ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    const session = await openGitSession(clone);
    assert.equal((await inspectRepository(session)).shallow, true);
    const result = await refreshExpertiseIndex(clone, undefined, { sinceDays: 0 });
    assert.equal(result.shallow, true);
    assert.equal(result.commitsRead, 1, 'only the one commit the clone has');
    assert.equal((await inspectRepository(await openGitSession(repo.dir))).shallow, false);
  });

  it('throws NotAGitRepositoryError for a plain folder and for a missing one', async () => {
    const plain = await tempDir();
    dirs.push(plain);
    const err = await rejectsWith(openHistory(plain), NotAGitRepositoryError.is);
    assert.ok(GitReadError.is(err));
    assert.equal((err as NotAGitRepositoryError).path, plain);
    await rejectsWith(openHistory(join(plain, 'does-not-exist')), NotAGitRepositoryError.is);
    assert.equal(NotAGitRepositoryError.is(new Error('not a git repository')), false, 'decided by class, not text');
  });

  it('throws GitNotFoundError when git cannot be started', async () => {
    const err = await rejectsWith(openHistory(repo.dir, { binary: 'git-missing-for-lead-desk' }), GitNotFoundError.is);
    assert.equal((err as GitNotFoundError).binary, 'git-missing-for-lead-desk');
  });

  it('throws UnknownRevisionError for a base commit that is not in the repository', async () => {
    await rejectsWith(openHistory(repo.dir, { after: 'f'.repeat(40) }), UnknownRevisionError.is);
  });

  it('answers ancestry both ways', async () => {
    const session = await openGitSession(repo.dir);
    assert.equal(await isAncestor(session, 'HEAD~2', 'HEAD'), true);
    assert.equal(await isAncestor(session, 'HEAD', 'HEAD~2'), false);
  });

  it('stops with GitAbortedError when the caller aborts, before or between pages', async () => {
    const before = new AbortController();
    before.abort();
    await rejectsWith(drain(repo.dir, { signal: before.signal, sinceDays: 0 }), GitAbortedError.is);

    const during = new AbortController();
    let pages = 0;
    const reading = (async () => {
      for await (const _page of readHistory(repo.dir, { signal: during.signal, sinceDays: 0, pageSize: 1 })) {
        pages++;
        if (pages === 2) during.abort();
      }
    })();
    await rejectsWith(reading, GitAbortedError.is);
    assert.equal(pages, 2, 'no page after the abort');
  });

  it('stops with GitTimeoutError when the deadline passes', async () => {
    const err = await rejectsWith(drain(repo.dir, { timeoutMs: 1, sinceDays: 0 }), GitTimeoutError.is);
    assert.equal((err as GitTimeoutError).timeoutMs, 1);
    assert.equal(GitAbortedError.is(err), false);
  });
});
