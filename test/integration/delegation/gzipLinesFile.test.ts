import assert from 'node:assert/strict';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readGzipLines, writeGzipLines } from '../../../src/storage/gzipLinesFile';
import { makeTempDir } from './tempGitRepo';

async function all(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readGzipLines(file)) out.push(line);
  return out;
}

describe('gzipped lines files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('gzlines');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back exactly the lines written, long ones and multi-byte characters across chunks included', async () => {
    const lines = ['{"header":true}', '', 'Jürgen Müller ✓ 日本語', 'ß'.repeat(100_000), ...Array.from({ length: 2_000 }, (_, i) => `["src/file${i}.c",{"k":${i}}]`)];
    const file = path.join(dir, 'nested', 'index.json.gz');
    assert.equal(await writeGzipLines(file, lines), true);
    assert.deepEqual(await all(file), lines);
    assert.deepEqual(await readdir(path.dirname(file)), ['index.json.gz'], 'no temporary file is left');
  });

  it('leaves the old file in place when keep() says the data changed meanwhile', async () => {
    const file = path.join(dir, 'index.json.gz');
    await writeGzipLines(file, ['old']);
    assert.equal(await writeGzipLines(file, ['new'], () => false), false);
    assert.deepEqual(await all(file), ['old']);
    assert.deepEqual(await readdir(dir), ['index.json.gz']);
  });

  it('fails, and leaves nothing behind, when the lines cannot be produced', async () => {
    const file = path.join(dir, 'index.json.gz');
    function* failing(): Generator<string> {
      yield 'first';
      throw new Error('index changed');
    }
    await assert.rejects(writeGzipLines(file, failing()), /index changed/);
    assert.deepEqual(await readdir(dir), []);
  });

  it('fails as the file does: missing, not gzip, or cut short', async () => {
    await assert.rejects(all(path.join(dir, 'missing.gz')), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
    const notGzip = path.join(dir, 'plain.gz');
    await writeFile(notGzip, 'plain text');
    await assert.rejects(all(notGzip), /incorrect header check/);
    const cut = path.join(dir, 'cut.gz');
    const whole = gzipSync(Array.from({ length: 5_000 }, (_, i) => `line ${i}`).join('\n'));
    await writeFile(cut, whole.subarray(0, whole.length - 10));
    await assert.rejects(all(cut), /unexpected end of file/);
    assert.ok((await readFile(cut)).length > 0);
  });
});
