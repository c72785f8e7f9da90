import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommitRecord } from '../../../src/core/delegation/types';
import { openGitSession } from '../../../src/git/gitSession';
import { openHistory, readHistory, readHistoryRange, startWindowRead } from '../../../src/git/historyReader';
import { openDescriptors } from './openDescriptors';
import { TempRepo } from './tempRepo';

const ben = { name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' };
const saul = { name: 'Saúl Ibarra Corretgé', email: 'saghul@gmail.com' };
const NOW = Date.parse('2024-06-01T00:00:00Z');

async function all(dir: string, options: Parameters<typeof readHistory>[1] = {}): Promise<CommitRecord[]> {
  const out: CommitRecord[] = [];
  for await (const page of readHistory(dir, { now: () => NOW, ...options })) out.push(...page);
  return out;
}

describe('git history reader', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(async () => {
    repo = await TempRepo.create();
    await repo.commit({ author: ben, date: '2020-01-10T10:00:00Z', message: 'old: very old change', files: { 'src/old.c': 'x' } });
    await repo.commit({
      author: saul,
      date: '2024-01-10T10:00:00Z',
      message: 'unix: fix fs\n\nLonger explanation.\n\nPR-URL: https://github.com/libuv/libuv/pull/1\nReviewed-By: Ben Noordhuis <info@bnoordhuis.nl>\nreviewed-by: Colin Ihrig\nAcked-by: Anna <anna@example.com>\nCo-authored-by: Jane Roe <jane@example.com>',
      files: { 'src/unix/fs.c': 'a', 'docs/my file.md': 'b' },
    });
    await repo.commit({ author: ben, date: '2024-02-10T10:00:00Z', message: 'win: tweak', files: { 'src/win/fs.c': 'c' } });
  });

  after(async () => {
    await repo.remove();
  });

  it('reads a short window whole beside its count, nothing of a longer one, and stops when asked with nothing left open', async () => {
    const session = await openGitSession(repo.dir);
    const whole = startWindowRead(session, { sinceDays: 0, maxCommits: 100 }, 50, () => NOW);
    assert.equal(await whole.count, 3);
    assert.deepEqual((await whole.commits)?.map((c) => c.files), [['src/win/fs.c'], ['docs/my file.md', 'src/unix/fs.c'], ['src/old.c']]);
    const longer = startWindowRead(session, { sinceDays: 0, maxCommits: 100 }, 2, () => NOW);
    assert.equal(await longer.count, 3);
    assert.equal(await longer.commits, undefined, 'more than the limit: nothing read is kept');

    // A git that writes a line and never finishes: only the stop ends the read.
    const before = await openDescriptors();
    const bin = await mkdtemp(path.join(tmpdir(), 'lead-desk-hanging-'));
    const hanging = path.join(bin, 'git');
    await writeFile(hanging, "#!/bin/sh\nprintf 'first\\n'\nexec sleep 600\n");
    await chmod(hanging, 0o755);
    const ending = new AbortController();
    try {
      const stuck = startWindowRead(await openGitSession(repo.dir, { binary: hanging, signal: ending.signal }), { sinceDays: 0, maxCommits: 100 }, 50, () => NOW);
      stuck.count.catch(() => undefined);
      stuck.stop();
      assert.equal(await stuck.commits, undefined);
      ending.abort();
      await stuck.count.catch(() => undefined);
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
    assert.deepEqual(await openDescriptors(), before, 'the file the read followed is closed');
  });

  it('reads authors, dates, files and trailers, newest first', async () => {
    const commits = await all(repo.dir, { sinceDays: 0 });
    assert.deepEqual(commits.map((c) => c.files), [['src/win/fs.c'], ['docs/my file.md', 'src/unix/fs.c'], ['src/old.c']]);
    const fix = commits[1];
    assert.deepEqual(fix.author, saul);
    assert.equal(fix.time, Date.parse('2024-01-10T10:00:00Z'));
    assert.deepEqual(fix.reviewers, [{ name: 'Ben Noordhuis', email: 'info@bnoordhuis.nl' }, { name: 'Colin Ihrig' }, { name: 'Anna', email: 'anna@example.com' }]);
    assert.deepEqual(fix.coAuthors, [{ name: 'Jane Roe', email: 'jane@example.com' }]);
    assert.equal(fix.merge, false);
    assert.match(fix.sha, /^[0-9a-f]{40}$/);
  });

  it('bounds the window by date, 3 years by default', async () => {
    const commits = await all(repo.dir);
    assert.ok(!commits.some((c) => c.files.includes('src/old.c')), 'the 2020 commit is older than 3 years before 2024-06');
    assert.equal((await all(repo.dir, { sinceDays: 30 * 6 })).length, 2);
    assert.equal((await all(repo.dir, { sinceDays: 0 })).length, 3, '0 means no date bound');
  });

  it('caps the number of commits and reports the cut, across pages', async () => {
    const history = await openHistory(repo.dir, { sinceDays: 0, maxCommits: 2, pageSize: 1, now: () => NOW });
    const pages: CommitRecord[][] = [];
    for await (const p of history.pages()) pages.push(p);
    assert.deepEqual(pages.map((p) => p.length), [1, 1]);
    assert.notEqual(pages[0][0].sha, pages[1][0].sha);
    assert.equal(history.truncated, true);

    const whole = await openHistory(repo.dir, { sinceDays: 0, maxCommits: 3, pageSize: 2, now: () => NOW });
    let n = 0;
    for await (const p of whole.pages()) n += p.length;
    assert.equal(n, 3);
    assert.equal(whole.truncated, false);
  });

  it('reads only the commits after a given one', async () => {
    const [newest, middle, oldest] = await all(repo.dir, { sinceDays: 0 });
    const range = await readHistoryRange(repo.dir, oldest.sha, { now: () => NOW });
    assert.deepEqual(range.map((c) => c.sha), [newest.sha, middle.sha]);
    assert.deepEqual(await readHistoryRange(repo.dir, newest.sha), []);
  });

  it('marks merge commits', async () => {
    const r = await TempRepo.create();
    try {
      await r.commit({ author: ben, date: '2024-01-01T00:00:00Z', message: 'base', files: { 'a.c': '1' } });
      const { git } = await import('./tempRepo');
      await git(r.dir, ['checkout', '-q', '-b', 'side']);
      await r.commit({ author: saul, date: '2024-01-02T00:00:00Z', message: 'side', files: { 'b.c': '1' } });
      await git(r.dir, ['checkout', '-q', 'main']);
      await r.commit({ author: ben, date: '2024-01-03T00:00:00Z', message: 'main', files: { 'c.c': '1' } });
      await git(r.dir, ['merge', '-q', '--no-ff', '-m', 'Merge side\n\nReviewed-by: Saúl Ibarra Corretgé <saghul@gmail.com>', 'side'], {
        GIT_AUTHOR_NAME: ben.name, GIT_AUTHOR_EMAIL: ben.email, GIT_AUTHOR_DATE: '2024-01-04T00:00:00Z',
        GIT_COMMITTER_NAME: ben.name, GIT_COMMITTER_EMAIL: ben.email, GIT_COMMITTER_DATE: '2024-01-04T00:00:00Z',
      });
      const [merge] = await all(r.dir, { sinceDays: 0 });
      assert.equal(merge.merge, true);
      assert.deepEqual(merge.files, []);
      assert.deepEqual(merge.reviewers, [saul]);
    } finally {
      await r.remove();
    }
  });

  it('yields nothing for a repository with no commits', async () => {
    const empty = await TempRepo.create();
    try {
      const h = await openHistory(empty.dir);
      assert.equal(h.tip, undefined);
      assert.equal(h.repository.headSha, undefined);
      assert.deepEqual(await all(empty.dir), []);
    } finally {
      await rm(empty.dir, { recursive: true, force: true });
    }
  });
});
