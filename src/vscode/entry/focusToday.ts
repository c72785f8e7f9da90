/**
 * Today's focus time from the stored focus state's history, as the idle focus item's tooltip counts
 * it (finished blocks that ended today; a running block makes start-up load the features anyway).
 * Undefined when a block of today's is not what the focus feature writes: then the features load
 * and count it themselves.
 */
export function focusedTodayMs(history: unknown, now: number): number | undefined {
  if (history === undefined) return 0;
  if (!Array.isArray(history)) return undefined;
  const dayStart = new Date(now).setHours(0, 0, 0, 0);
  let total = 0;
  for (const block of history as unknown[]) {
    const endedAt = (block as { endedAt?: unknown } | null)?.endedAt;
    if (typeof endedAt !== 'number') return undefined;
    if (endedAt < dayStart || endedAt > now) continue;
    const focused = (block as { focusedMs?: unknown }).focusedMs;
    if (typeof focused !== 'number' || !Number.isFinite(focused) || focused < 0) return undefined;
    total += focused;
  }
  return total;
}
