import assert from 'node:assert/strict';
import { filesToRank, rankedFilesNote } from '../../../src/core/delegation/rankedFiles';

const file = (path: string, additions: number, deletions = 0) => ({ path, additions, deletions });

describe('files a suggestion is ranked on', () => {
  it('keeps every file of a change up to the limit, in order', () => {
    assert.deepEqual(filesToRank([file('b', 1), file('a', 50)], 2), ['b', 'a']);
  });

  it('keeps the most-changed files of a bigger change, earlier files first on ties', () => {
    const files = [file('docs/x.md', 1), file('src/core.ts', 120, 30), file('src/a.ts', 5, 5), file('src/b.ts', 10), file('test/t.ts', 0, 40)];
    assert.deepEqual(filesToRank(files, 3), ['src/core.ts', 'test/t.ts', 'src/a.ts']);
  });

  it('says how the ranking was narrowed, and nothing when it used every file', () => {
    assert.equal(rankedFilesNote(300, 2431, 2431), 'Ranked on the 300 most-changed of 2,431 changed files.');
    assert.equal(rankedFilesNote(300, 3000, 3050), 'Ranked on the 300 most-changed of 3,050 changed files.');
    assert.equal(rankedFilesNote(120, 120, 130), 'Ranked on the first 120 of 130 changed files (GitHub lists no more).');
    assert.equal(rankedFilesNote(42, 42, 42), undefined);
  });
});
