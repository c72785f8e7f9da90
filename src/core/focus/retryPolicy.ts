// When a failed guard action is tried again: exponential backoff from a few seconds to a few
// minutes, never earlier than the time a rate limit says.

export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 5_000, maxMs: 5 * 60_000 };

/** `attempts` counts failures so far (1 after the first). */
export function nextAttemptAt(attempts: number, now: number, retryAt: number | undefined, policy: RetryPolicy = defaultRetryPolicy): number {
  const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(now + backoff, retryAt ?? 0);
}
