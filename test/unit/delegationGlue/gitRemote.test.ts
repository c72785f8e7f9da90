import assert from 'node:assert/strict';
import { githubRepoFromUrl, githubReposOf, parseGitConfigRemotes } from '../../../src/core/delegation/gitRemote';

describe('git remotes', () => {
  it('reads remote URLs from git config text', () => {
    const config = '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:me/fork.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[remote "upstream"]\n\turl = https://github.com/acme/api\n[branch "main"]\n\tremote = origin\n';
    assert.deepEqual(parseGitConfigRemotes(config), [{ name: 'origin', url: 'git@github.com:me/fork.git' }, { name: 'upstream', url: 'https://github.com/acme/api' }]);
    assert.deepEqual(githubReposOf(config, 'github.com'), [{ owner: 'acme', repo: 'api' }, { owner: 'me', repo: 'fork' }]);
  });

  it('understands https, scp-style ssh, ssh:// and other hosts', () => {
    assert.deepEqual(githubRepoFromUrl('https://github.com/acme/api.git', 'github.com'), { owner: 'acme', repo: 'api' });
    assert.deepEqual(githubRepoFromUrl('https://token@github.com/acme/api/', 'github.com'), { owner: 'acme', repo: 'api' });
    assert.deepEqual(githubRepoFromUrl('git@ghe.corp:acme/api.v2.git', 'ghe.corp'), { owner: 'acme', repo: 'api.v2' });
    assert.deepEqual(githubRepoFromUrl('ssh://git@ghe.corp:2222/acme/api.git', 'GHE.corp'), { owner: 'acme', repo: 'api' });
    assert.equal(githubRepoFromUrl('https://gitlab.com/acme/api.git', 'github.com'), undefined);
    assert.equal(githubRepoFromUrl('https://github.com/acme', 'github.com'), undefined);
  });
});
