// Turns one week of GitHub records into the update's sections: what shipped (grouped), what is in
// progress and in what state, what is at risk and why, what the lead did, and what comes next.
// Pure: the clock, the working time and the focus records are passed in.
// Not translated: these words end up in the draft the lead sends on to the team.
import type { UsualTurnaround } from '../pulse/usualTurnaround';
import { businessHoursBetween, type WorkingHours } from '../workingHours';
import type { FocusSpent, PlannedBlock, UpdateData, UpdateGroupBy, UpdateMilestone, UpdatePullRequest, UpdateWeek } from './updateTypes';

export type ProgressState = 'draft' | 'changesRequested' | 'checksFailing' | 'approved' | 'inReview';

export const progressStateLabel: Readonly<Record<ProgressState, string>> = {
  draft: 'draft',
  changesRequested: 'changes requested',
  checksFailing: 'CI failing',
  approved: 'approved',
  inReview: 'in review',
};

export type RiskReason = 'stale' | 'checksFailing' | 'changesUntouched' | 'waitingForReview';

export interface ShippedGroup {
  readonly name: string;
  readonly pullRequests: readonly UpdatePullRequest[];
}

export interface AtRisk {
  readonly pullRequest: UpdatePullRequest;
  readonly reasons: readonly RiskReason[];
  /** Hours since the last update, for the wording. */
  readonly idleHours: number;
}

export interface UpdateSections {
  readonly week: UpdateWeek;
  readonly viewer: string;
  readonly groupBy: UpdateGroupBy;
  readonly shipped: readonly ShippedGroup[];
  readonly shippedCount: number;
  readonly inProgress: ReadonlyArray<{ readonly pullRequest: UpdatePullRequest; readonly state: ProgressState }>;
  readonly atRisk: readonly AtRisk[];
  readonly reviewsGiven: number;
  /** Reviews the lead asked others for with Delegation this week; undefined when not known. */
  readonly handedOff?: number;
  /** Of those, the ones only GitHub knew of (their handoff comments), not this machine's records. */
  readonly handedOffOnGitHubOnly?: number;
  /** How long a review request may wait before it is at risk, and where that figure came from. */
  readonly turnaround: UsualTurnaround;
  /** Undefined when there is no focus history to read. */
  readonly focus?: { readonly totalMs: number; readonly byType: Readonly<Record<FocusSpent['type'], number>> };
  readonly nextBlocks: readonly PlannedBlock[];
  readonly milestonesDue: readonly UpdateMilestone[];
  readonly truncated: readonly string[];
}

export interface SectionInputs {
  readonly data: UpdateData;
  readonly week: UpdateWeek;
  readonly groupBy: UpdateGroupBy;
  readonly now: Date;
  readonly workingTime: WorkingHours;
  readonly staleBusinessHours: number;
  readonly turnaround: UsualTurnaround;
  readonly focus?: readonly FocusSpent[];
  readonly handedOff?: number;
  readonly handedOffOnGitHubOnly?: number;
  readonly nextBlocks: readonly PlannedBlock[];
}

const dayHours = 24;

function key(pr: UpdatePullRequest): string {
  return `${pr.repository.toLowerCase()}#${pr.number}`;
}

function distinct(list: readonly UpdatePullRequest[]): UpdatePullRequest[] {
  const seen = new Map<string, UpdatePullRequest>();
  for (const pr of list) if (!seen.has(key(pr))) seen.set(key(pr), pr);
  return [...seen.values()];
}

const failing = (pr: UpdatePullRequest) => pr.checks === 'FAILURE' || pr.checks === 'ERROR';

export function progressState(pr: UpdatePullRequest): ProgressState {
  if (pr.isDraft) return 'draft';
  if (pr.reviewDecision === 'CHANGES_REQUESTED') return 'changesRequested';
  if (failing(pr)) return 'checksFailing';
  if (pr.reviewDecision === 'APPROVED') return 'approved';
  return 'inReview';
}

function groupName(pr: UpdatePullRequest, groupBy: UpdateGroupBy): string {
  switch (groupBy) {
    case 'repository':
      return pr.repository;
    case 'label':
      return [...pr.labels].sort((a, b) => a.localeCompare(b))[0] ?? 'No label';
    case 'milestone':
      return pr.milestone?.title ?? 'No milestone';
    case 'author':
      return pr.author ?? 'Deleted account';
  }
}

/** Groups in name order, the "no label"/"no milestone" group last; pull requests by merge time. */
function groupShipped(merged: readonly UpdatePullRequest[], groupBy: UpdateGroupBy): ShippedGroup[] {
  const groups = new Map<string, UpdatePullRequest[]>();
  for (const pr of merged) {
    const name = groupName(pr, groupBy);
    groups.set(name, [...(groups.get(name) ?? []), pr]);
  }
  const fallback = new Set(['No label', 'No milestone', 'Deleted account']);
  return [...groups.entries()]
    .sort(([a], [b]) => Number(fallback.has(a)) - Number(fallback.has(b)) || a.localeCompare(b))
    .map(([name, list]) => ({ name, pullRequests: [...list].sort((a, b) => (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '') || key(a).localeCompare(key(b))) }));
}

function risks(pr: UpdatePullRequest, inputs: SectionInputs): RiskReason[] {
  const updated = new Date(pr.updatedAt);
  const idle = (inputs.now.getTime() - updated.getTime()) / 3_600_000;
  const idleBusiness = businessHoursBetween(updated, inputs.now, inputs.workingTime);
  const out: RiskReason[] = [];
  if (pr.isDraft) return out;
  if (idleBusiness >= inputs.staleBusinessHours) out.push('stale');
  // Checks run on every push, so failing checks on a pull request untouched for a day have failed for a day.
  if (failing(pr) && idle >= dayHours) out.push('checksFailing');
  if (pr.reviewDecision === 'CHANGES_REQUESTED' && idle >= dayHours) out.push('changesUntouched');
  const waiting = businessHoursBetween(new Date(pr.createdAt), inputs.now, inputs.workingTime);
  if (pr.reviewDecision !== 'APPROVED' && pr.reviewDecision !== 'CHANGES_REQUESTED' && waiting >= inputs.turnaround.hours) out.push('waitingForReview');
  return out;
}

function milestonesDue(prs: readonly UpdatePullRequest[], week: UpdateWeek): UpdateMilestone[] {
  const due = new Map<string, UpdateMilestone>();
  for (const pr of prs) {
    const m = pr.milestone;
    if (!m?.dueOn) continue;
    const at = Date.parse(m.dueOn);
    if (at >= week.nextStart.getTime() && at < week.nextEnd.getTime()) due.set(`${m.title}\n${m.url ?? ''}`, m);
  }
  return [...due.values()].sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.title.localeCompare(b.title));
}

export function buildUpdateSections(inputs: SectionInputs): UpdateSections {
  const { data, week } = inputs;
  const startMs = week.start.getTime();
  const endMs = week.end.getTime();
  const merged = distinct(data.merged).filter((pr) => pr.mergedAt !== undefined && Date.parse(pr.mergedAt) >= startMs && Date.parse(pr.mergedAt) <= endMs);
  const open = distinct(data.open).sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }));
  const atRisk = open
    .map((pullRequest) => ({ pullRequest, reasons: risks(pullRequest, inputs), idleHours: Math.floor((inputs.now.getTime() - Date.parse(pullRequest.updatedAt)) / 3_600_000) }))
    .filter((r) => r.reasons.length > 0);
  const focus = inputs.focus && {
    totalMs: inputs.focus.reduce((n, f) => n + f.focusedMs, 0),
    byType: {
      deepWork: inputs.focus.filter((f) => f.type === 'deepWork').reduce((n, f) => n + f.focusedMs, 0),
      review: inputs.focus.filter((f) => f.type === 'review').reduce((n, f) => n + f.focusedMs, 0),
      planning: inputs.focus.filter((f) => f.type === 'planning').reduce((n, f) => n + f.focusedMs, 0),
    },
  };
  return {
    week,
    viewer: data.viewer,
    groupBy: inputs.groupBy,
    shipped: groupShipped(merged, inputs.groupBy),
    shippedCount: merged.length,
    inProgress: open.map((pullRequest) => ({ pullRequest, state: progressState(pullRequest) })),
    atRisk,
    reviewsGiven: distinct(data.reviewedByMe).length,
    ...(inputs.handedOff !== undefined ? { handedOff: inputs.handedOff } : {}),
    ...(inputs.handedOffOnGitHubOnly ? { handedOffOnGitHubOnly: inputs.handedOffOnGitHubOnly } : {}),
    turnaround: inputs.turnaround,
    ...(focus ? { focus } : {}),
    nextBlocks: [...inputs.nextBlocks].sort((a, b) => a.start - b.start),
    milestonesDue: milestonesDue([...open, ...merged], week),
    truncated: data.truncated,
  };
}
