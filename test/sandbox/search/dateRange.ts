// GitHub's date qualifier syntax: ">D", ">=D", "<D", "<=D", "D", "A..B", "A..*", "*..B",
// where D is a day (YYYY-MM-DD) or a full timestamp.
import { SearchQueryError } from './parseQuery';

const DAY_MS = 86400e3;

interface Bound {
  start: number;
  /** Exclusive end of the value's span: a whole day for dates, 1 ms for timestamps. */
  end: number;
}

function bound(text: string): Bound {
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const t = Date.parse(isDay ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(t)) throw new SearchQueryError(`Invalid date "${text}" in search query.`);
  return { start: t, end: t + (isDay ? DAY_MS : 1) };
}

/** Returns a predicate over epoch milliseconds. */
export function dateMatcher(expr: string): (t: number) => boolean {
  const m = /^(>=|<=|>|<)(.+)$/.exec(expr);
  if (m) {
    const b = bound(m[2]);
    switch (m[1]) {
      case '>':
        return (t) => t >= b.end;
      case '>=':
        return (t) => t >= b.start;
      case '<':
        return (t) => t < b.start;
      default:
        return (t) => t < b.end;
    }
  }
  const range = /^(.+)\.\.(.+)$/.exec(expr);
  if (range) {
    const lo = range[1] === '*' ? -Infinity : bound(range[1]).start;
    const hi = range[2] === '*' ? Infinity : bound(range[2]).end;
    return (t) => t >= lo && t < hi;
  }
  const b = bound(expr);
  return (t) => t >= b.start && t < b.end;
}
