import assert from 'node:assert/strict';
import { parseGitHubRemote, remoteHosts } from '../../../src/core/queue/remotes';

const hosts = remoteHosts('https://github.example.com');

describe('queue git remotes', () => {
  it('reads the GitHub repository from every remote URL spelling', () => {
    for (const url of [
      'https://github.com/acme/web.git',
      'https://github.com/acme/web',
      'https://user@github.com/acme/web/',
      'git@github.com:acme/web.git',
      'ssh://git@github.com:22/acme/web.git',
      'git://github.com/acme/web.git',
      'git@github.example.com:acme/web.git',
    ]) {
      assert.deepEqual(parseGitHubRemote(url, hosts), { owner: 'acme', repo: 'web' }, url);
    }
    assert.deepEqual(parseGitHubRemote('https://github.com/acme/my.repo.git', hosts), { owner: 'acme', repo: 'my.repo' });
  });

  it('ignores other hosts and paths that are not owner/repo', () => {
    assert.equal(parseGitHubRemote('https://gitlab.com/acme/web.git', hosts), undefined);
    assert.equal(parseGitHubRemote('https://github.com/acme/web/tree/main', hosts), undefined);
    assert.equal(parseGitHubRemote('/local/path/repo', hosts), undefined);
    assert.equal(parseGitHubRemote('not a url', hosts), undefined);
  });

  it('always includes github.com and adds the Enterprise host', () => {
    assert.deepEqual(remoteHosts('https://github.com'), ['github.com']);
    assert.deepEqual(hosts, ['github.com', 'github.example.com']);
  });
});
