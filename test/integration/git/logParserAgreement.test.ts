import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { CommitRecord } from '../../../src/core/delegation/types';
import { readHistory } from '../../../src/git/historyReader';
import { LogStreamParser, logArguments, parseLogOutput } from '../../../src/git/logFormat';
import { referenceParseLog } from './referenceLogParser';
import { TempRepo, git } from './tempRepo';

const run = promisify(execFile);
const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const jose = { name: 'José Álvarez "Pepe"', email: 'jose@example.com' };
const lukasz = { name: 'Łukasz <Ł> Nowak', email: 'lukasz@example.com' };

/** git's own bytes for the reader's format, so chunks can be cut anywhere, even inside a UTF-8 character. */
async function rawLog(dir: string): Promise<Buffer> {
  const { stdout } = await run('git', [...logArguments(), '--end-of-options', 'HEAD'], { cwd: dir, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

function streamed(bytes: Buffer, chunk: number): CommitRecord[] {
  const parser = new LogStreamParser();
  const out: CommitRecord[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...parser.push(bytes.subarray(i, i + chunk)));
  out.push(...parser.end());
  return out;
}

describe('the git log parser agrees with the reference parser on a real repository', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let reference: CommitRecord[];
  let bytes: Buffer;

  before(async () => {
    repo = await TempRepo.create();
    const r = repo;
    await r.commit({ author: ada, date: '2024-01-01T00:00:00Z', message: 'base', files: { 'src/a.c': '1', 'docs/read me.md': 'x' } });
    await mkdir(`${r.dir}/assets`);
    await writeFile(`${r.dir}/assets/logo.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff, 0, 0]));
    await r.commit({ author: jose, date: '2024-01-02T00:00:00Z', message: 'binary and odd names\n\nReviewed-by: Ada Lovelace <ada@example.com>\nCo-authored-by: Zoë Chen <zoe@example.com>', files: { 'src/"quoted" name.c': '1', 'src/naïve/ünïcödé.c': '2', 'src/new\nline.c': '3', 'src/tab\there.c': '4', '\tsorts first.c': '6', '\nstarts with a newline.c': '5' } });
    await git(r.dir, ['mv', 'src/a.c', 'src/renamed a.c']);
    await r.commit({ author: lukasz, date: '2024-01-03T00:00:00Z', message: 'rename\n\nAcked-by: José Álvarez <jose@example.com>', files: {} });
    await git(r.dir, ['checkout', '-q', '-b', 'side']);
    await r.commit({ author: jose, date: '2024-01-04T00:00:00Z', message: 'side', files: { 'src/side.c': '1' } });
    await git(r.dir, ['checkout', '-q', 'main']);
    await r.commit({ author: ada, date: '2024-01-05T00:00:00Z', message: 'main', files: { 'src/main.c': '1' } });
    await git(r.dir, ['merge', '-q', '--no-ff', '-m', 'Merge side\n\nReviewed-by: Ada Lovelace <ada@example.com>', 'side'], {
      GIT_AUTHOR_NAME: ada.name,
      GIT_AUTHOR_EMAIL: ada.email,
      GIT_AUTHOR_DATE: '2024-01-06T00:00:00Z',
      GIT_COMMITTER_NAME: ada.name,
      GIT_COMMITTER_EMAIL: ada.email,
      GIT_COMMITTER_DATE: '2024-01-06T00:00:00Z',
    });
    bytes = await rawLog(r.dir);
    reference = referenceParseLog(bytes.toString('utf8'));
  });

  after(async () => {
    await repo.remove();
  });

  it('covers what the comparison is about', () => {
    const files = reference.flatMap((c) => c.files);
    for (const f of ['src/"quoted" name.c', 'src/naïve/ünïcödé.c', 'src/new\nline.c', 'src/tab\there.c', '\tsorts first.c', '\nstarts with a newline.c', 'assets/logo.png', 'src/renamed a.c', 'docs/read me.md']) assert.ok(files.includes(f), f);
    assert.equal(reference.filter((c) => c.merge).length, 1);
    assert.ok(reference.some((c) => c.reviewers.length > 0 && c.coAuthors.length > 0));
  });

  it('gives the same commits for the whole output and for any chunking of the bytes', () => {
    assert.deepEqual(parseLogOutput(bytes.toString('utf8')), reference);
    assert.deepEqual(parseLogOutput(bytes), reference);
    for (const chunk of [1, 2, 3, 5, 64, 4096]) assert.deepEqual(streamed(bytes, chunk), reference, `chunks of ${chunk} bytes`);
  });

  it('gives the same commits through the history reader', async () => {
    const read: CommitRecord[] = [];
    for await (const page of readHistory(repo.dir, { sinceDays: 0, pageSize: 2 })) read.push(...page);
    assert.deepEqual(read, reference);
  });
});
