// The pulse history kept in the extension's local storage: per week, where the pulse was posted
// and how many of each reaction it got. Who answered is never kept. Storage can hold anything
// (an older version, a hand edit), so every record is validated on read and a bad one is dropped.
import { isWeekKey, recentWeeks, type WeekKey } from './pulseWeek';
import type { PulseOption } from './pulseSettings';

export interface PulseRecord {
  readonly week: WeekKey;
  readonly channel: string;
  /** When the post was decided, epoch ms; written before posting so a lost answer is looked up, not re-posted. */
  readonly plannedAt: number;
  /** Slack's message timestamp once the post is known to exist. */
  readonly ts?: string;
  /** Reaction name → count, for the configured answers only. */
  readonly counts?: Readonly<Record<string, number>>;
  readonly countedAt?: number;
}

/** Half a year: enough for the 8-week trend and a look back, small in storage. */
export const MAX_RECORDS = 26;

const TS = /^\d{9,11}\.\d{1,6}$/;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

function parseCounts(raw: unknown): Record<string, number> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, number> = {};
  for (const [name, count] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || name.length > 100) return undefined;
    out[name] = count;
  }
  return out;
}

function parseRecord(raw: unknown): PulseRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (!isWeekKey(r.week) || typeof r.channel !== 'string' || !/^[CG][A-Z0-9]+$/.test(r.channel) || !isTime(r.plannedAt)) return undefined;
  if (r.ts !== undefined && (typeof r.ts !== 'string' || !TS.test(r.ts))) return undefined;
  const counts = r.counts === undefined ? undefined : parseCounts(r.counts);
  if (r.counts !== undefined && !counts) return undefined;
  if (r.countedAt !== undefined && !isTime(r.countedAt)) return undefined;
  return {
    week: r.week,
    channel: r.channel,
    plannedAt: r.plannedAt,
    ...(typeof r.ts === 'string' ? { ts: r.ts } : {}),
    ...(counts ? { counts } : {}),
    ...(isTime(r.countedAt) ? { countedAt: r.countedAt } : {}),
  };
}

/** The stored history, newest week first, one record per week; `dropped` counts what could not be read. */
export function parsePulseHistory(raw: unknown): { records: PulseRecord[]; dropped: number } {
  if (!Array.isArray(raw)) return { records: [], dropped: raw === undefined ? 0 : 1 };
  const byWeek = new Map<WeekKey, PulseRecord>();
  let dropped = 0;
  for (const item of raw) {
    const record = parseRecord(item);
    if (!record || byWeek.has(record.week)) dropped++;
    else byWeek.set(record.week, record);
  }
  const records = [...byWeek.values()].sort((a, b) => b.week.localeCompare(a.week)).slice(0, MAX_RECORDS);
  return { records, dropped };
}

/** The history with one week's record put in (replacing that week's), newest first, trimmed. */
export function withRecord(records: readonly PulseRecord[], record: PulseRecord): PulseRecord[] {
  return [record, ...records.filter((r) => r.week !== record.week)].sort((a, b) => b.week.localeCompare(a.week)).slice(0, MAX_RECORDS);
}

export interface PulseSummary {
  readonly responses: number;
  /** Mean answer on a 1 (worst) to N (best) scale, N being the number of options; undefined with no answers. */
  readonly score: number | undefined;
  readonly scale: number;
}

/** Counts of the configured answers only; other reactions on the message are not answers. */
export function summarisePulse(counts: Readonly<Record<string, number>>, options: readonly PulseOption[]): PulseSummary {
  let responses = 0;
  let total = 0;
  options.forEach((o, i) => {
    const n = counts[o.reaction] ?? 0;
    responses += n;
    total += n * (options.length - i);
  });
  return { responses, score: responses > 0 ? total / responses : undefined, scale: options.length };
}

export interface TrendPoint {
  readonly week: WeekKey;
  /** Undefined when no pulse went out that week. */
  readonly summary: PulseSummary | undefined;
}

/** The last `weeks` weeks up to the week of `now`, oldest first, with each week's result if any. */
export function pulseTrend(records: readonly PulseRecord[], options: readonly PulseOption[], now: number, weeks = 8): TrendPoint[] {
  const byWeek = new Map(records.map((r) => [r.week, r]));
  return recentWeeks(now, weeks).map((week) => {
    const record = byWeek.get(week);
    return { week, summary: record?.ts ? summarisePulse(record.counts ?? {}, options) : undefined };
  });
}

const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A one-line sparkline of the scores, `·` for weeks without answers: "▅▆·▃▄▅▆▇". */
export function sparkline(trend: readonly TrendPoint[]): string {
  return trend
    .map(({ summary }) => {
      if (summary?.score === undefined) return '·';
      const position = summary.scale > 1 ? (summary.score - 1) / (summary.scale - 1) : 1;
      return bars[Math.min(bars.length - 1, Math.round(position * (bars.length - 1)))];
    })
    .join('');
}

/** "up", "down" or "steady": this week's score against the mean of the earlier weeks with answers. */
export function trendDirection(trend: readonly TrendPoint[]): 'up' | 'down' | 'steady' | undefined {
  const scored = trend.filter((p) => p.summary?.score !== undefined).map((p) => p.summary!.score!);
  if (scored.length < 2) return undefined;
  const last = scored[scored.length - 1];
  const before = scored.slice(0, -1).reduce((a, b) => a + b, 0) / (scored.length - 1);
  if (last - before >= 0.25) return 'up';
  if (before - last >= 0.25) return 'down';
  return 'steady';
}
