import assert from 'node:assert/strict';
import { formatHandoffMessage, handoffArea } from '../../../src/core/delegation/handoffMessage';

describe('handoff message', () => {
  it('names the folder the files share, the single file, or "these files"', () => {
    assert.equal(handoffArea(['src/unix/fs.c', 'src/unix/tcp.c']), 'src/unix/');
    assert.equal(handoffArea(['src/unix/fs.c', 'src/unix/linux/epoll.c']), 'src/unix/');
    assert.equal(handoffArea(['./src/win/fs.c']), 'src/win/fs.c');
    assert.equal(handoffArea(['src/a.c', 'test/a.c']), 'these files');
    assert.equal(handoffArea([]), 'this code');
  });

  it('addresses the person by login with the default template', () => {
    assert.equal(formatHandoffMessage({ login: 'x', name: 'Xavier Doe', area: 'src/unix/' }), '@x could you take the first pass? You know src/unix/ best.');
  });

  it('falls back to the first name, without an @, when no login is known', () => {
    assert.equal(formatHandoffMessage({ name: 'Dora Contractor', area: 'src/engine/' }), 'Dora could you take the first pass? You know src/engine/ best.');
  });

  it('fills a custom template', () => {
    const text = formatHandoffMessage({ login: 'ana', name: 'Ana Lima', area: 'docs/', template: 'Hi {name} (@{login}), {area} is yours, if you have time.' });
    assert.equal(text, 'Hi Ana Lima (@ana), docs/ is yours, if you have time.');
  });
});
