import assert from 'node:assert/strict';
import { mostSimilarFiles, pathSimilarity, pathTokens } from '../../../src/core/delegation/pathSimilarity';

describe('path similarity', () => {
  it('splits directories and the words of a file name', () => {
    assert.deepEqual(pathTokens('test/test-fs-copyFile.c'), ['test/', 'test', 'fs', 'copy', 'file', 'c']);
  });

  it('is 1 for the same path and 0 for nothing in common', () => {
    assert.equal(pathSimilarity(pathTokens('a/b.c'), pathTokens('a/b.c')), 1);
    assert.equal(pathSimilarity(pathTokens('a/b.c'), pathTokens('x/y.go')), 0);
  });

  it('ranks a sibling with a shared name above an unrelated file in the same tree', () => {
    const found = mostSimilarFiles('src/unix/fs-poll.c', ['src/unix/fs.c', 'src/unix/tty.c', 'docs/fs.md', 'src/win/pipe.c'], 3, 0.1);
    assert.equal(found[0].path, 'src/unix/fs.c');
    assert.ok(found.every((f, i) => i === 0 || f.similarity <= found[i - 1].similarity));
    assert.ok(!found.some((f) => f.path === 'src/win/pipe.c' && f.similarity > found[0].similarity));
  });

  it('matches a shared suffix across different roots', () => {
    const s = pathSimilarity(pathTokens('packages/core/src/index.ts'), pathTokens('packages/cli/src/index.ts'));
    const t = pathSimilarity(pathTokens('packages/core/src/index.ts'), pathTokens('packages/cli/lib/main.ts'));
    assert.ok(s > t);
  });
});
