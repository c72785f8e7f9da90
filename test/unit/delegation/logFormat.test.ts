import assert from 'node:assert/strict';
import { LogStreamParser, parseLogOutput } from '../../../src/git/logFormat';

const RS = '\x1e';
const US = '\x1f';

/** Output shaped like `git log -z --name-only --format=<LOG_FORMAT>`. */
function record(sha: string, name: string, files: string[], trailers = ''): string {
  return `${RS}${sha}${US}${'p'.repeat(40)}${US}${name}${US}${name.toLowerCase()}@example.com${US}1700000000${US}${trailers}${US}\n${files.join('\0')}\0`;
}

const output = [
  record('a'.repeat(40), 'Ada', ['src/io/fs.c', 'src/io/my file.c'], 'Reviewed-by: Bob Stone <bob@example.com>\n'),
  record('b'.repeat(40), 'Bob', ['docs/readme.md']),
  record('c'.repeat(40), 'Cleo', ['test/fs.test.c', 'src/io/fs.c']),
].join('');

describe('git log output as it streams in', () => {
  it('gives the same commits whatever the chunk boundaries', () => {
    const whole = parseLogOutput(output);
    assert.equal(whole.length, 3);
    assert.deepEqual(whole[0].files, ['src/io/fs.c', 'src/io/my file.c']);
    for (const size of [1, 7, 64, output.length]) {
      const parser = new LogStreamParser();
      const streamed = [];
      const bytes = Buffer.from(output);
      for (let i = 0; i < bytes.length; i += size) streamed.push(...parser.push(bytes.subarray(i, i + size)));
      streamed.push(...parser.end());
      assert.deepEqual(streamed, whole, `chunks of ${size}`);
    }
  });

  it('holds back the last commit until git has finished, since more of its files may follow', () => {
    const parser = new LogStreamParser();
    assert.deepEqual(parser.push(Buffer.from(record('a'.repeat(40), 'Ada', ['src/a.c']))), []);
    const first = parser.push(Buffer.from(record('b'.repeat(40), 'Bob', ['src/b.c'])));
    assert.deepEqual(first.map((c) => c.sha), ['a'.repeat(40)]);
    assert.deepEqual(parser.end().map((c) => c.files), [['src/b.c']]);
    assert.deepEqual(parser.end(), []);
  });

  it('skips a record missing a field and reads on from the next one', () => {
    const broken = `${RS}${'d'.repeat(40)}${US}${'p'.repeat(40)}${US}Dee\n`;
    const commits = parseLogOutput(record('a'.repeat(40), 'Ada', ['a.c']) + broken + record('b'.repeat(40), 'Bob', ['b.c']));
    assert.deepEqual(
      commits.map((c) => [c.sha[0], c.author.name, c.files]),
      [
        ['a', 'Ada', ['a.c']],
        ['b', 'Bob', ['b.c']],
      ],
    );
  });

  it('reads the author time, and a second parent as a merge', () => {
    const merge = `${RS}${'m'.repeat(40)}${US}${'p'.repeat(40)} ${'q'.repeat(40)}${US}Ada${US}ada@example.com${US}1700000123${US}${US}\n`;
    const [commit] = parseLogOutput(merge);
    assert.equal(commit.time, 1_700_000_123_000);
    assert.equal(commit.merge, true);
    assert.deepEqual(commit.files, []);
    assert.equal(parseLogOutput(record('a'.repeat(40), 'Ada', ['a.c']))[0].merge, false);
  });
});
