import assert from 'node:assert/strict';
import { holdsLease, leaseStep, type Lease, type LeaseOptions } from '../../../src/core/focus/lease';

const options: LeaseOptions = { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 1_500 };
const t = 1_000_000;

describe('focus lease', () => {
  it('takes a free lease, and acts only once it has settled', () => {
    const d = leaseStep(undefined, 'A', t, true, options);
    assert.deepEqual(d.step, { kind: 'write', lease: { holder: 'A', acquiredAt: t, expiresAt: t + 30_000 } });
    assert.equal(d.holding, false);
    const lease = (d.step as { lease: Lease }).lease;
    assert.equal(holdsLease(lease, 'A', t + 1_499, options), false);
    assert.equal(holdsLease(lease, 'A', t + 1_500, options), true);
  });

  it('keeps its own lease quietly and renews it before it runs out', () => {
    const lease: Lease = { holder: 'A', acquiredAt: t, expiresAt: t + 30_000 };
    assert.deepEqual(leaseStep(lease, 'A', t + 5_000, true, options), { step: { kind: 'keep' }, holding: true });
    const renew = leaseStep(lease, 'A', t + 15_000, true, options);
    assert.deepEqual(renew.step, { kind: 'write', lease: { holder: 'A', acquiredAt: t, expiresAt: t + 45_000 } });
    assert.equal(renew.holding, true);
  });

  it("leaves another window's live lease alone", () => {
    const lease: Lease = { holder: 'A', acquiredAt: t, expiresAt: t + 30_000 };
    assert.deepEqual(leaseStep(lease, 'B', t + 29_999, true, options), { step: { kind: 'keep' }, holding: false });
  });

  it("takes over a dead window's lease once it expires", () => {
    const lease: Lease = { holder: 'A', acquiredAt: t, expiresAt: t + 30_000 };
    const d = leaseStep(lease, 'B', t + 30_000, true, options);
    assert.deepEqual(d.step, { kind: 'write', lease: { holder: 'B', acquiredAt: t + 30_000, expiresAt: t + 60_000 } });
  });

  it('gives the lease back when there is nothing to guard', () => {
    const lease: Lease = { holder: 'A', acquiredAt: t, expiresAt: t + 30_000 };
    assert.deepEqual(leaseStep(lease, 'A', t + 1_000, false, options), { step: { kind: 'write', lease: undefined }, holding: false });
    assert.deepEqual(leaseStep(lease, 'B', t + 1_000, false, options), { step: { kind: 'keep' }, holding: false });
  });

  it('ignores a damaged stored lease', () => {
    const d = leaseStep({ holder: 42 } as unknown as Lease, 'A', t, true, options);
    assert.equal(d.step.kind, 'write');
  });
});
