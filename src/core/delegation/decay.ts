// Exponential recency decay. A tally keeps its value as of its last update, so adding an event
// or reading "now" is O(1) and the stored number never grows with the age of the repository.

export const DAY_MS = 86_400_000;

export function decayFactor(elapsedMs: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) return 1;
  return Math.pow(0.5, elapsedMs / (halfLifeDays * DAY_MS));
}

export interface DecayedValue {
  /** Value as of `at`. */
  value: number;
  /** Epoch ms. */
  at: number;
}

/** Adds `weight` happening at `time`; events may arrive out of order. */
export function addDecayed(v: DecayedValue, weight: number, time: number, halfLifeDays: number): void {
  if (time >= v.at) {
    v.value = v.value * decayFactor(time - v.at, halfLifeDays) + weight;
    v.at = time;
  } else {
    v.value += weight * decayFactor(v.at - time, halfLifeDays);
  }
}

/** The value as seen at `now`. An event in the future of `now` is not counted up, only as it was. */
export function decayedAt(v: DecayedValue, now: number, halfLifeDays: number): number {
  return now >= v.at ? v.value * decayFactor(now - v.at, halfLifeDays) : v.value;
}
