// Reads the focus state from shared storage. Another version, a crash mid-write or a hand edit can
// leave anything there, and the heartbeat, the status bar and the Focus view all read it: a value
// they cannot use (a date past the end of time makes date formatting throw) would break each of
// them on every tick. So every record is checked here; what cannot be trusted is dropped or
// repaired, and each problem is reported once.
import { translated } from '../inertText';
import type { PullRequestRef } from '../pullRequestRef';
import { maxBlockMinutes, minuteMs } from './focusMachine';
import { emptyFocusState, isFocusType, type ActiveBlock, type BlockSource, type BreakOffer, type BreakPeriod, type FinishedBlock, type FocusState, type FocusType, type OffDuty, type PlannedBlock, type TakenBreak } from './types';

export interface ReviveOptions {
  /** Now, to recognise a block that claims to have started in the future. */
  readonly now?: number;
  /** Told about each problem found; see `onceEach` for logging each only once. */
  readonly warn?: (problem: string) => void;
}

/** Earlier than any state Lead Desk wrote (2020-01-01); a smaller time is damage, not history. */
const earliest = Date.UTC(2020, 0, 1);
/** The last time a Date can hold; beyond it, formatting throws. */
const latest = 8.64e15;
/** A block is extended at most 8 hours past "now" each time; a week of focus in one block is damage. */
const maxBlockSpanMs = 7 * 24 * 60 * minuteMs;
/** Clocks of windows and machines disagree a little, and users change them. */
const clockSlackMs = 24 * 60 * minuteMs;
const sources: readonly BlockSource[] = ['manual', 'schedule', 'review'];

type Fields = Record<string, unknown>;

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= earliest && v <= latest;
}

function isRecord(v: unknown): v is Fields {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A stored value, short and inert, for a log line. */
function show(v: unknown): string {
  let text: string;
  try {
    text = v === undefined ? 'missing' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? typeof v);
  } catch {
    text = typeof v;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Passes each distinct problem on once, so a damaged record read on every heartbeat is logged once. */
export function onceEach(report: (problem: string) => void): (problem: string) => void {
  const seen = new Set<string>();
  return (problem) => {
    if (seen.has(problem)) return;
    seen.add(problem);
    report(problem);
  };
}

function pullRequestOf(v: unknown): PullRequestRef | undefined {
  if (!isRecord(v)) return undefined;
  const { owner, repo, number, title, url, author } = v;
  if (typeof owner !== 'string' || typeof repo !== 'string' || typeof number !== 'number' || !Number.isInteger(number) || typeof title !== 'string') return undefined;
  // The Focus view opens this link on click, so only a web address is kept.
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  return { owner, repo, number, title, url, author: typeof author === 'string' ? author : undefined };
}

/** Why a stored block cannot be used at all, or undefined when its times hold together. */
function blockTimeProblem(b: Fields, now: number | undefined): string | undefined {
  if (!isTime(b.startedAt)) return translated`starts at an impossible time (${show(b.startedAt)})`;
  if (now !== undefined && b.startedAt > now + clockSlackMs) return translated`starts in the future (${new Date(b.startedAt).toISOString()})`;
  if (!isTime(b.endsAt)) return translated`ends at an impossible time (${show(b.endsAt)})`;
  if (b.endsAt <= b.startedAt) return translated`ends before it starts`;
  const pausedMs = typeof b.pausedMs === 'number' && Number.isFinite(b.pausedMs) && b.pausedMs >= 0 ? b.pausedMs : 0;
  if (b.endsAt - b.startedAt - pausedMs > maxBlockSpanMs) return translated`ends far too late (${new Date(b.endsAt).toISOString()})`;
  return undefined;
}

function reviveBlock(raw: unknown, now: number | undefined, warn: (problem: string) => void): ActiveBlock | undefined {
  if (raw === undefined || raw === null) return undefined;
  const dropped = (why: string) => {
    warn(translated`The stored focus block ${why}, so it was dropped and the guards put your status back. Start a new block if you are still focusing.`);
    return undefined;
  };
  if (!isRecord(raw)) return dropped(translated`is not a record (${show(raw)})`);
  if (typeof raw.id !== 'string' || !raw.id) return dropped(translated`has no id (${show(raw.id)})`);
  const timeProblem = blockTimeProblem(raw, now);
  if (timeProblem) return dropped(timeProblem);
  const startedAt = raw.startedAt as number;
  const endsAt = raw.endsAt as number;
  const repaired = (field: string, value: unknown, fix: string) =>
    warn(translated`The stored focus block has ${field} ${show(value)}, which Lead Desk cannot use; ${fix}.`);
  let type: FocusType = 'deepWork';
  if (isFocusType(raw.type)) type = raw.type;
  else repaired(translated`type`, raw.type, translated`it continues as Deep work`);
  let source = raw.source;
  if (!sources.includes(source as BlockSource)) {
    repaired(translated`source`, source, translated`it counts as started by hand`);
    source = 'manual';
  }
  let pausedMs = raw.pausedMs;
  if (typeof pausedMs !== 'number' || !Number.isFinite(pausedMs) || pausedMs < 0 || pausedMs > endsAt - startedAt) {
    repaired(translated`paused time`, pausedMs, translated`it counts as never paused`);
    pausedMs = 0;
  }
  let pausedAt = raw.pausedAt;
  if (pausedAt !== undefined && !(isTime(pausedAt) && pausedAt >= startedAt && pausedAt <= endsAt)) {
    repaired(translated`pause time`, pausedAt, translated`it runs again; pause it if you need to`);
    pausedAt = undefined;
  }
  let label = raw.label;
  if (label !== undefined && typeof label !== 'string') {
    repaired(translated`label`, label, translated`the label was dropped`);
    label = undefined;
  }
  let occurrenceId = raw.occurrenceId;
  if (occurrenceId !== undefined && typeof occurrenceId !== 'string') {
    repaired(translated`schedule occurrence`, occurrenceId, translated`it no longer counts for the schedule`);
    occurrenceId = undefined;
  }
  let pullRequest: PullRequestRef | undefined;
  if (raw.pullRequest !== undefined) {
    pullRequest = pullRequestOf(raw.pullRequest);
    if (!pullRequest) repaired(translated`pull request`, raw.pullRequest, translated`the link to it was dropped`);
  }
  return {
    id: raw.id,
    type,
    label: label as string | undefined,
    source: source as BlockSource,
    occurrenceId: occurrenceId as string | undefined,
    pullRequest,
    startedAt,
    endsAt,
    pausedAt: pausedAt as number | undefined,
    pausedMs: pausedMs as number,
  };
}

function reviveBreak(raw: unknown, warn: (problem: string) => void): BreakPeriod | undefined {
  if (raw === undefined || raw === null) return undefined;
  const b = isRecord(raw) ? raw : {};
  if (isTime(b.startedAt) && isTime(b.endsAt) && b.endsAt > b.startedAt && b.endsAt - b.startedAt <= maxBlockMinutes * minuteMs) {
    return { startedAt: b.startedAt, endsAt: b.endsAt, afterBlockId: typeof b.afterBlockId === 'string' ? b.afterBlockId : '' };
  }
  warn(translated`The stored break has impossible times (${show(raw)}), so it was ended.`);
  return undefined;
}

function reviveBreakOffer(raw: unknown, warn: (problem: string) => void): BreakOffer | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isRecord(raw) && typeof raw.blockId === 'string' && isTime(raw.offeredAt)) return { blockId: raw.blockId, offeredAt: raw.offeredAt };
  warn(translated`The stored break offer is damaged (${show(raw)}), so it was withdrawn.`);
  return undefined;
}

function isTakenBreak(v: unknown): v is TakenBreak {
  return isRecord(v) && isTime(v.startedAt) && isTime(v.endsAt) && v.endsAt >= v.startedAt && v.endsAt - v.startedAt <= maxBlockMinutes * minuteMs;
}

function reviveOff(raw: unknown, warn: (problem: string) => void): OffDuty | undefined {
  if (raw === undefined || raw === null) return undefined;
  // End My Day reaches at most a long weekend ahead; more is damage.
  if (isRecord(raw) && typeof raw.id === 'string' && raw.id && isTime(raw.since) && isTime(raw.until) && raw.until > raw.since && raw.until - raw.since <= 8 * 24 * 60 * minuteMs) {
    return { id: raw.id, since: raw.since, until: raw.until };
  }
  warn(translated`The stored end of your day is damaged (${show(raw)}), so your status goes back to what it was. Run End My Day again if you are off.`);
  return undefined;
}

function isPlannedBlock(v: unknown): v is PlannedBlock {
  return isRecord(v) && typeof v.id === 'string' && !!v.id && isFocusType(v.type) && typeof v.label === 'string' && isTime(v.start) && isTime(v.end) && v.end > v.start && v.end - v.start <= maxBlockMinutes * minuteMs;
}

function isFinishedBlock(v: unknown): v is FinishedBlock {
  if (!isRecord(v)) return false;
  const { id, type, source, startedAt, endedAt, focusedMs, outcome, label } = v;
  return (
    typeof id === 'string' &&
    isFocusType(type) &&
    sources.includes(source as BlockSource) &&
    (label === undefined || typeof label === 'string') &&
    (outcome === 'completed' || outcome === 'stopped') &&
    isTime(startedAt) &&
    isTime(endedAt) &&
    endedAt >= startedAt &&
    typeof focusedMs === 'number' &&
    Number.isFinite(focusedMs) &&
    focusedMs >= 0 &&
    focusedMs <= endedAt - startedAt
  );
}

function reviveList<T>(raw: unknown, keep: (v: unknown) => v is T, what: string, warn: (problem: string) => void): T[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warn(translated`The stored ${what} is not a list (${show(raw)}), so it was emptied.`);
    return [];
  }
  const kept = raw.filter(keep);
  if (kept.length < raw.length) warn(translated`${raw.length - kept.length} of ${raw.length} stored ${what} were damaged and were dropped.`);
  return kept;
}

/**
 * The stored focus state, checked: a damaged block, break or history entry is dropped or repaired
 * and reported through `warn`. Never throws; unknown versions start afresh.
 */
export function reviveFocusState(raw: unknown, options: ReviveOptions = {}): FocusState {
  const warn = options.warn ?? (() => undefined);
  if (raw === undefined || raw === null) return emptyFocusState;
  if (!isRecord(raw) || raw.version !== 1) {
    warn(translated`The stored focus state is not one this version of Lead Desk knows (version ${show(isRecord(raw) ? raw.version : raw)}), so it starts afresh.`);
    return emptyFocusState;
  }
  let revision = raw.revision;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    warn(translated`The stored focus state has revision ${show(revision)}; it counts from 0 again.`);
    revision = 0;
  }
  return {
    version: 1,
    revision: revision as number,
    block: reviveBlock(raw.block, options.now, warn),
    break: reviveBreak(raw.break, warn),
    breakOffer: reviveBreakOffer(raw.breakOffer, warn),
    history: reviveList(raw.history, isFinishedBlock, translated`finished blocks`, warn),
    handledOccurrences: reviveList(raw.handledOccurrences, (v): v is string => typeof v === 'string', translated`schedule occurrences`, warn),
    ...(raw.breaks === undefined ? {} : { breaks: reviveList(raw.breaks, isTakenBreak, translated`breaks`, warn) }),
    ...(raw.off === undefined || raw.off === null ? {} : { off: reviveOff(raw.off, warn) }),
    ...(raw.planned === undefined ? {} : { planned: reviveList(raw.planned, isPlannedBlock, translated`saved blocks`, warn) }),
  };
}
