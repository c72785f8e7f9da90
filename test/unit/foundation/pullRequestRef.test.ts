import assert from 'node:assert/strict';
import { asPullRequestRef, parsePullRequestText, pullRequestKey } from '../../../src/core/pullRequestRef';

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

  it('reads a pull request the user typed: github.com and Enterprise URLs, and the short form', () => {
    assert.deepEqual(parsePullRequestText('https://github.com/acme/web/pull/42/files'), { owner: 'acme', repo: 'web', number: 42, title: 'acme/web#42', url: 'https://github.com/acme/web/pull/42' });
    assert.equal(parsePullRequestText('https://ghe.corp/acme/api/pull/7/files#diff-1')?.url, 'https://ghe.corp/acme/api/pull/7');
    assert.deepEqual(parsePullRequestText(' acme/api.v2#412 '), { owner: 'acme', repo: 'api.v2', number: 412, title: 'acme/api.v2#412', url: '' });
  });

  it('rejects anything that is not a pull request', () => {
    const bad = ['', 'acme/web', 'acme/web#0', '-acme/web#1', 'https://github.com/acme/web/issues/4', 'ftp://github.com/a/b/pull/1', 'not a url', 'https://github.com/acme/web/pull/'];
    for (const text of bad) assert.equal(parsePullRequestText(text), undefined, text);
  });
});
