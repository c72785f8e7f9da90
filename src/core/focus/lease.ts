// One block per user across all windows, and exactly one window acting on it: the window holding
// the lease in shared storage. The holder renews it on its heartbeat; a window that dies stops
// renewing, the lease runs out, and another window takes over.
//
// Shared storage is only eventually consistent between windows (two windows can both see an expired
// lease and both write themselves). So a fresh lease counts only after `settleMs`, once the writes
// have met and one of them has won; the loser sees the winner's name and stands down.

export interface Lease {
  readonly holder: string;
  readonly acquiredAt: number;
  readonly expiresAt: number;
}

export interface LeaseOptions {
  /** How long a lease lives without renewal. */
  readonly ttlMs: number;
  /** Renew when less than this is left. */
  readonly renewBeforeMs: number;
  /** A new lease counts only after this long, so that racing writers settle on one. */
  readonly settleMs: number;
}

export const defaultLeaseOptions: LeaseOptions = { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 1_500 };

export type LeaseStep =
  | { readonly kind: 'keep' }
  /** Write `lease` (undefined: delete it). */
  | { readonly kind: 'write'; readonly lease: Lease | undefined };

export interface LeaseDecision {
  readonly step: LeaseStep;
  /** Whether this window may perform guard actions now. */
  readonly holding: boolean;
}

export function isLease(value: unknown): value is Lease {
  const v = value as Partial<Lease> | undefined;
  return !!v && typeof v.holder === 'string' && typeof v.acquiredAt === 'number' && typeof v.expiresAt === 'number';
}

export function holdsLease(lease: Lease | undefined, me: string, now: number, options: LeaseOptions): boolean {
  return !!lease && lease.holder === me && lease.expiresAt > now && now >= lease.acquiredAt + options.settleMs;
}

/**
 * One heartbeat: acquire a free or expired lease, renew our own before it runs out, or give it up
 * when there is nothing to do (no block, no pending restore, no schedule).
 */
export function leaseStep(current: Lease | undefined, me: string, now: number, wanted: boolean, options: LeaseOptions = defaultLeaseOptions): LeaseDecision {
  const lease = isLease(current) ? current : undefined;
  const mine = lease?.holder === me && lease.expiresAt > now;
  if (!wanted) {
    return { step: mine ? { kind: 'write', lease: undefined } : { kind: 'keep' }, holding: false };
  }
  if (mine) {
    const renewed = lease.expiresAt - now < options.renewBeforeMs ? { ...lease, expiresAt: now + options.ttlMs } : undefined;
    return { step: renewed ? { kind: 'write', lease: renewed } : { kind: 'keep' }, holding: holdsLease(lease, me, now, options) };
  }
  if (!lease || lease.expiresAt <= now) {
    return { step: { kind: 'write', lease: { holder: me, acquiredAt: now, expiresAt: now + options.ttlMs } }, holding: options.settleMs <= 0 };
  }
  return { step: { kind: 'keep' }, holding: false };
}
