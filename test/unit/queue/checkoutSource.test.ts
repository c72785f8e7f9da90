import assert from 'node:assert/strict';
import { checkoutSource } from '../../../src/core/queue/checkoutSource';

describe('where a local checkout fetches the pull request from', () => {
  const repo = { owner: 'acme', repo: 'api' };

  it('uses the folder\'s own remote when it points at the configured GitHub, in any spelling', () => {
    assert.equal(checkoutSource({ remote: 'origin', url: 'git@github.com:acme/api.git' }, repo, 'https://github.com'), 'origin');
    assert.equal(checkoutSource({ remote: 'upstream', url: 'https://github.example.com/acme/api' }, repo, 'https://github.example.com'), 'upstream');
  });

  it('fetches from the configured GitHub when the remote names another host (an Enterprise server, the demo\'s sandbox)', () => {
    assert.equal(checkoutSource({ remote: 'origin', url: 'https://github.com/acme/api.git' }, repo, 'http://127.0.0.1:7717'), 'http://127.0.0.1:7717/acme/api.git');
    assert.equal(checkoutSource({ remote: 'origin', url: 'git@github.com:acme/api.git' }, repo, 'https://ghe.example.com/'), 'https://ghe.example.com/acme/api.git');
  });
});
