// Exponential recency decay. A tally keeps its value as of its last update, so adding an event
// or reading "now" is O(1) and the stored number never grows with the age of the repository.

export const DAY_MS = 86_400_000;

export function decayFactor(elapsedMs: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) return 1;
  return Math.exp((-Math.LN2 * elapsedMs) / (halfLifeDays * DAY_MS));
}

export interface DecayedValue {
  /** Value as of `at`. */
  value: number;
  /** Epoch ms. */
  at: number;
}

/** Adds `weight` happening at `time`; events may arrive out of order. */
export function addDecayed(v: DecayedValue, weight: number, time: number, halfLifeDays: number): void {
  v.value = valueAfter(v.value, v.at, weight, time, halfLifeDays);
  if (time >= v.at) v.at = time;
}

/**
 * addDecayed on a value kept as two numbers rather than an object (see pathRow.ts): the value
 * once `weight` at `time` is added to `value` as of `at`; it is then as of the later of the two.
 */
export function valueAfter(value: number, at: number, weight: number, time: number, halfLifeDays: number): number {
  return time >= at ? value * decayFactor(time - at, halfLifeDays) + weight : value + weight * decayFactor(at - time, halfLifeDays);
}

/** The value as seen at `now`. An event in the future of `now` is not counted up, only as it was. */
export function decayedAt(v: DecayedValue, now: number, halfLifeDays: number): number {
  return valueAt(v.value, v.at, now, halfLifeDays);
}

/** decayedAt on a value kept as two numbers. */
export function valueAt(value: number, at: number, now: number, halfLifeDays: number): number {
  return now >= at ? value * decayFactor(now - at, halfLifeDays) : value;
}
