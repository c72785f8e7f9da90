import assert from 'node:assert/strict';
import { weekHtml } from '../../../src/vscode/week/weekHtml';
import type { WeekWords } from '../../../src/core/week/weekWords';

// The This Week page carries its words in the display language; its `lang` must say which, or
// screen readers and hyphenation read them as English.
describe('the This Week page language', () => {
  // Each word is its own name: what they say does not matter here.
  const words = new Proxy({}, { get: (_target, name) => String(name) }) as WeekWords;
  const page = { cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 'week.js', styleUri: 'week.css', words };

  it('names the display language its words are in', () => {
    assert.match(weekHtml({ ...page, language: 'de' }), /<html lang="de">/);
    assert.match(weekHtml({ ...page, language: 'zh-cn' }), /<html lang="zh-cn">/);
  });

  it('is English when no language is given, and never lets the tag out of its attribute', () => {
    assert.match(weekHtml(page), /<html lang="en">/);
    assert.match(weekHtml({ ...page, language: 'x"><script>' }), /<html lang="x&quot;&gt;&lt;script&gt;">/);
  });
});
