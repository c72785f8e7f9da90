// What the Team view shows, as plain nodes: the pulse and its 8-week trend, the team's time to
// first review, and one row per teammate with the pull requests waiting on them.
import { tree } from '../../core/inertText';
import { weekLabel } from '../../core/pulse/pulseWeek';
import { sparkline, type TrendPoint, type PulseSummary } from '../../core/pulse/pulseHistory';
import type { FirstReviewFigures } from '../../core/pulse/teamStats';
import type { PullRequestRef } from '../../core/pullRequestRef';
import { pullRequestKey } from '../../core/pullRequestRef';
import type { TeammateRow } from '../../app/pulse/teamOverview';
import type { TeamViewState } from './teamModel';

export type TeamNode =
  | { readonly kind: 'pulse'; readonly id: string; readonly label: string; readonly description: string; readonly trend: readonly TrendPoint[] }
  | { readonly kind: 'week'; readonly id: string; readonly label: string; readonly description: string }
  | { readonly kind: 'teammate'; readonly id: string; readonly row: TeammateRow }
  | { readonly kind: 'waiting'; readonly id: string; readonly login: string; readonly pull: PullRequestRef }
  | { readonly kind: 'message'; readonly id: string; readonly label: string; readonly description?: string; readonly icon: string; readonly command?: string };

// Functions, so each word is read in the display language of the moment.
const arrows = { up: () => tree`↑ up`.value, down: () => tree`↓ down`.value, steady: () => tree`→ steady`.value } as const;

function scoreText(summary: PulseSummary | undefined): string {
  if (!summary) return tree`no pulse`.value;
  if (summary.score === undefined) return tree`no answers yet`.value;
  const score = summary.score.toFixed(1);
  return (summary.responses === 1 ? tree`${score} of ${summary.scale} · ${summary.responses} answer` : tree`${score} of ${summary.scale} · ${summary.responses} answers`).value;
}

function pulseNode(state: TeamViewState): TeamNode {
  const latest = [...state.trend].reverse().find((p) => p.summary !== undefined);
  const label = latest ? tree`Pulse, week of ${weekLabel(latest.week)}: ${scoreText(latest.summary)}`.value : tree`Pulse: none sent in the last 8 weeks`.value;
  const description = [sparkline(state.trend), state.direction ? arrows[state.direction]() : ''].filter(Boolean).join(' ');
  return { kind: 'pulse', id: 'pulse', label, description, trend: state.trend };
}

export function weekNodes(trend: readonly TrendPoint[]): TeamNode[] {
  return [...trend].reverse().map((p) => ({ kind: 'week', id: `pulse/${p.week}`, label: tree`Week of ${weekLabel(p.week)}`.value, description: scoreText(p.summary) }));
}

export function formatHours(hours: number | undefined): string {
  if (hours === undefined) return tree`none yet`.value;
  if (hours < 1) return tree`${Math.max(1, Math.round(hours * 60))} min`.value;
  return tree`${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h`.value;
}

function reviewedText(f: FirstReviewFigures): string {
  return (f.waiting > 0 ? tree`${f.reviewed} reviewed, ${f.waiting} waiting` : tree`${f.reviewed} reviewed`).value;
}

export function teamRoots(state: TeamViewState): TeamNode[] {
  // Nothing to show yet: the view's welcome content says how to start.
  if (state.team.kind === 'noTeam' && state.trend.every((p) => p.summary === undefined) && !state.pulseNote) return [];
  const roots: TeamNode[] = [pulseNode(state)];
  if (state.pulseNote) roots.push({ kind: 'message', id: 'pulse/note', label: state.pulseNote, icon: 'warning' });
  const team = state.team;
  switch (team.kind) {
    case 'loading':
      roots.push({ kind: 'message', id: 'team/loading', label: tree`Loading the team…`.value, icon: 'loading~spin' });
      break;
    case 'problem':
      roots.push({ kind: 'message', id: 'team/problem', label: team.message, icon: 'warning' });
      break;
    case 'noTeam':
      roots.push({ kind: 'message', id: 'team/none', label: tree`Set leadDesk.team or leadDesk.githubTeam to see your team`.value, icon: 'settings-gear', command: 'workbench.action.openSettings' });
      break;
    case 'teamUnreadable':
      roots.push({ kind: 'message', id: 'team/unreadable', label: tree`Could not read ${team.team}: ${team.problem}`.value, icon: 'warning' });
      break;
    case 'ready': {
      const { thisWeek, lastFourWeeks } = team.firstReview;
      roots.push({
        kind: 'message',
        id: 'team/firstReview',
        label: tree`First review: ${formatHours(thisWeek.medianHours)} this week (${reviewedText(thisWeek)})`.value,
        description: tree`${formatHours(lastFourWeeks.medianHours)} over the 4 weeks before`.value,
        icon: 'watch',
      });
      if (team.note) roots.push({ kind: 'message', id: 'team/note', label: team.note, icon: 'info' });
      for (const row of team.rows) roots.push({ kind: 'teammate', id: `teammate/${row.login.toLowerCase()}`, row });
      break;
    }
  }
  return roots;
}

export function waitingNodes(row: TeammateRow): TeamNode[] {
  return row.waiting.map((pull) => ({ kind: 'waiting', id: `teammate/${row.login.toLowerCase()}/${pullRequestKey(pull)}`, login: row.login, pull }));
}

export function teammateDescription(row: TeammateRow): string {
  const count = row.openRequests === 1 ? tree`${row.openRequests} open review request` : tree`${row.openRequests} open review requests`;
  return (row.overloaded ? tree`${count} · far more than the others` : count).value;
}
