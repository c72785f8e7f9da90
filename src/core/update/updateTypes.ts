// The records the weekly update is made of. Plain JSON, read from GitHub by src/github/update and
// turned into the draft's sections by the pure code beside this file.
import type { AuthoredPull } from '../pulse/teamStats';

export type UpdateGroupBy = 'repository' | 'label' | 'milestone' | 'author';

export const updateGroupings: readonly UpdateGroupBy[] = ['repository', 'label', 'milestone', 'author'];

export interface UpdateMilestone {
  readonly title: string;
  /** ISO timestamp, when the milestone has a due date. */
  readonly dueOn?: string;
  readonly url?: string;
}

/** One pull request as the update needs it. Times are ISO timestamps. */
export interface UpdatePullRequest {
  /** "owner/name". */
  readonly repository: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** Undefined for a deleted account. */
  readonly author?: string;
  readonly isDraft: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly mergedAt?: string;
  readonly reviewDecision?: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED';
  /** The head commit's checks: SUCCESS, FAILURE, ERROR, PENDING or EXPECTED. */
  readonly checks?: string;
  /** Read only when the update is grouped by label (labels cost GitHub budget per pull request). */
  readonly labels: readonly string[];
  readonly milestone?: UpdateMilestone;
}

/** What GitHub told us for one week. */
export interface UpdateData {
  readonly viewer: string;
  readonly merged: readonly UpdatePullRequest[];
  readonly open: readonly UpdatePullRequest[];
  /** Pull requests the viewer reviewed in the week (their latest review fell inside it). */
  readonly reviewedByMe: readonly UpdatePullRequest[];
  readonly requests: number;
  readonly cost: number;
  /** Searches GitHub could not answer in full (more than the pages we read); named in the draft. */
  readonly truncated: readonly string[];
  /** The teammates' pull requests opened in the turnaround's window, with their first reviews. */
  readonly authored: readonly AuthoredPull[];
  /** Handoff comments the lead posted in the week, found on GitHub by their hidden marker. */
  readonly handoffs: readonly HandoffSeen[];
}

/** A review handed off: the pull request ("owner/repo#123", lower case) and when, epoch ms. */
export interface HandoffSeen {
  readonly pullRequest: string;
  readonly at: number;
}

/** The week the update covers, in local time: `end` is exclusive (or "now" for this week so far). */
export interface UpdateWeek {
  readonly start: Date;
  readonly end: Date;
  /** The following week, for "Next". */
  readonly nextStart: Date;
  readonly nextEnd: Date;
  readonly soFar: boolean;
}

/** A focus block finished in the week, from the focus history. */
export interface FocusSpent {
  readonly type: 'deepWork' | 'review' | 'planning';
  readonly focusedMs: number;
}

/** A scheduled block of next week. */
export interface PlannedBlock {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}
