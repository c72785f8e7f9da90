// What the Review Queue tree shows, as plain data: labels, descriptions, icons, context values and
// tooltips. The VS Code tree provider only turns these into TreeItems, so all wording and
// ordering is tested (and measured) in plain Node.
import { escapeFor, joinInert, markdown, type InertText, translated } from '../inertText';
import { dayMonthAndClock, weekdayAndClock } from '../dateWords';
import type { PullRequestRef } from '../pullRequestRef';
import { formatBusinessDuration, type WorkingHours } from '../workingHours';
import type { QueueGroup, QueueItem, QueueView, WaitingBasis } from './grouping';
import { GroupId, sinceMyReviewLabels } from './grouping';
import { formatPoints } from './score';
import { ViewItem } from '../viewItems';
import { isNudgeable } from '../nudge/nudgeRules';

/** A codicon id plus an optional theme colour id. */
export interface NodeIcon {
  readonly id: string;
  readonly color?: string;
}

export interface GroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly icon: NodeIcon;
  readonly expanded: boolean;
  readonly contextValue: string;
  readonly tooltip: string;
  readonly children: readonly QueueNode[];
}

export interface ItemNode {
  readonly kind: 'item';
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly icon: NodeIcon;
  readonly contextValue: string;
  /** Also what menu commands receive: `{ pullRequest }` is what other features' commands accept. */
  readonly pullRequest: PullRequestRef;
  readonly item: QueueItem;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly label: string;
  readonly icon: NodeIcon;
  readonly tooltip?: string;
}

export type QueueNode = GroupNode | ItemNode | MessageNode;

/** Each group's icon; exported so the shipped legend (media/legend/queue.md) is checked against it. */
export const groupIcons: Readonly<Record<string, NodeIcon>> = {
  [GroupId.needsReview]: { id: 'git-pull-request-reviewer' },
  [GroupId.teamRequests]: { id: 'organization' },
  [GroupId.mine]: { id: 'person' },
  [GroupId.stale]: { id: 'watch' },
  [GroupId.snoozed]: { id: 'bell-slash' },
  [GroupId.mineState('changesRequested')]: { id: 'request-changes', color: 'list.warningForeground' },
  [GroupId.mineState('ciFailing')]: { id: 'error', color: 'testing.iconFailed' },
  [GroupId.mineState('conflicts')]: { id: 'git-merge', color: 'list.warningForeground' },
  [GroupId.mineState('approved')]: { id: 'pass', color: 'testing.iconPassed' },
  [GroupId.mineState('noReviewer')]: { id: 'person-add', color: 'list.warningForeground' },
  [GroupId.mineState('waiting')]: { id: 'clock' },
  [GroupId.mineState('drafts')]: { id: 'git-pull-request-draft', color: 'descriptionForeground' },
};

/** The item's icon shows its review state; its colour shows CI. */
export function itemIcon(item: QueueItem): NodeIcon {
  const pr = item.pr;
  const ciColor = pr.ci === 'failure' ? 'testing.iconFailed' : pr.ci === 'pending' ? 'testing.iconQueued' : pr.ci === 'success' ? 'testing.iconPassed' : undefined;
  if (item.snooze) return { id: 'bell-slash', color: 'descriptionForeground' };
  if (pr.isDraft) return { id: 'git-pull-request-draft', color: 'descriptionForeground' };
  if (pr.review === 'changesRequested') return { id: 'request-changes', color: ciColor ?? 'list.warningForeground' };
  if (pr.merge === 'conflicting') return { id: 'git-merge', color: 'list.warningForeground' };
  if (pr.review === 'approved') return { id: 'pass', color: ciColor ?? 'testing.iconPassed' };
  if (pr.ci === 'failure') return { id: 'error', color: ciColor };
  return { id: 'git-pull-request', color: ciColor };
}

function sizeText(item: QueueItem): string {
  return `+${item.pr.additions} −${item.pr.deletions}`;
}

/**
 * The row's label: what decides whether to act now, in the few characters a 300 px sidebar shows
 * before the ellipsis. "1 d 2 h · changes requested · pinned".
 */
export function itemLabel(item: QueueItem, time: WorkingHours): string {
  const parts = [formatBusinessDuration(item.waiting.hours, time), itemState(item)];
  if (item.pinned) parts.push('pinned');
  return parts.join(' · ');
}

/** The row's description, after the facts: which pull request it is. Author, size and CI are in the tooltip. */
export function itemDescription(item: QueueItem): string {
  return `${item.pr.repo}#${item.pr.number} ${item.pr.title}`;
}

/** One state, the one that most changes what to do, in the order the row's icon picks its shape. */
export function itemState(item: QueueItem): string {
  const pr = item.pr;
  if (item.snooze) return snoozeText(item);
  if (pr.isDraft) return translated`draft`;
  // Back after the lead's review: what changed since is what they act on.
  if (item.sinceMyReview) return sinceMyReviewLabels[item.sinceMyReview];
  if (pr.review === 'changesRequested') return translated`changes requested`;
  if (pr.merge === 'conflicting') return translated`conflicts`;
  if (pr.review === 'approved') return translated`approved`;
  if (pr.ci === 'failure') return translated`CI failing`;
  if (item.request === 'teamNobodyNamed') return translated`team only`;
  return pr.ci === 'pending' ? translated`CI running` : translated`awaiting review`;
}

function snoozeText(item: QueueItem): string {
  const s = item.snooze;
  if (!s) return '';
  if (s.kind === 'activity') return translated`snoozed until new activity`;
  return s.until ? translated`snoozed until ${weekdayAndClock(new Date(s.until))}` : translated`snoozed`;
}

/** `nudgeAfterHours`: the team's usual turnaround; without it no row offers Nudge Reviewers. */
export function itemContextValue(item: QueueItem, nudgeAfterHours?: number): string {
  const nudgeable = nudgeAfterHours !== undefined && isNudgeable(item, nudgeAfterHours);
  return ViewItem.queue.pullRequest({ pinned: item.pinned, snoozed: Boolean(item.snooze), nudgeable });
}

/** Escapes text from GitHub (titles, logins) so it cannot inject Markdown or links into the tooltip. */
export function escapeMarkdown(text: string): string {
  return escapeFor('markdown', text);
}

// Getters, so each text is read in the display language of the moment.
const basisText: Record<WaitingBasis, string> = {
  get requested() {
    return translated`since the review was requested`;
  },
  get ready() {
    return translated`since it was marked ready for review`;
  },
  get lastActivity() {
    return translated`since the last activity`;
  },
  get opened() {
    return translated`since it was opened (no request time was found)`;
  },
};

// Getters, so each text is read in the display language of the moment.
const ciText = {
  get success() {
    return translated`passing`;
  },
  get failure() {
    return translated`failing`;
  },
  get pending() {
    return translated`running`;
  },
  get none() {
    return translated`no checks`;
  },
} as const;
const reviewText = {
  get approved() {
    return translated`approved`;
  },
  get changesRequested() {
    return translated`changes requested`;
  },
  get reviewRequired() {
    return translated`review required`;
  },
  get none() {
    return translated`no review required`;
  },
} as const;
const mergeText = {
  get mergeable() {
    return translated`no conflicts`;
  },
  get conflicting() {
    return translated`conflicts with the base branch`;
  },
  get unknown() {
    return translated`not yet known`;
  },
} as const;

/** The tooltip, built when VS Code asks for it (resolveTreeItem): the details and why the item sits here. */
export function itemTooltip(item: QueueItem, time: WorkingHours): InertText<'markdown'> {
  const pr = item.pr;
  const blank = markdown``;
  const lines: Array<InertText<'markdown'>> = [];
  lines.push(markdown`**${`${pr.owner}/${pr.repo}#${pr.number}`}** ${pr.title}`, blank);
  // GitHub names a deleted account "ghost".
  const author = pr.author ? markdown`by ${pr.author}` : markdown`by ${'ghost'} (deleted account)`;
  const size = pr.changedFiles === 1 ? markdown`${sizeText(item)} in 1 file` : markdown`${sizeText(item)} in ${pr.changedFiles} files`;
  lines.push(markdown`${author} · ${size}${pr.isDraft ? markdown` · draft` : blank}`, blank);
  lines.push(markdown`CI: ${ciText[pr.ci]} · Review: ${reviewText[pr.review]} · Merge: ${mergeText[pr.merge]}`, blank);
  const since = Date.parse(item.waiting.since);
  lines.push(markdown`Waiting ${formatBusinessDuration(item.waiting.hours, time)} of working time ${basisText[item.waiting.basis]}${Number.isNaN(since) ? blank : markdown` (${dayMonthAndClock(since)})`}.`, blank);
  if (item.teams.length > 0) lines.push(markdown`Teams asked: ${joinInert('markdown', item.teams, ', ')}`, blank);
  lines.push(markdown`**Why it is here:** ${item.placement}`, blank);
  if (item.snooze) lines.push(markdown`**Snoozed:** ${snoozeText(item).replace(/^snoozed /, '')}.`, blank);
  lines.push(markdown`**Why it is in this position:** ${item.pinned ? markdown`pinned to the top, then ` : blank}score ${item.score.total}`);
  for (const reason of item.score.reasons) lines.push(markdown`- ${formatPoints(reason.points)} ${reason.text}`);
  return joinInert('markdown', lines, '\n');
}

function groupNode(group: QueueGroup, time: WorkingHours, depth: number, nudgeAfterHours: number | undefined): GroupNode {
  const children: QueueNode[] = [];
  if (group.error) children.push({ kind: 'message', id: `${group.id}:error`, label: group.error, icon: { id: 'error', color: 'errorForeground' }, tooltip: group.error });
  for (const item of group.items) {
    children.push({ kind: 'item', id: item.id, label: itemLabel(item, time), description: itemDescription(item), icon: itemIcon(item), contextValue: itemContextValue(item, nudgeAfterHours), pullRequest: item.pullRequest, item });
  }
  for (const sub of group.groups) children.push(groupNode(sub, time, depth + 1, nudgeAfterHours));
  if (group.truncated) children.push({ kind: 'message', id: `${group.id}:truncated`, label: translated`More pull requests match on GitHub than are shown here.`, icon: { id: 'info' } });
  if (children.length === 0 && group.hint) children.push({ kind: 'message', id: `${group.id}:hint`, label: group.hint, icon: { id: 'info' } });
  const isCustom = group.id.startsWith('custom');
  return {
    kind: 'group',
    id: `group:${group.id}`,
    label: group.label,
    description: group.error ? translated`invalid search` : String(group.count),
    icon: groupIcons[group.id] ?? (isCustom ? { id: 'search' } : { id: 'list-unordered' }),
    // Top-level groups open; the Snoozed group and sub-groups of My PRs stay closed until wanted.
    expanded: group.id !== GroupId.snoozed && (depth === 0 || group.id === GroupId.teamRequests || group.count <= 5),
    contextValue: ViewItem.queue.group(group.id),
    tooltip: group.hint ?? group.error ?? `${group.label}: ${group.count}`,
    children,
  };
}

/** `nudgeAfterHours`: the team's usual review turnaround, past which my waiting pull requests offer Nudge Reviewers. */
export function buildQueueTree(view: QueueView, time: WorkingHours, nudgeAfterHours?: number): GroupNode[] {
  return view.groups.map((g) => groupNode(g, time, 0, nudgeAfterHours));
}
