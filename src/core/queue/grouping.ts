// Turns one snapshot into the groups the tree shows: who asked, what I must do next, what went
// stale, the user's own sections, and what is snoozed. Pure: the clock, settings and local pins
// and snoozes come in as arguments.
import { translated } from '../inertText';
import { pullRequestKey, type PullRequestRef } from '../pullRequestRef';
import { businessHoursBetween, formatBusinessDuration, type WorkingHours } from '../workingHours';
import { isSnoozeActive, type QueueLocalState, type Snooze } from './localState';
import type { QueuePullRequest, QueueSnapshot, Reviewer, SearchResult } from './queueTypes';
import { scorePullRequest, type RequestKind, type Score } from './score';

export type MineState = 'drafts' | 'changesRequested' | 'ciFailing' | 'conflicts' | 'approved' | 'noReviewer' | 'waiting';

/**
 * Why a pull request the viewer already reviewed is back: commits were pushed on top of the
 * reviewed one, or the author asked again with nothing new pushed.
 */
export type SinceMyReview = 'newCommits' | 'reRequested';

/** Where the waiting time is counted from, so the tooltip can say so. */
export type WaitingBasis = 'requested' | 'ready' | 'lastActivity' | 'opened';

export interface QueueItem {
  /** owner/repo#n in lower case. */
  readonly key: string;
  /** Stable tree id: `owner/repo#n:group`. */
  readonly id: string;
  readonly groupId: string;
  readonly pr: QueuePullRequest;
  readonly pullRequest: PullRequestRef;
  readonly waiting: { readonly hours: number; readonly since: string; readonly basis: WaitingBasis };
  readonly request?: RequestKind;
  /** Teams asked for a review, as "org/slug" or "slug". */
  readonly teams: readonly string[];
  readonly blocks: readonly string[];
  readonly score: Score;
  /** One sentence: why the item is in this group. */
  readonly placement: string;
  readonly pinned: boolean;
  /** Set in the Snoozed group. */
  readonly snooze?: Snooze;
  /** Set for the viewer's own pull requests. */
  readonly mineState?: MineState;
  /** Set when the viewer reviewed it before and it changed or was asked again since. */
  readonly sinceMyReview?: SinceMyReview;
}

export interface QueueGroup {
  readonly id: string;
  readonly label: string;
  readonly items: readonly QueueItem[];
  readonly groups: readonly QueueGroup[];
  /** Items here and in sub-groups. */
  readonly count: number;
  /** Shown when the group is empty or needs configuring. */
  readonly hint?: string;
  /** A section that cannot be searched (bad custom search). */
  readonly error?: string;
  /** More matches exist on GitHub than are shown. */
  readonly truncated?: boolean;
}

export interface QueueView {
  readonly groups: readonly QueueGroup[];
  /** Badge count: open requests for my review (direct and team), not snoozed. */
  readonly needsReviewCount: number;
}

export interface GroupingOptions {
  readonly now: Date;
  readonly workingTime: WorkingHours;
  readonly staleBusinessHours: number;
  readonly includeDrafts: boolean;
  readonly local: QueueLocalState;
  /** Custom sections in settings order; ones with `error` show the error instead of items. */
  readonly customSections: ReadonlyArray<{ readonly name: string; readonly error?: string }>;
  /** Whether any repository or org feeds the Stale group (else it shows a hint). */
  readonly staleConfigured: boolean;
}

export const GroupId = {
  needsReview: 'needsReview',
  teamRequests: 'needsReview.team',
  mine: 'mine',
  stale: 'stale',
  snoozed: 'snoozed',
  custom: (index: number) => `custom${index}`,
  mineState: (state: MineState) => `mine.${state}`,
} as const;

// Getters, so each text is read in the display language of the moment.
const mineLabels: Record<MineState, string> = {
  get changesRequested() {
    return translated`Changes requested`;
  },
  get ciFailing() {
    return translated`CI failing`;
  },
  get conflicts() {
    return translated`Merge conflicts`;
  },
  get approved() {
    return translated`Approved · ready to merge`;
  },
  get noReviewer() {
    return translated`No reviewer assigned`;
  },
  get waiting() {
    return translated`Waiting for review`;
  },
  get drafts() {
    return translated`Drafts`;
  },
};
const mineOrder: MineState[] = ['changesRequested', 'ciFailing', 'conflicts', 'approved', 'noReviewer', 'waiting', 'drafts'];

// Getters, so each text is read in the display language of the moment.
const mineReasons: Record<MineState, string> = {
  get drafts() {
    return translated`Your draft: mark it ready for review when it is done.`;
  },
  get changesRequested() {
    return translated`A reviewer asked for changes: your move.`;
  },
  get ciFailing() {
    return translated`CI fails on your pull request: fix it before reviewers spend time on it.`;
  },
  get conflicts() {
    return translated`It conflicts with its base branch: rebase or merge to unblock it.`;
  },
  get approved() {
    return translated`Approved: merge it.`;
  },
  get noReviewer() {
    return translated`Nobody has been asked to review it yet: request a reviewer.`;
  },
  get waiting() {
    return translated`Waiting for the requested reviewers.`;
  },
};

export function refOf(pr: QueuePullRequest): PullRequestRef {
  return { owner: pr.owner, repo: pr.repo, number: pr.number, title: pr.title, url: pr.url, author: pr.author };
}

export function mineState(pr: QueuePullRequest): MineState {
  if (pr.isDraft) return 'drafts';
  if (pr.review === 'changesRequested') return 'changesRequested';
  if (pr.ci === 'failure') return 'ciFailing';
  if (pr.merge === 'conflicting') return 'conflicts';
  if (pr.review === 'approved') return 'approved';
  if (pr.history && pr.history.open.length === 0 && pr.history.reviewedBy.length === 0) return 'noReviewer';
  return 'waiting';
}

function teamName(r: Reviewer): string {
  return r.kind === 'team' ? (r.org ? `${r.org}/${r.slug}` : r.slug) : r.login;
}

function latest(...dates: Array<string | undefined>): string | undefined {
  return dates.filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).sort().at(-1);
}

function earliest(dates: Array<string | undefined>): string | undefined {
  return dates.filter((d): d is string => !!d && !Number.isNaN(Date.parse(d))).sort()[0];
}

interface Context {
  readonly options: GroupingOptions;
  readonly viewer: string;
  /** Pull requests stacked on a branch: "owner/repo:branch" → authors of PRs based on it. */
  readonly stackedOn: ReadonlyMap<string, readonly string[]>;
}

function blockedPeople(ctx: Context, pr: QueuePullRequest, includeAuthor: boolean): string[] {
  const people = new Set<string>();
  const me = ctx.viewer.toLowerCase();
  if (includeAuthor && pr.author && pr.author.toLowerCase() !== me) people.add(pr.author);
  const stacked = pr.headRefName ? ctx.stackedOn.get(`${pr.owner}/${pr.repo}:${pr.headRefName}`.toLowerCase()) : undefined;
  for (const login of stacked ?? []) if (login.toLowerCase() !== me) people.add(login);
  return [...people];
}

function waitingFrom(ctx: Context, since: string | undefined, basis: WaitingBasis, pr: QueuePullRequest): QueueItem['waiting'] {
  const at = since ?? pr.createdAt;
  const parsed = Date.parse(at);
  const hours = Number.isNaN(parsed) ? 0 : businessHoursBetween(new Date(parsed), ctx.options.now, ctx.options.workingTime);
  return { hours, since: at, basis: since ? basis : 'opened' };
}

function pinnedAt(ctx: Context, key: string): number {
  return ctx.options.local.pins.indexOf(key);
}

function makeItem(ctx: Context, pr: QueuePullRequest, groupId: string, fields: Omit<QueueItem, 'key' | 'id' | 'groupId' | 'pr' | 'pullRequest' | 'pinned' | 'score'> & { own: boolean }): QueueItem {
  const key = pullRequestKey(pr);
  const { own, ...rest } = fields;
  const score = scorePullRequest({
    waitingHours: rest.waiting.hours,
    request: rest.request,
    blocks: rest.blocks,
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    ci: pr.ci,
    own,
  });
  return { key, id: `${pr.owner}/${pr.repo}#${pr.number}:${groupId}`, groupId, pr, pullRequest: refOf(pr), pinned: pinnedAt(ctx, key) >= 0, score, ...rest };
}

/** Pinned first (in pin order), then by score, then longest wait, then a stable key. */
export function compareItems(pins: readonly string[]): (a: QueueItem, b: QueueItem) => number {
  return (a, b) => {
    const pa = pins.indexOf(a.key);
    const pb = pins.indexOf(b.key);
    if (pa >= 0 || pb >= 0) {
      if (pa < 0) return 1;
      if (pb < 0) return -1;
      if (pa !== pb) return pa - pb;
    }
    return b.score.total - a.score.total || b.waiting.hours - a.waiting.hours || a.key.localeCompare(b.key);
  };
}

/**
 * What happened since the viewer's latest review: commits on top of the reviewed one, or (with the
 * same head) a request that is open again, which GitHub only allows after the review (submitting a
 * review closes the reviewer's request). Undefined when they never reviewed or nothing happened.
 */
export function sinceMyReview(pr: QueuePullRequest, requestedAgain: boolean): SinceMyReview | undefined {
  const review = pr.myReview;
  if (!review) return undefined;
  if (review.commit && pr.headOid && review.commit !== pr.headOid) return 'newCommits';
  return requestedAgain ? 'reRequested' : undefined;
}

/** The row's marker, ahead of its other facts. */
// Getters, so each text is read in the display language of the moment.
export const sinceMyReviewLabels: Record<SinceMyReview, string> = {
  get newCommits() {
    return translated`new commits since your review`;
  },
  get reRequested() {
    return translated`asked again since your review`;
  },
};

// Getters, so each text is read in the display language of the moment.
const sinceMyReviewText: Record<SinceMyReview, string> = {
  get newCommits() {
    return translated`New commits since your review.`;
  },
  get reRequested() {
    return translated`Asked again since your review.`;
  },
};

function requestedFrom(teamNames: readonly string[]): string {
  return teamNames.length ? translated`team ${teamNames.join(', ')}` : translated`one of your teams`;
}

function needsReviewItem(ctx: Context, pr: QueuePullRequest, direct: boolean): QueueItem {
  const me = ctx.viewer.toLowerCase();
  const open = pr.history?.open ?? [];
  const teams = open.filter((r) => r.reviewer.kind === 'team');
  const namedUsers = open.filter((r) => r.reviewer.kind === 'user');
  const nobodyNamed = pr.history !== undefined && namedUsers.length === 0;
  const request: RequestKind = direct ? 'direct' : nobodyNamed ? 'teamNobodyNamed' : 'team';
  const mine = open.find((r) => r.reviewer.kind === 'user' && r.reviewer.login.toLowerCase() === me);
  const requestedAt = direct ? mine?.at : earliest(teams.map((t) => t.at));
  const since = latest(requestedAt, pr.history?.readyAt);
  const basis: WaitingBasis = since !== undefined && since === pr.history?.readyAt && since !== requestedAt ? 'ready' : 'requested';
  const teamNames = teams.map((t) => teamName(t.reviewer));
  const again = sinceMyReview(pr, direct);
  const asked = direct
    ? translated`GitHub asks for your review by name.`
    : nobodyNamed
      ? translated`Requested from ${requestedFrom(teamNames)}, and nobody is named: everyone may assume someone else will take it.`
      : namedUsers.length === 1
        ? translated`Requested from ${requestedFrom(teamNames)}; one person is also named.`
        : translated`Requested from ${requestedFrom(teamNames)}; ${namedUsers.length} people are also named.`;
  return makeItem(ctx, pr, direct ? GroupId.needsReview : GroupId.teamRequests, {
    waiting: waitingFrom(ctx, since, basis, pr),
    request,
    teams: teamNames,
    blocks: blockedPeople(ctx, pr, true),
    placement: again ? `${sinceMyReviewText[again]} ${asked}` : asked,
    own: false,
    ...(again ? { sinceMyReview: again } : {}),
  });
}

/**
 * A pull request the viewer reviewed, is no longer asked to, and that got commits since: nobody
 * asked again, but the review they gave is about code that changed. Waiting counts from the last
 * activity, which for these is the push at the latest.
 */
function reviewedAgainItem(ctx: Context, pr: QueuePullRequest): QueueItem {
  return makeItem(ctx, pr, GroupId.needsReview, {
    waiting: waitingFrom(ctx, pr.updatedAt, 'lastActivity', pr),
    teams: [],
    blocks: blockedPeople(ctx, pr, true),
    placement: translated`${sinceMyReviewText.newCommits} Nobody asked again, but what you reviewed has changed.`,
    own: false,
    sinceMyReview: 'newCommits',
  });
}

function mineItem(ctx: Context, pr: QueuePullRequest): QueueItem {
  const state = mineState(pr);
  const requestedAt = latest(...(pr.history?.open ?? []).map((r) => r.at));
  const since = latest(requestedAt, pr.history?.readyAt);
  const basis: WaitingBasis = since !== undefined && since === pr.history?.readyAt && since !== requestedAt ? 'ready' : 'requested';
  return makeItem(ctx, pr, GroupId.mineState(state), {
    waiting: waitingFrom(ctx, since, basis, pr),
    teams: (pr.history?.open ?? []).filter((r) => r.reviewer.kind === 'team').map((r) => teamName(r.reviewer)),
    blocks: blockedPeople(ctx, pr, false),
    placement: mineReasons[state],
    mineState: state,
    own: true,
  });
}

function activityItem(ctx: Context, pr: QueuePullRequest, groupId: string, placement: (hours: number) => string): QueueItem {
  const waiting = waitingFrom(ctx, pr.updatedAt, 'lastActivity', pr);
  const own = !!pr.author && pr.author.toLowerCase() === ctx.viewer.toLowerCase();
  return makeItem(ctx, pr, groupId, { waiting, teams: [], blocks: blockedPeople(ctx, pr, true), placement: placement(waiting.hours), own });
}

function group(id: string, label: string, items: QueueItem[], pins: readonly string[], extra: Partial<QueueGroup> = {}): QueueGroup {
  const sorted = [...items].sort(compareItems(pins));
  const groups = extra.groups ?? [];
  return { id, label, items: sorted, groups, count: sorted.length + groups.reduce((n, g) => n + g.count, 0), ...extra };
}

function resultsFor(snapshot: QueueSnapshot, role: string): SearchResult[] {
  return snapshot.searches.filter((s) => s.role === role).map((s) => snapshot.results[s.alias]).filter((r): r is SearchResult => r !== undefined);
}

function unionOf(results: SearchResult[]): QueuePullRequest[] {
  const seen = new Map<string, QueuePullRequest>();
  for (const r of results) for (const pr of r.pullRequests) if (!seen.has(pullRequestKey(pr))) seen.set(pullRequestKey(pr), pr);
  return [...seen.values()];
}

function stackIndex(snapshot: QueueSnapshot): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const result of Object.values(snapshot.results)) {
    for (const pr of result.pullRequests) {
      const key = pullRequestKey(pr);
      if (seen.has(key) || !pr.baseRefName || !pr.author) continue;
      seen.add(key);
      const slot = `${pr.owner}/${pr.repo}:${pr.baseRefName}`.toLowerCase();
      index.set(slot, [...(index.get(slot) ?? []), pr.author]);
    }
  }
  return index;
}

/** Builds every group from one snapshot. Snoozed items leave their groups for the Snoozed group. */
export function buildQueueView(snapshot: QueueSnapshot, options: GroupingOptions): QueueView {
  const ctx: Context = { options, viewer: snapshot.viewer, stackedOn: stackIndex(snapshot) };
  const pins = options.local.pins;
  const snoozed = new Map<string, { item: QueueItem; snooze: Snooze }>();
  const activeSnooze = new Map<string, Snooze>();
  for (const s of options.local.snoozes) activeSnooze.set(s.key, s);

  const keep = (item: QueueItem): boolean => {
    const s = activeSnooze.get(item.key);
    if (!s || !isSnoozeActive(s, options.now, item.pr.updatedAt)) return true;
    if (!snoozed.has(item.key)) snoozed.set(item.key, { item, snooze: s });
    return false;
  };
  const visibleDraft = (pr: QueuePullRequest) => options.includeDrafts || !pr.isDraft;

  // Needs my review: direct requests, with team requests as a sub-group.
  const directKeys = new Set(unionOf(resultsFor(snapshot, 'direct')).map(pullRequestKey));
  const haveDirectSearch = resultsFor(snapshot, 'direct').length > 0;
  const requested = unionOf(resultsFor(snapshot, 'reviewRequested')).filter(visibleDraft);
  const isDirect = (pr: QueuePullRequest) =>
    haveDirectSearch ? directKeys.has(pullRequestKey(pr)) : (pr.history?.open ?? []).some((r) => r.reviewer.kind === 'user' && r.reviewer.login.toLowerCase() === snapshot.viewer.toLowerCase());
  const requestItems = requested.map((pr) => needsReviewItem(ctx, pr, isDirect(pr))).filter(keep);
  const requestedKeys = new Set(requested.map(pullRequestKey));
  const me = snapshot.viewer.toLowerCase();
  const reviewedAgain = unionOf(resultsFor(snapshot, 'reviewed'))
    .filter(visibleDraft)
    .filter((pr) => !requestedKeys.has(pullRequestKey(pr)) && pr.author?.toLowerCase() !== me && sinceMyReview(pr, false) === 'newCommits')
    .map((pr) => reviewedAgainItem(ctx, pr))
    .filter(keep);
  const direct = [...requestItems.filter((i) => i.request === 'direct'), ...reviewedAgain];
  const team = requestItems.filter((i) => i.request !== 'direct');
  const teamGroup = team.length > 0 ? [group(GroupId.teamRequests, translated`Requested from my teams`, team, pins)] : [];
  const reviewTruncated = resultsFor(snapshot, 'reviewRequested').some((r) => r.truncated);
  const needsReview = group(GroupId.needsReview, translated`Needs my review`, direct, pins, {
    groups: teamGroup,
    hint: direct.length + team.length === 0 ? translated`Nobody is waiting for your review.` : undefined,
    truncated: reviewTruncated || undefined,
  });

  // My pull requests, by what I have to do next.
  const mineItems = unionOf(resultsFor(snapshot, 'mine')).filter(visibleDraft).map((pr) => mineItem(ctx, pr)).filter(keep);
  const mineGroups = mineOrder
    .map((state) => group(GroupId.mineState(state), mineLabels[state], mineItems.filter((i) => i.mineState === state), pins))
    .filter((g) => g.count > 0);
  const mine = group(GroupId.mine, translated`My PRs`, [], pins, {
    groups: mineGroups,
    hint: mineGroups.length === 0 ? translated`You have no open pull requests.` : undefined,
    truncated: resultsFor(snapshot, 'mine').some((r) => r.truncated) || undefined,
  });

  // Stale: nothing happened for N working hours in the team's repositories.
  const threshold = options.staleBusinessHours;
  const staleItems = unionOf(resultsFor(snapshot, 'stale'))
    .filter(visibleDraft)
    .map((pr) => activityItem(ctx, pr, GroupId.stale, (h) => translated`No activity for ${formatBusinessDuration(h, options.workingTime)} of working time (stale after ${threshold} h).`))
    .filter((i) => i.waiting.hours >= threshold)
    .filter(keep);
  const staleError = resultsFor(snapshot, 'stale').find((r) => r.error)?.error;
  const stale = group(GroupId.stale, translated`Stale`, staleItems, pins, {
    error: staleError ? translated`GitHub could not search some of the Stale group's repositories (leadDesk.queue.repos / leadDesk.queue.orgs): ${staleError}` : undefined,
    hint: !options.staleConfigured
      ? translated`Open a folder with a GitHub remote, or list repositories in leadDesk.queue.repos or organisations in leadDesk.queue.orgs.`
      : staleItems.length === 0
        ? translated`Nothing has been idle for ${threshold} working hours.`
        : undefined,
    truncated: resultsFor(snapshot, 'stale').some((r) => r.truncated) || undefined,
  });

  // The user's own sections.
  const custom = options.customSections.map((section, index) => {
    const id = GroupId.custom(index);
    if (section.error) return group(id, section.name, [], pins, { error: `Section "${section.name}": ${section.error}` });
    const search = snapshot.searches.find((s) => s.role === 'custom' && s.section?.index === index && s.section.name === section.name);
    const result = search ? snapshot.results[search.alias] : undefined;
    if (!result) return group(id, section.name, [], pins, { hint: translated`Refresh to load this section.` });
    if (result.error) return group(id, section.name, [], pins, { error: translated`Section "${section.name}": GitHub rejected its search: ${result.error}` });
    const items = unionOf([result]).map((pr) => activityItem(ctx, pr, id, () => translated`Matches the search of section "${section.name}".`)).filter(keep);
    return group(id, section.name, items, pins, { hint: items.length === 0 ? translated`No pull requests match this search.` : undefined, truncated: result.truncated || undefined });
  });

  const snoozedItems = [...snoozed.values()].map(({ item, snooze }) => ({ ...item, id: `${item.id.replace(/:[^:]*$/, '')}:${GroupId.snoozed}`, groupId: GroupId.snoozed, snooze }));
  const groups = [needsReview, mine, stale, ...custom];
  if (snoozedItems.length > 0) groups.push(group(GroupId.snoozed, translated`Snoozed`, snoozedItems, pins));
  return { groups, needsReviewCount: direct.length + team.length };
}

/** Every pull request in the snapshot by key, with its updatedAt (for pruning local state). */
export function snapshotKeys(snapshot: QueueSnapshot): Map<string, string> {
  const keys = new Map<string, string>();
  for (const result of Object.values(snapshot.results)) for (const pr of result.pullRequests) keys.set(pullRequestKey(pr), pr.updatedAt);
  return keys;
}
