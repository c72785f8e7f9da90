// Resolves relative dates ("-3h", "-2d", "+30m") in a scenario against a given "now",
// so committed scenarios keep looking current no matter when the demo runs.
import type { Scenario } from './scenario.js';

const RELATIVE = /^([+-])(\d+(?:\.\d+)?)(s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3 };

// Only these keys hold dates; a title such as "-1d" must stay text.
const DATE_KEY = /(At|Date|date)$/;
const EPOCH_SECONDS_KEYS = new Set(['statusExpiration']);

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a relative or absolute date; returns undefined when the text is neither. */
export function resolveDate(value: string, now: Date): Date | undefined {
  const m = RELATIVE.exec(value.trim());
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    return new Date(now.getTime() + sign * Number(m[2]) * UNIT_MS[m[3]]);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function walk(node: unknown, now: Date, key: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, now, undefined));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v, now, k);
    return out;
  }
  if (typeof node === 'string' && key !== undefined) {
    if (EPOCH_SECONDS_KEYS.has(key)) {
      const d = resolveDate(node, now);
      return d ? Math.floor(d.getTime() / 1000) : node;
    }
    // Absolute dates are normalised too, so records compare correctly as strings.
    if (DATE_KEY.test(key)) {
      const d = resolveDate(node, now);
      return d ? isoSeconds(d) : node;
    }
  }
  return node;
}

/** Returns a deep copy of the scenario with every relative date made absolute (ISO 8601). */
export function resolveRelativeDates(scenario: Scenario, now: Date): Scenario {
  return walk(scenario, now, undefined) as Scenario;
}
