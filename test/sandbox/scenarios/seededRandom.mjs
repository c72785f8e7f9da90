// Plain JavaScript so that both the TypeScript scenario generator and the Node-only demo scripts
// can use it without a build step.

/**
 * mulberry32: a tiny seeded generator of numbers in [0, 1). Good enough to spread test data and
 * make a history look organic, and the same seed always gives the same sequence.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
