// Wall-clock times and instants in a named zone, through Intl: for calendar times tagged with an
// IANA zone a feed does not define (many say TZID=Europe/Berlin without a VTIMEZONE), and for
// working hours kept in the lead's chosen zone. A time with no zone is the process's local time.

export interface WallTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let found = formatters.get(zone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      found = null;
    }
    formatters.set(zone, found);
  }
  return found;
}

/** Whether this runtime knows the zone by name (IANA names; Windows names such as "W. Europe Standard Time" are not). */
export function isKnownZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

const weekdayIndex: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** What a zone's wall clock shows at an instant (weekday 0 = Sunday), or undefined for an unknown zone. */
export function wallTimeAt(epochMs: number, zone: string): (WallTime & { readonly weekday: number }) | undefined {
  const format = formatterFor(zone);
  return format ? partsAt(epochMs, format) : undefined;
}

function partsAt(epochMs: number, format: Intl.DateTimeFormat): WallTime & { readonly weekday: number } {
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = p.value;
  const n = (key: string, fallback: number) => (parts[key] === undefined ? fallback : Number(parts[key]));
  return { year: n('year', 1970), month: n('month', 1), day: n('day', 1), hour: n('hour', 0), minute: n('minute', 0), second: n('second', 0), weekday: weekdayIndex[parts.weekday ?? ''] ?? 0 };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, format: Intl.DateTimeFormat): number {
  const t = partsAt(epochMs, format);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in a zone. A time that does not exist (skipped by a DST
 * change) moves forward by the gap; one that exists twice is the first, as RFC 5545 (3.3.5) says.
 */
export function wallTimeInZone(t: WallTime, zone: string): number | undefined {
  const format = formatterFor(zone);
  if (!format) return undefined;
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const before = offsetAt(guess - 86_400_000 / 2, format);
  const after = offsetAt(guess + 86_400_000 / 2, format);
  // Try the earlier offset first, so an ambiguous time resolves to its first occurrence.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = guess - offset;
    if (offsetAt(candidate, format) === offset) return candidate;
  }
  // In a gap neither offset round-trips: read it with the offset before the change.
  return guess - before;
}

/** The instant a wall-clock time names in the process's local zone. */
export function localWallTime(t: WallTime): number {
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second).getTime();
}
