import assert from 'node:assert/strict';
import { ExpiringCache } from '../../../src/core/expiringCache';

describe('ExpiringCache', () => {
  let now: number;
  let cache: ExpiringCache<string, string[]>;
  let calls: number;
  const load = (value: string[]) => () => {
    calls++;
    return Promise.resolve(value);
  };
  const failing = () => {
    calls++;
    return Promise.reject(new Error('offline'));
  };

  beforeEach(() => {
    now = 1_000_000;
    calls = 0;
    cache = new ExpiringCache<string, string[]>(60_000, () => now);
  });

  it('reuses a fresh value and fetches again once it is stale', async () => {
    assert.deepEqual((await cache.get('t', load(['ann']))).value, ['ann']);
    now += 59_999;
    assert.deepEqual((await cache.get('t', load(['bob']))).value, ['ann']);
    assert.equal(calls, 1);
    now += 1;
    const read = await cache.get('t', load(['bob']));
    assert.deepEqual(read.value, ['bob']);
    assert.equal(read.fetchedAt, now);
    assert.equal(calls, 2);
  });

  it('keys are separate', async () => {
    await cache.get('a', load(['ann']));
    assert.deepEqual((await cache.get('b', load(['bob']))).value, ['bob']);
    assert.equal(calls, 2);
  });

  it('hands out the last good value with the error when a refetch fails', async () => {
    await cache.get('t', load(['ann']));
    const firstFetch = now;
    now += 120_000;
    const read = await cache.get('t', failing);
    assert.deepEqual(read.value, ['ann']);
    assert.equal(read.fetchedAt, firstFetch);
    assert.ok('error' in read && read.error instanceof Error && read.error.message === 'offline');
    // The failure is not cached as a value: the next read tries again and recovers.
    assert.deepEqual((await cache.get('t', load(['bob']))).value, ['bob']);
    assert.equal(calls, 3);
  });

  it('throws when the first fetch fails, and does not remember the failure', async () => {
    await assert.rejects(cache.get('t', failing), /offline/);
    assert.deepEqual((await cache.get('t', load(['ann']))).value, ['ann']);
  });

  it('runs one fetch for concurrent readers of a key', async () => {
    let release!: (v: string[]) => void;
    const slow = () => {
      calls++;
      return new Promise<string[]>((resolve) => (release = resolve));
    };
    const a = cache.get('t', slow);
    const b = cache.get('t', slow);
    release(['ann']);
    assert.deepEqual([(await a).value, (await b).value], [['ann'], ['ann']]);
    assert.equal(calls, 1);
  });

  it('clear() forgets values, and a fetch started before it is not stored after it', async () => {
    await cache.get('t', load(['ann']));
    let release!: (v: string[]) => void;
    now += 120_000;
    const old = cache.get('t', () => new Promise<string[]>((resolve) => (release = resolve)));
    cache.clear();
    release(['from the old account']);
    assert.deepEqual((await old).value, ['from the old account']);
    assert.deepEqual((await cache.get('t', load(['bob']))).value, ['bob']);
    await assert.rejects(
      (async () => {
        cache.clear();
        await cache.get('t', failing);
      })(),
      /offline/,
    );
  });
});
