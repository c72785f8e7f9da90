import assert from 'node:assert/strict';
import { asPullRequestRef, pullRequestKey } from '../../../src/core/pullRequestRef';

describe('pull request references', () => {
  it('makes a stable lower-case key', () => {
    assert.equal(pullRequestKey({ owner: 'Acme', repo: 'API', number: 7 }), 'acme/api#7');
  });
  it('accepts a ref directly or wrapped as { pullRequest }', () => {
    const ref = { owner: 'acme', repo: 'api', number: 7, title: 'Fix', url: 'https://x/7', author: 'kim' };
    assert.deepEqual(asPullRequestRef(ref), ref);
    assert.deepEqual(asPullRequestRef({ pullRequest: ref }), ref);
  });
  it('rejects values that are not a pull request', () => {
    for (const bad of [undefined, null, 'acme/api#7', { owner: 'a', repo: 'b', number: '7' }, { owner: 'a', repo: 'b', number: 1.5 }]) {
      assert.equal(asPullRequestRef(bad), undefined);
    }
  });
  it('fills a title from the key and drops a non-string author', () => {
    const ref = asPullRequestRef({ owner: 'a', repo: 'b', number: 3, author: null });
    assert.equal(ref?.title, 'a/b#3');
    assert.equal(ref?.author, undefined);
  });
});
