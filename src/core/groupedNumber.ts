// Digit grouping for counts shown in English text.

/**
 * 1234 → "1,234", as toLocaleString('en-US') writes it. toLocaleString builds a number formatter
 * per call, and its first call in a process loads the locale data (~40 ms, measured on the first
 * Who Knows This File?), which a count in a sentence does not need.
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
