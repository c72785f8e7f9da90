import assert from 'node:assert/strict';
import { ByteTable, HASH_START, hashByte } from '../../../src/git/byteTable';

const hashOf = (bytes: Uint8Array): number => bytes.reduce((h, b) => hashByte(h, b), HASH_START);

describe('values found by a run of bytes', () => {
  it('finds each of thousands of keys where it sits in a larger buffer, and nothing for a key never kept', () => {
    const table = new ByteTable<number>();
    const names = Array.from({ length: 5000 }, (_, i) => `src/dir${i % 37}/file ${i}.ts`);
    for (const [i, name] of names.entries()) {
      const bytes = Buffer.from(name);
      table.set(bytes, 0, bytes.length, hashOf(bytes), i);
    }
    for (const [i, name] of names.entries()) {
      // The key inside a buffer holding other bytes around it, as a name sits in git's output.
      const around = Buffer.from(`\x1e…${name}\0next`);
      const from = around.indexOf(name);
      const key = Buffer.from(name);
      assert.equal(table.get(around, from, from + key.length, hashOf(key)), i, name);
    }
    for (const absent of ['src/dir1/file 1.t', 'src/dir1/file 1.tsx', 'src/dir1/file 5001.ts']) {
      const bytes = Buffer.from(absent);
      assert.equal(table.get(bytes, 0, bytes.length, hashOf(bytes)), undefined, absent);
    }
  });

  it('tells apart keys whose hashes are the same, by their bytes and their lengths', () => {
    const table = new ByteTable<string>();
    // One hash for all: every key lands in the same chain of slots, past growing the table.
    const keys = ['a', 'ab', 'abc', 'abd', 'Łukasz', 'Lukasz', ...Array.from({ length: 700 }, (_, i) => `k${i}`)];
    for (const key of keys) {
      const bytes = Buffer.from(key);
      table.set(bytes, 0, bytes.length, 42, key.toUpperCase());
    }
    for (const key of keys) {
      const bytes = Buffer.from(key);
      assert.equal(table.get(bytes, 0, bytes.length, 42), key.toUpperCase(), key);
    }
    const other = Buffer.from('abe');
    assert.equal(table.get(other, 0, other.length, 42), undefined);
  });

  it('keeps keys longer than its first store of bytes', () => {
    const table = new ByteTable<number>();
    const long = Buffer.from('x'.repeat(100_000) + 'y');
    table.set(long, 0, long.length, hashOf(long), 1);
    const short = Buffer.from('z');
    table.set(short, 0, 1, hashOf(short), 2);
    assert.equal(table.get(long, 0, long.length, hashOf(long)), 1);
    assert.equal(table.get(short, 0, 1, hashOf(short)), 2);
    const almost = Buffer.from('x'.repeat(100_000) + 'z');
    assert.equal(table.get(almost, 0, almost.length, hashOf(long)), undefined, 'same hash given, last byte differs');
  });
});
