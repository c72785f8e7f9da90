// Wall-clock times to instants. A time with no zone (floating) or an all-day date is the lead's own
// local time, as the rest of Lead Desk reads it; a time tagged with an IANA zone the feed does not
// define (many feeds say TZID=Europe/Berlin without a VTIMEZONE) is read in that zone through Intl.

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

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, format: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
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
