import assert from 'node:assert/strict';
import { missingScopes } from '../../../src/github/viewer';

describe('missingScopes', () => {
  it('lists what a classic token lacks', () => {
    assert.deepEqual(missingScopes(['repo'], ['read:org', 'repo', 'user']), ['read:org', 'user']);
  });
  it('follows GitHub scope implications', () => {
    assert.deepEqual(missingScopes(['repo', 'admin:org', 'user'], ['public_repo', 'read:org', 'read:user']), []);
  });
  it('does not second-guess fine-grained tokens, which report no scopes', () => {
    assert.deepEqual(missingScopes([], ['repo']), []);
  });
});
