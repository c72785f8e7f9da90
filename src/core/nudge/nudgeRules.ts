// When a pull request of mine may be nudged, and whether it already was today. Pure: the clock,
// the team's usual turnaround and the record of past nudges are passed in.
import { translated } from '../inertText';
import { format } from 'date-fns';
import type { QueueItem, QueueView } from '../queue/grouping';
import type { Reviewer } from '../queue/queueTypes';
import { formatBusinessDuration, type WorkingHours } from '../workingHours';
import { turnaroundPhrase, type NudgeTurnaround } from './nudgeTurnaround';

export type NudgeVerdict =
  | { readonly ok: true; readonly reviewers: readonly Reviewer[] }
  | { readonly ok: false; readonly reason: string };

/** Whether the row offers Nudge Reviewers: my pull request, waiting for reviewers past the usual turnaround. */
export function isNudgeable(item: QueueItem, turnaroundHours: number): boolean {
  return awaitsReviewers(item) && item.waiting.hours > turnaroundHours;
}

/** My pull request, shown and waiting for its reviewers: the rows whose nudge depends on the turnaround. */
export function awaitsReviewers(item: QueueItem): boolean {
  return !item.snooze && item.mineState === 'waiting';
}

/** Whether any row of the view awaits its reviewers, so the turnaround is worth measuring. */
export function anyAwaitsReviewers(view: QueueView): boolean {
  const walk = (groups: QueueView['groups']): boolean => groups.some((g) => g.items.some(awaitsReviewers) || walk(g.groups));
  return walk(view.groups);
}

/**
 * A nudge is for my own pull request that asks for a review and has waited for it longer than the
 * team's usual turnaround. Anything else (changes requested, failing CI, conflicts, approved, no
 * reviewer, a draft) is mine to move, and a nudge would only add noise.
 */
export function nudgeVerdict(item: QueueItem, turnaround: NudgeTurnaround, time: WorkingHours): NudgeVerdict {
  const where = `${item.pr.repo}#${item.pr.number}`;
  if (item.mineState === undefined) return { ok: false, reason: translated`${where} is not one of your pull requests, so its reviewers are not yours to nudge.` };
  if (item.mineState !== 'waiting') return { ok: false, reason: translated`${where} is not waiting for reviewers (${notWaiting[item.mineState]()}), so there is nobody to nudge.` };
  if (item.waiting.hours <= turnaround.hours) {
    return {
      ok: false,
      reason: translated`${where} has waited ${formatBusinessDuration(item.waiting.hours, time)}, within ${turnaroundPhrase(turnaround, time)}. Nudge once it waits longer.`,
    };
  }
  const reviewers = item.pr.history?.open.map((r) => r.reviewer) ?? [];
  return { ok: true, reviewers };
}

// Functions, so each reason is read in the display language of the moment.
const notWaiting: Record<Exclude<NonNullable<QueueItem['mineState']>, 'waiting'>, () => string> = {
  drafts: () => translated`it is a draft`,
  changesRequested: () => translated`changes were requested`,
  ciFailing: () => translated`its CI fails`,
  conflicts: () => translated`it conflicts with the base branch`,
  approved: () => translated`it is approved`,
  noReviewer: () => translated`nobody has been asked to review it`,
};

/** When each pull request (by `pullRequestKey`) was last nudged, in epoch ms; kept in global state. */
export type NudgeLedger = Readonly<Record<string, number>>;

/** The time of today's nudge of this pull request, if there was one: one nudge per pull request per day. */
export function nudgedToday(ledger: NudgeLedger, key: string, now: Date): Date | undefined {
  const at = ledger[key];
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  const last = new Date(at);
  return format(last, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd') ? last : undefined;
}

/** The refusal for a second nudge on the same day. */
export function alreadyNudgedMessage(where: string, at: Date): string {
  return translated`You nudged the reviewers of ${where} today at ${format(at, 'HH:mm')}. One nudge a day is enough: try again tomorrow.`;
}

/** The ledger with this nudge recorded, and entries from before today dropped so it never grows. */
export function recordNudge(ledger: NudgeLedger, key: string, now: Date): NudgeLedger {
  const out: Record<string, number> = {};
  for (const [k, at] of Object.entries(ledger)) if (nudgedToday(ledger, k, now)) out[k] = at;
  out[key] = now.getTime();
  return out;
}

/** Reads a stored ledger, dropping anything that is not a key → time entry. */
export function parseNudgeLedger(raw: unknown): NudgeLedger {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}
