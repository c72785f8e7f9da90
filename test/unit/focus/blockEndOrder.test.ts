import assert from 'node:assert/strict';
import { ManualClock } from '../../../src/core/clock';
import { FakeGuard, singleWindow, type FakeWorld } from './fakeGuard';

const min = 60_000;
const t0 = new Date(2025, 5, 9, 8, 50).getTime();

describe('the end of a block', () => {
  it('is reported only after the guards are released, so the break offer is not hidden by Do Not Disturb', async () => {
    const clock = new ManualClock(t0);
    const world: FakeWorld = { status: { text: 'notifications on', expiresAt: null }, writes: 0, reads: 0 };
    const guard = new FakeGuard('notifications', world, () => clock.now());
    const c = singleWindow(clock, [guard]);
    const order: string[] = [];
    c.onEvent((e) => {
      if (e.kind === 'blockEnded') order.push(`block ended; guard shows "${world.status?.text}"`);
    });
    await c.start({ type: 'deepWork', minutes: 25 });
    assert.match(world.status?.text ?? '', /^busy until/);
    clock.advance(25 * min);
    await c.pulse();
    assert.deepEqual(order, ['block ended; guard shows "notifications on"']);
  });
});
