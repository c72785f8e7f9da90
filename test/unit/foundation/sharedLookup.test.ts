import * as assert from 'node:assert/strict';
import { SharedLookup } from '../../../src/core/sharedLookup';

/** A lookup whose answers the test releases one at a time: each reads `state` when it starts. */
function heldLookups() {
  const held: Array<{ read: string; release: () => void; fail: (err: Error) => void }> = [];
  const world = { state: 'signed in' };
  const lookup = new SharedLookup<string>(
    () =>
      new Promise<string>((resolve, reject) => {
        const read = world.state;
        held.push({ read, release: () => resolve(read), fail: reject });
      }),
  );
  return { held, world, lookup };
}

/** Lets the microtasks run (the next lookup starts from a settled promise's callbacks). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SharedLookup', () => {
  it('shares one lookup between callers who ask while it runs', async () => {
    const { held, lookup } = heldLookups();
    const a = lookup.current();
    const b = lookup.current();
    assert.equal(held.length, 1);
    held[0].release();
    assert.deepEqual(await Promise.all([a, b]), ['signed in', 'signed in']);
  });

  it('answers a change heard during a lookup with a lookup that starts after it', async () => {
    const { held, world, lookup } = heldLookups();
    const before = lookup.current();
    world.state = 'signed out';
    const after = lookup.afterChange();
    assert.equal(held.length, 1, 'a second lookup started before the first ended');
    held[0].release();
    assert.equal(await before, 'signed in');
    await settle();
    assert.equal(held.length, 2, 'the change was not looked up again');
    assert.equal(held[1].read, 'signed out');
    held[1].release();
    assert.equal(await after, 'signed out');
  });

  it('runs one more lookup however many changes are heard during one', async () => {
    const { held, lookup } = heldLookups();
    void lookup.current();
    const answers = [lookup.afterChange(), lookup.afterChange(), lookup.afterChange()];
    held[0].release();
    await settle();
    assert.equal(held.length, 2);
    held[1].release();
    await Promise.all(answers);
    await settle();
    assert.equal(held.length, 2);
  });

  it('starts at once when nothing runs, and shares that lookup with current()', async () => {
    const { held, lookup } = heldLookups();
    const changed = lookup.afterChange();
    const plain = lookup.current();
    assert.equal(held.length, 1);
    held[0].release();
    assert.deepEqual(await Promise.all([changed, plain]), ['signed in', 'signed in']);
  });

  it('still looks up after a change when the running lookup fails', async () => {
    const { held, world, lookup } = heldLookups();
    const failed = lookup.current();
    world.state = 'signed out';
    const after = lookup.afterChange();
    held[0].fail(new Error('offline'));
    await assert.rejects(failed, /offline/);
    await settle();
    held[1].release();
    assert.equal(await after, 'signed out');
  });
});
