import assert from 'node:assert/strict';
import { countHandoffs } from '../../../src/core/update/handoffCount';

const h = (pullRequest: string, at = 1) => ({ pullRequest, at });

describe('handoffs counted from this machine and from GitHub', () => {
  it('counts a handoff seen in both places once', () => {
    assert.deepEqual(countHandoffs([h('acme/web#1'), h('acme/api#2')], [h('Acme/Web#1')]), { total: 2, onlyOnGitHub: 0 });
  });

  it('adds the handoffs only GitHub knows of, made on another machine', () => {
    assert.deepEqual(countHandoffs([h('acme/web#1')], [h('acme/web#1'), h('acme/web#5'), h('acme/web#5')]), { total: 3, onlyOnGitHub: 2 });
    assert.deepEqual(countHandoffs([], [h('acme/web#5')]), { total: 1, onlyOnGitHub: 1 });
  });

  it('keeps handoffs made here without a comment, which GitHub cannot show', () => {
    assert.deepEqual(countHandoffs([h('acme/web#1'), h('acme/web#1')], [h('acme/web#1')]), { total: 2, onlyOnGitHub: 0 });
  });
});
