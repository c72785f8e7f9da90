import assert from 'node:assert/strict';
import { detachedString } from '../../../src/core/detachedString';

describe('detachedString', () => {
  it('keeps every character, unpaired surrogates, quotes and escapes too', () => {
    const texts = ['', 'a', 'src/lib/ä/ö.ts', 'e:someone.long@example.com', 'x\ud800y', '\udc00', '"quoted" \\ back\nline\u0000', 'Zoë 😀 '.repeat(50)];
    for (const text of texts) assert.equal(detachedString(text), text, JSON.stringify(text));
  });
});
