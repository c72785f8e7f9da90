// A cold expertise-index build on a worker thread: the real worker bundle (dist/indexWorker.js,
// built here with esbuild as `npm run build` does) reads a real repository and hands back the same
// index, pages and progress a build on this thread gives; a cancel ends the worker, git's typed
// failures come back typed, and with no worker to start the build runs on this thread.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { CommitRecord } from '../../../src/core/delegation/types';
import { refreshExpertiseIndex, type RefreshOptions } from '../../../src/git/expertiseRefresh';
import { GitAbortedError, GitTimeoutError } from '../../../src/git/gitErrors';
import { openGitSession } from '../../../src/git/gitSession';
import { inspectRepository } from '../../../src/git/repository';
import { withCountingGit } from './countingGit';
import { openDescriptors } from './openDescriptors';
import { TempRepo, git } from './tempRepo';

const root = path.join(__dirname, '..', '..', '..');
const NOW = Date.parse('2024-06-01T00:00:00Z');
const people = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'José Álvarez', email: 'jose@example.com' },
  { name: 'Mei Chen', email: 'mei@example.com' },
];

describe('cold expertise index on a worker thread', function () {
  this.timeout(120_000);
  let dir: string;
  let script: string;
  let repo: TempRepo;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-index-worker-'));
    script = path.join(dir, 'indexWorker.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/git/indexWorker.ts')], outfile: script, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' });
    repo = await TempRepo.create();
    await repo.writeFile('.mailmap', 'Ada Lovelace <ada@example.com> <ada@old.example>\n');
    for (let i = 0; i < 12; i++) {
      const author = i === 3 ? { name: 'ada', email: 'ada@old.example' } : people[i % people.length];
      const reviewer = people[(i + 1) % people.length];
      await repo.commit({
        author,
        date: new Date(Date.parse('2024-01-01T00:00:00Z') + i * 86_400_000).toISOString(),
        message: `change ${i}\n\nReviewed-by: ${reviewer.name} <${reviewer.email}>`,
        files: { [`src/area${i % 3}/file${i % 5}.c`]: String(i), [`test/area${i % 3}/t.c`]: String(i) },
      });
    }
  });

  after(async () => {
    await repo.remove();
    await rm(dir, { recursive: true, force: true });
  });

  async function build(options: RefreshOptions) {
    const pages: CommitRecord[][] = [];
    const progress: number[] = [];
    const result = await refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, pageSize: 5, onPage: (page) => void pages.push([...page]), onProgress: (n) => void progress.push(n), ...options });
    return { result, pages, progress };
  }

  it('gives the index, pages, progress and latest commits a build on this thread gives', async () => {
    const here = await build({ indexWorker: false });
    const there = await build({ indexWorker: script, hostBuildCommits: 0 });
    assert.equal(here.result.offThread, undefined);
    assert.equal(there.result.offThread, true);
    assert.deepEqual(there.result.index.toJSON(), here.result.index.toJSON());
    assert.deepEqual([...there.result.index.knownFiles()], [...here.result.index.knownFiles()]);
    assert.deepEqual(there.pages, here.pages);
    assert.deepEqual(here.progress, [5, 10, 12]);
    // The worker passes progress on at most every 50 ms: the first page's, then what time allows.
    assert.equal(there.progress[0], 5);
    assert.ok(there.progress.every((n, i) => here.progress.includes(n) && (i === 0 || n > there.progress[i - 1])), there.progress.join(', '));
    assert.deepEqual([...there.result.latestShaByEmail], [...here.result.latestShaByEmail]);
    assert.equal(there.result.commitsRead, 12);
    assert.equal(there.result.mode, 'rebuilt');
    // The index from the worker takes updates on this thread like any other.
    await repo.commit({ author: people[0], date: '2024-02-01T00:00:00Z', message: 'later', files: { 'src/area0/later.c': '1' } });
    try {
      const updated = await refreshExpertiseIndex(repo.dir, there.result.index, { now: () => NOW, indexWorker: script });
      assert.equal(updated.mode, 'incremental');
      assert.equal(updated.offThread, undefined, 'an update of a few commits stays on this thread');
      assert.equal(updated.index.commitCount, 13);
    } finally {
      await git(repo.dir, ['reset', '-q', '--hard', 'HEAD~1']);
    }
  });

  it('ends the worker when the caller cancels, and says the read was cancelled, with nothing left open', async () => {
    const before = await openDescriptors();
    const controller = new AbortController();
    const building = refreshExpertiseIndex(repo.dir, undefined, {
      now: () => NOW,
      pageSize: 1,
      signal: controller.signal,
      indexWorker: script,
      hostBuildCommits: 0,
      onProgress: (n) => {
        if (n === 1) controller.abort();
      },
    });
    await assert.rejects(building, (err: unknown) => GitAbortedError.is(err));
    // The file git wrote into, which this thread opened for the worker, is closed by then.
    assert.deepEqual(await openDescriptors(), before);
  });

  it('brings git\'s typed failures back typed', async () => {
    // This thread's session has time; the worker's own deadline is 1 ms.
    const session = await openGitSession(repo.dir);
    const info = await inspectRepository(session);
    await assert.rejects(
      refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, opened: { session, info }, timeoutMs: 1, indexWorker: script, hostBuildCommits: 0 }),
      (err: unknown) => GitTimeoutError.is(err) && err.timeoutMs === 1,
    );
  });

  it('keeps a window of few commits on this thread, counting only as far as it needs', async () => {
    const fits = await withCountingGit((binary) => build({ indexWorker: script, hostBuildCommits: 12, binary }));
    assert.equal(fits.result.result.offThread, undefined, '12 commits, 12 allowed here');
    assert.equal(fits.result.result.index.commitCount, 12);
    assert.ok(fits.commands.some((c) => /^rev-list --count --max-count=13 --since=\S+ --end-of-options [0-9a-f]{40}$/.test(c)), fits.commands.join('\n'));
    const over = await build({ indexWorker: script, hostBuildCommits: 11 });
    assert.equal(over.result.offThread, true, '12 commits, 11 allowed here');
    assert.deepEqual(over.result.index.toJSON(), fits.result.result.index.toJSON());
    // A window capped at the limit needs no count.
    const capped = await withCountingGit((binary) => build({ indexWorker: script, hostBuildCommits: 12, maxCommits: 12, binary }));
    assert.equal(capped.result.result.offThread, undefined);
    assert.ok(!capped.commands.some((c) => c.startsWith('rev-list')), capped.commands.join('\n'));
  });

  it('lets git buffer its log on the worker\'s thread, and leaves this thread\'s environment alone', async () => {
    const logOf = (commands: string[]) => commands.find((c) => / log /.test(c)) ?? commands.join('\n');
    const ours = process.env.GIT_FLUSH;
    const there = await withCountingGit((binary) => build({ indexWorker: script, hostBuildCommits: 0, binary }), { noting: ['GIT_FLUSH'] });
    assert.equal(there.result.result.offThread, true);
    assert.match(logOf(there.commands), /^GIT_FLUSH=0 /, 'git writes its buffer when full, not once per commit');
    const here = await withCountingGit((binary) => build({ indexWorker: false, binary }), { noting: ['GIT_FLUSH'] });
    assert.equal(process.env.GIT_FLUSH, ours, 'this thread\'s environment is as it was');
    assert.ok(logOf(here.commands).startsWith(`GIT_FLUSH=${ours ?? ''} `), logOf(here.commands));
  });

  it('starts the worker\'s git on this thread, before the worker is up, and runs it once', async () => {
    const { result, commands } = await withCountingGit((binary) => build({ indexWorker: script, hostBuildCommits: 0, binary }));
    assert.equal(result.result.offThread, true);
    assert.equal(result.result.index.commitCount, 12);
    assert.equal(commands.filter((c) => / log /.test(c)).length, 1, commands.join('\n'));
    // Started before the worker: a worker that never starts finds it already running, and this
    // thread reads the history with its own git (two in all) rather than leaving the first behind.
    const fallback = await withCountingGit((binary) => build({ indexWorker: path.join(dir, 'missing.js'), hostBuildCommits: 0, binary }));
    assert.equal(fallback.result.result.offThread, undefined);
    assert.deepEqual(fallback.result.result.index.toJSON(), result.result.index.toJSON());
  });

  it('brings the typed failure of the git this thread started back from the worker', async () => {
    // This thread's session runs a git that writes a line and hangs, and has 300 ms; the worker's
    // session has no deadline of its own, so only this thread's can end the read.
    const real = await openGitSession(repo.dir);
    const info = await inspectRepository(real);
    const bin = await mkdtemp(path.join(tmpdir(), 'lead-desk-hanging-'));
    const hanging = path.join(bin, 'git');
    await writeFile(hanging, "#!/bin/sh\nprintf 'first\\n'\nexec sleep 600\n");
    await chmod(hanging, 0o755);
    try {
      const session = await openGitSession(repo.dir, { binary: hanging, timeoutMs: 300 });
      await assert.rejects(
        refreshExpertiseIndex(repo.dir, undefined, { now: () => NOW, opened: { session, info }, indexWorker: script, hostBuildCommits: 0 }),
        (err: unknown) => GitTimeoutError.is(err) && err.timeoutMs === 300,
      );
    } finally {
      await rm(bin, { recursive: true, force: true });
    }
  });

  it('builds on this thread when no worker can start', async () => {
    const { result } = await build({ indexWorker: path.join(dir, 'missing.js'), hostBuildCommits: 0 });
    assert.equal(result.offThread, undefined);
    assert.equal(result.index.commitCount, 12);
  });
});
