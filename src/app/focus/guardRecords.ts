// A guard's record in shared storage: what was there before (snapshot), what we set (plan), and
// how far we got. Storage outlives versions and crashes, and other windows write it too, so every
// record is checked when read: a damaged one is repaired or dropped, never acted on.
import { translated } from '../../core/inertText';
import type { Guard, ReleaseOutcome } from '../../guards/guard';
import type { GuardFailureKind } from '../../guards/guardError';
import { FocusStoreKey, guardRecordKey, type SharedStore } from '../../core/focus/sharedStore';
import type { GuardId } from '../../core/focus/guardCatalogue';

export type GuardPhase =
  /** Wanted, but the snapshot could not be read yet: nothing has been set. */
  | 'pending'
  /** Snapshot and plan stored; engage (or an update, with `previousPlan`) not confirmed: it may have happened. */
  | 'engaging'
  | 'engaged'
  /** The user changed the state during the block; it is theirs now. */
  | 'userChanged'
  /** Restoring; retried until it works or the deadline passes. */
  | 'releasing'
  | 'released'
  /** The restore failed for good and the user was told. */
  | 'gaveUp';

const phases: ReadonlySet<string> = new Set<GuardPhase>(['pending', 'engaging', 'engaged', 'userChanged', 'releasing', 'released', 'gaveUp']);
/** Phases in which something of ours may be set, so a plan and a snapshot must be known. */
export const liveForRelease: ReadonlySet<GuardPhase> = new Set(['engaging', 'engaged', 'releasing']);
export const finalPhases: ReadonlySet<GuardPhase> = new Set(['released', 'gaveUp']);

export interface GuardFailure {
  readonly kind: GuardFailureKind;
  readonly message: string;
  readonly at: number;
  readonly scopes?: readonly string[];
}

export interface GuardRecord {
  readonly guardId: GuardId;
  readonly blockId: string;
  readonly phase: GuardPhase;
  readonly snapshot?: unknown;
  readonly plan?: unknown;
  /** The block end the plan was made for; a later end (extend, resume) re-engages. */
  readonly planEndsAt?: number;
  /** While an update is unconfirmed: the plan set before it, which may still be what is set. */
  readonly previousPlan?: unknown;
  /** Failures in a row. */
  readonly attempts: number;
  readonly nextAttemptAt?: number;
  readonly failure?: GuardFailure;
  /** The retry request (see FocusStoreKey.guardRetry) seen when the last failure was recorded. */
  readonly retrySeen?: number;
  readonly releaseStartedAt?: number;
  readonly outcome?: ReleaseOutcome | 'expired';
  readonly updatedAt: number;
  /** The window that wrote the record last. */
  readonly by: string;
}

export type GuardRecords = Readonly<Record<string, GuardRecord>>;

/** A record as read: `damage` says what was wrong with the stored one, if anything. */
export interface ReadRecord {
  readonly record: GuardRecord | undefined;
  readonly damage?: string;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isFailure(v: unknown): v is GuardFailure {
  const f = v as Partial<GuardFailure> | null;
  return !!f && typeof f === 'object' && typeof f.kind === 'string' && typeof f.message === 'string' && isFiniteNumber(f.at);
}

/**
 * Checks a stored record. Unusable (unknown phase, no block, or nothing known about what we set
 * while something may be set): dropped. Bad numbers or a bad failure: repaired.
 */
export function reviveGuardRecord(raw: unknown, guard: Pick<Guard, 'id' | 'isPlan' | 'isSnapshot'>): ReadRecord {
  if (raw === undefined || raw === null) return { record: undefined };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { record: undefined, damage: translated`it is not a record` };
  const r = raw as Record<string, unknown>;
  if (typeof r.phase !== 'string' || !phases.has(r.phase)) return { record: undefined, damage: translated`its phase ${JSON.stringify(r.phase)} is unknown` };
  if (typeof r.blockId !== 'string' || !r.blockId) return { record: undefined, damage: translated`it names no block` };
  const phase = r.phase as GuardPhase;
  if (liveForRelease.has(phase)) {
    if (!('snapshot' in r) || r.snapshot === undefined || (guard.isSnapshot && !guard.isSnapshot(r.snapshot))) return { record: undefined, damage: translated`its snapshot is missing or damaged` };
    if (r.plan === undefined || r.plan === null || (guard.isPlan && !guard.isPlan(r.plan))) return { record: undefined, damage: translated`its plan is missing or damaged` };
  }
  const problems: string[] = [];
  const repaired: Record<string, unknown> = { ...r };
  const optionalNumber = (key: string) => {
    if (repaired[key] !== undefined && !isFiniteNumber(repaired[key])) {
      problems.push(key);
      delete repaired[key];
    }
  };
  if (r.guardId !== guard.id) {
    problems.push('guardId');
    repaired.guardId = guard.id;
  }
  if (!isFiniteNumber(r.attempts) || r.attempts < 0) {
    problems.push('attempts');
    repaired.attempts = 0;
  }
  if (!isFiniteNumber(r.updatedAt)) {
    problems.push('updatedAt');
    repaired.updatedAt = 0;
  }
  if (typeof r.by !== 'string') {
    problems.push('by');
    repaired.by = '';
  }
  for (const key of ['nextAttemptAt', 'planEndsAt', 'releaseStartedAt', 'retrySeen']) optionalNumber(key);
  if (r.failure !== undefined && !isFailure(r.failure)) {
    problems.push('failure');
    delete repaired.failure;
  }
  if (r.previousPlan !== undefined && guard.isPlan && !guard.isPlan(r.previousPlan)) {
    problems.push('previousPlan');
    delete repaired.previousPlan;
  }
  const record = repaired as unknown as GuardRecord;
  return problems.length ? { record, damage: problems.length > 1 ? translated`its ${problems.join(', ')} were damaged` : translated`its ${problems.join(', ')} was damaged` } : { record };
}

/** The stored value for one guard: its own key, or, until that is written, the old combined map. */
export function storedGuardRecord(store: SharedStore, guardId: GuardId): unknown {
  const own = store.get<unknown>(guardRecordKey(guardId));
  if (own !== undefined) return own;
  const legacy = store.get<unknown>(FocusStoreKey.legacyGuards);
  return legacy && typeof legacy === 'object' ? (legacy as Record<string, unknown>)[guardId] : undefined;
}

/** Whether the old combined map holds a record no guard key has replaced yet. */
export function legacyRecordsLeft(store: SharedStore): boolean {
  const legacy = store.get<unknown>(FocusStoreKey.legacyGuards);
  if (!legacy || typeof legacy !== 'object') return false;
  return Object.keys(legacy).some((id) => store.get<unknown>(guardRecordKey(id)) === undefined);
}

/** Whether any guard still has work to do (engaging, engaged, restoring) without a block. */
export function hasLiveGuardRecords(records: GuardRecords): boolean {
  return Object.values(records).some((r) => !finalPhases.has(r.phase));
}
