// Nudge Reviewers: for one of my pull requests that has waited longer than the team's usual
// turnaround, post a short comment or ask the same reviewers again, at most once per pull request
// per day. Plain Node: the client, the clock and where the record of nudges lives are handed in.
import { translated } from '../../core/inertText';
import { randomUUID } from 'node:crypto';
import { formatNudgeComment } from '../../core/nudge/nudgeComment';
import { alreadyNudgedMessage, nudgedToday, nudgeVerdict, recordNudge, type NudgeLedger } from '../../core/nudge/nudgeRules';
import type { NudgeTurnaround } from '../../core/nudge/nudgeTurnaround';
import type { QueueItem } from '../../core/queue/grouping';
import { formatBusinessDuration, type WorkingHours } from '../../core/workingHours';
import type { GitHubClient } from '../../github/client';
import { postNudgeComment, reRequestReview } from '../../github/nudge/nudgeWrites';

export type NudgeKind = 'comment' | 'reRequest';

export interface NudgeDeps {
  readonly client: () => Promise<GitHubClient>;
  /** The record of nudges, shared by every window (global state in the editor). */
  readonly ledger: { get(): NudgeLedger; set(ledger: NudgeLedger): Promise<void> };
  readonly now: () => Date;
}

export interface NudgeRequest {
  readonly item: QueueItem;
  readonly kind: NudgeKind;
  readonly template: string;
  /** The team's usual turnaround (measured, or the setting's), see app/nudge/nudgeTurnaround.ts. */
  readonly turnaround: NudgeTurnaround;
  readonly time: WorkingHours;
  /** Names the comment's hidden marker; a fresh one by default. */
  readonly nudgeId?: string;
}

/** A nudge that was not sent, and why, in words for the lead. */
export class NudgeRefused extends Error {
  override readonly name = 'NudgeRefused';
  static is(err: unknown): err is NudgeRefused {
    return err instanceof NudgeRefused;
  }
}

export interface NudgeOutcome {
  readonly kind: NudgeKind;
  readonly commentUrl?: string;
  /** Who was nudged, as written in the comment or asked again. */
  readonly reviewers: readonly string[];
}

/** Checks, sends, then records the nudge; throws NudgeRefused when the rules say no. */
export async function nudgeReviewers(deps: NudgeDeps, request: NudgeRequest): Promise<NudgeOutcome> {
  const { item } = request;
  const where = `${item.pr.owner}/${item.pr.repo}#${item.pr.number}`;
  const verdict = nudgeVerdict(item, request.turnaround, request.time);
  if (!verdict.ok) throw new NudgeRefused(verdict.reason);
  const now = deps.now();
  const last = nudgedToday(deps.ledger.get(), item.key, now);
  if (last) throw new NudgeRefused(alreadyNudgedMessage(where, last));

  const users = verdict.reviewers.flatMap((r) => (r.kind === 'user' ? [r.login] : []));
  const teams = verdict.reviewers.flatMap((r) => (r.kind === 'team' ? [r.slug] : []));
  const names = [...users.map((l) => `@${l}`), ...verdict.reviewers.flatMap((r) => (r.kind === 'team' ? [r.org ? `@${r.org}/${r.slug}` : r.slug] : []))];
  const client = await deps.client();
  let commentUrl: string | undefined;
  if (request.kind === 'reRequest') {
    if (users.length + teams.length === 0) throw new NudgeRefused(translated`GitHub lists nobody whose review ${where} still waits for, so there is nobody to ask again. Post a comment instead.`);
    await reRequestReview(client, item.pr, { users, teams });
  } else {
    const text = formatNudgeComment({ template: request.template, reviewers: verdict.reviewers, waiting: formatBusinessDuration(item.waiting.hours, request.time), title: item.pr.title });
    commentUrl = (await postNudgeComment(client, item.pr, text, request.nudgeId ?? randomUUID(), now)).url;
  }
  // Recorded only once GitHub has it: a failed nudge can be tried again the same day.
  await deps.ledger.set(recordNudge(deps.ledger.get(), item.key, deps.now()));
  return { kind: request.kind, reviewers: names, ...(commentUrl ? { commentUrl } : {}) };
}
