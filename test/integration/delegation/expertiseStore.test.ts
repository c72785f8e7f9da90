// The expertise index on real temporary repositories: built once, reused from memory and from
// extension storage, updated with only the new commits, rebuilt when history is rewritten, and
// the odd repositories (shallow, empty, not a repository) handled with typed answers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { silentLogger } from '../../../src/core/logger';
import { NotAGitRepositoryError } from '../../../src/git/gitErrors';
import { ExpertiseStore, type HistoryWindowSettings } from '../../../src/storage/expertiseStore';
import { withCountingGit } from '../git/countingGit';
import { TempGitRepo, git, makeTempDir } from './tempGitRepo';

/** A git command's first two words, without `-c name=value` settings. */
const verb = (command: string) => command.replace(/^(-c \S+ )+/, '').split(' ').slice(0, 2).join(' ');

const window: HistoryWindowSettings = { historyDays: 1095, maxCommits: 30_000, timeoutMs: 60_000 };
const ana = { name: 'Ana Lima', email: 'ana@acme.example' };
const ben = { name: 'Ben Okafor', email: 'ben@acme.example' };

describe('delegation: expertise index on real repositories', () => {
  let repo: TempGitRepo;
  let storage: string;
  const cleanup: string[] = [];

  beforeEach(async () => {
    repo = await TempGitRepo.create('store');
    storage = await makeTempDir('storage');
    cleanup.push(repo.dir, storage);
    await repo.commit(ana, ['src/net/tcp.c', 'src/net/udp.c'], 30);
    await repo.commit(ben, ['docs/guide.md'], 20);
    await repo.commit(ana, ['src/net/tcp.c'], 10, 'Fix tcp', ['Reviewed-by: Ben Okafor <ben@acme.example>']);
  });
  after(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('builds once, then answers from memory and from the saved file without reading history again', async () => {
    const store = new ExpertiseStore(storage, silentLogger);
    const progress: number[] = [];
    const built = await store.get(repo.dir, window, (n) => progress.push(n));
    assert.equal(built.how, 'built');
    assert.equal(built.commitsRead, 3);
    assert.equal(built.index.commitCount, 3);
    assert.deepEqual(progress, [3]);
    assert.equal(built.headSha, (await git(repo.dir, ['rev-parse', 'HEAD'])).trim());
    assert.equal(built.sampleShas.get('ana@acme.example'), built.headSha, 'the sample is the most recent commit per email');

    const again = await store.get(repo.dir, window);
    assert.equal(again.how, 'cached');
    assert.equal(again.index, built.index, 'memory hit returns the same index');

    const fresh = new ExpertiseStore(storage, silentLogger);
    const fromDisk = await fresh.get(repo.dir, window);
    assert.equal(fromDisk.how, 'cached');
    assert.equal(fromDisk.commitsRead, 0);
    assert.equal(fromDisk.index.commitCount, 3);
    assert.equal(fromDisk.sampleShas.get('ben@acme.example'), built.sampleShas.get('ben@acme.example'));
    const id = fromDisk.index.identities.lookup({ email: 'ana@acme.example' })!;
    assert.ok(fromDisk.index.personValue('src/net/', id, 'author', Date.now()) > 0, 'the saved index still knows who worked where');
  });

  it('reads the window beside the inspection for a first build, and not again once the index is in memory', async () => {
    const store = new ExpertiseStore(storage, silentLogger);
    const first = await withCountingGit(() => store.get(repo.dir, window), { onPath: true });
    assert.equal(first.result.how, 'built');
    // A short history is counted and read once, from HEAD, beside the inspection, and folded on this thread.
    assert.deepEqual(first.commands.map(verb).sort(), ['log --no-color', 'rev-list --count', 'rev-parse --show-toplevel'], first.commands.join('\n'));
    assert.match(first.commands.find((c) => / log /.test(c)) ?? '', / --max-count=501 --end-of-options HEAD$/);
    const again = await withCountingGit(() => store.get(path.join(repo.dir, 'src'), window), { onPath: true });
    assert.equal(again.result.how, 'cached');
    assert.deepEqual(again.commands.map(verb), ['rev-parse --show-toplevel'], again.commands.join('\n'));
  });

  it('saves and loads an index of over a thousand paths in slices, exactly as it was', async () => {
    // 1,200 files in 40 folders: more paths than one slice, so the load and the save yield between slices.
    const files = Array.from({ length: 1_200 }, (_, i) => `src/area${i % 40}/file${i}.c`);
    await repo.commit(ben, files.slice(0, 600), 5, 'Big change', ['Reviewed-by: Ana Lima <ana@acme.example>']);
    await repo.commit(ana, files.slice(500), 4);
    const built = await new ExpertiseStore(storage, silentLogger).get(repo.dir, window);
    assert.ok(built.index.knownFiles().length > 1_200);
    const fromDisk = await new ExpertiseStore(storage, silentLogger).get(repo.dir, window);
    assert.equal(fromDisk.how, 'cached');
    assert.notEqual(fromDisk.index, built.index);
    assert.deepEqual(fromDisk.index.toJSON(), built.index.toJSON());
    assert.deepEqual([...fromDisk.index.knownFiles()].sort(), [...built.index.knownFiles()].sort());
    assert.deepEqual([...fromDisk.sampleShas], [...built.sampleShas]);
  });

  it('answers before the index is saved, and a store that reads the file waits for the save', async () => {
    // The save's temporary file is a named pipe nobody reads yet: writing it blocks, as a slow
    // disk would, until the test opens it. The answer must not wait for that.
    const root = (await git(repo.dir, ['rev-parse', '--show-toplevel'])).trim();
    const file = path.join(storage, `expertise-${createHash('sha256').update(root).digest('hex').slice(0, 20)}.json.gz`);
    await promisify(execFile)('mkfifo', [`${file}.${process.pid}.tmp`]);
    const store = new ExpertiseStore(storage, silentLogger);
    const built = await store.get(repo.dir, window);
    assert.equal(built.how, 'built');
    const drained = await readFile(`${file}.${process.pid}.tmp`);
    await store.saved();
    assert.deepEqual(JSON.parse(gunzipSync(drained).toString('utf8').split('\n')[0]).root, root);
    // A store that opens the file while another is still saving it reads the finished file.
    await rm(file);
    const writer = new ExpertiseStore(storage, silentLogger);
    await writer.get(repo.dir, { ...window, maxCommits: 29_999 });
    assert.equal((await new ExpertiseStore(storage, silentLogger).get(repo.dir, { ...window, maxCommits: 29_999 })).how, 'cached');
  });

  it('rebuilds, with a warning, when the saved file is damaged', async () => {
    const first = new ExpertiseStore(storage, silentLogger);
    await first.get(repo.dir, window);
    await first.saved();
    const [saved] = (await readdir(storage)).filter((f) => f.endsWith('.json.gz'));
    assert.ok(saved, 'the index was saved');
    const warnings: string[] = [];
    const log = { ...silentLogger, warn: (m: string) => void warnings.push(m) };
    const header = gunzipSync(await readFile(path.join(storage, saved))).toString('utf8').split('\n')[0];
    for (const damage of ['not gzip at all', gzipSync(header.slice(0, 30)), gzipSync(`${header}\n["src/net/tcp.c", {"broken`)]) {
      await writeFile(path.join(storage, saved), damage);
      const store = new ExpertiseStore(storage, log);
      const rebuilt = await store.get(repo.dir, window);
      await store.saved();
      assert.equal(rebuilt.how, 'built');
      assert.equal(rebuilt.index.commitCount, 3);
    }
    assert.equal(warnings.length, 3, warnings.join('\n'));
  });

  it('shares one build between concurrent callers', async () => {
    const store = new ExpertiseStore(undefined, silentLogger);
    const [a, b] = await Promise.all([store.get(repo.dir, window), store.get(repo.dir, window)]);
    assert.equal(a.index, b.index);
    assert.equal(a.how, 'built');
  });

  it('reads only the new commits after HEAD moves forward', async () => {
    const store = new ExpertiseStore(storage, silentLogger);
    await store.get(repo.dir, window);
    await repo.commit(ben, ['src/net/udp.c'], 1);
    const newHead = await repo.commit(ben, ['src/net/udp.c', 'src/net/tcp.c'], 0);
    const updated = await new ExpertiseStore(storage, silentLogger).get(repo.dir, window);
    assert.equal(updated.how, 'updated');
    assert.equal(updated.commitsRead, 2);
    assert.equal(updated.index.commitCount, 5);
    assert.equal(updated.headSha, newHead);
    assert.equal(updated.sampleShas.get('ben@acme.example'), newHead);
    const benId = updated.index.identities.lookup(ben)!;
    assert.equal(updated.index.personTimes('src/net/udp.c', benId, 'author').count, 2);
  });

  it('rebuilds when history was rewritten under the saved HEAD', async () => {
    const store = new ExpertiseStore(storage, silentLogger);
    await store.get(repo.dir, window);
    await git(repo.dir, ['reset', '-q', '--hard', 'HEAD~1']);
    await repo.commit(ben, ['src/other.c'], 0);
    const rebuilt = await store.get(repo.dir, window);
    assert.equal(rebuilt.how, 'built');
    assert.equal(rebuilt.index.commitCount, 3, 'the dropped commit is gone, the new one is in');
  });

  it('rebuilds instead of leaving a gap when more commits arrived than the window holds', async () => {
    const small = { ...window, maxCommits: 3 };
    const store = new ExpertiseStore(storage, silentLogger);
    await store.get(repo.dir, small);
    for (let i = 0; i < 4; i++) await repo.commit(ben, [`src/new${i}.c`], 0);
    const again = await store.get(repo.dir, small);
    assert.equal(again.how, 'built');
    assert.equal(again.index.commitCount, 3);
    assert.equal(again.truncated, true);
  });

  it('rebuilds when the history window changes', async () => {
    const store = new ExpertiseStore(storage, silentLogger);
    await store.get(repo.dir, window);
    const narrow = await store.get(repo.dir, { ...window, historyDays: 15 });
    assert.equal(narrow.how, 'built');
    assert.equal(narrow.index.commitCount, 1, 'only the commit from 10 days ago is in a 15-day window');
  });

  it('reports a shallow clone and indexes what it has', async () => {
    const clone = await makeTempDir('shallow');
    cleanup.push(clone);
    await git(clone, ['clone', '-q', '--depth', '2', `file://${repo.dir}`, '.']);
    const shallow = await new ExpertiseStore(undefined, silentLogger).get(clone, window);
    assert.equal(shallow.shallow, true);
    assert.equal(shallow.index.commitCount, 2);
  });

  it('handles an empty repository and a folder that is not a repository', async () => {
    const empty = await TempGitRepo.create('empty');
    cleanup.push(empty.dir);
    const result = await new ExpertiseStore(undefined, silentLogger).get(empty.dir, window);
    assert.equal(result.headSha, undefined);
    assert.equal(result.index.commitCount, 0);

    const plain = await makeTempDir('plain');
    cleanup.push(plain);
    await assert.rejects(new ExpertiseStore(undefined, silentLogger).get(plain, window), (err: unknown) => NotAGitRepositoryError.is(err));
  });
});
