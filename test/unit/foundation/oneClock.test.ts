import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { typeScriptFilesUnder } from './sourceFiles';

// Two clocks both called systemClock, with different shapes, let a test pin one and not the other.
// The time has one home, src/core/clock.ts; what sets timers extends it under its own name.
const root = join(__dirname, '..', '..', '..');

describe('one clock', () => {
  it('declares Clock and systemClock once, in src/core/clock.ts', () => {
    const declaring = (pattern: RegExp) => typeScriptFilesUnder(join(root, 'src')).filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    assert.deepEqual(declaring(/export (interface|type) Clock\b/), [join('src', 'core', 'clock.ts')]);
    assert.deepEqual(declaring(/export const systemClock\b/), [join('src', 'core', 'clock.ts')]);
  });
});
