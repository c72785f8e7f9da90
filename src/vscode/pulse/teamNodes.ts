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

const arrows = { up: '↑ up', down: '↓ down', steady: '→ steady' } as const;

function scoreText(summary: PulseSummary | undefined): string {
  if (!summary) return 'no pulse';
  if (summary.score === undefined) return 'no answers yet';
  return `${summary.score.toFixed(1)} of ${summary.scale} · ${summary.responses} ${summary.responses === 1 ? 'answer' : 'answers'}`;
}

function pulseNode(state: TeamViewState): TeamNode {
  const latest = [...state.trend].reverse().find((p) => p.summary !== undefined);
  const label = latest ? `Pulse, week of ${weekLabel(latest.week)}: ${scoreText(latest.summary)}` : 'Pulse: none sent in the last 8 weeks';
  const description = [sparkline(state.trend), state.direction ? arrows[state.direction] : ''].filter(Boolean).join(' ');
  return { kind: 'pulse', id: 'pulse', label, description, trend: state.trend };
}

export function weekNodes(trend: readonly TrendPoint[]): TeamNode[] {
  return [...trend].reverse().map((p) => ({ kind: 'week', id: `pulse/${p.week}`, label: `Week of ${weekLabel(p.week)}`, description: scoreText(p.summary) }));
}

export function formatHours(hours: number | undefined): string {
  if (hours === undefined) return 'none yet';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  return `${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h`;
}

function reviewedText(f: FirstReviewFigures): string {
  return `${f.reviewed} reviewed${f.waiting > 0 ? `, ${f.waiting} waiting` : ''}`;
}

export function teamRoots(state: TeamViewState): TeamNode[] {
  // Nothing to show yet: the view's welcome content says how to start.
  if (state.team.kind === 'noTeam' && state.trend.every((p) => p.summary === undefined) && !state.pulseNote) return [];
  const roots: TeamNode[] = [pulseNode(state)];
  if (state.pulseNote) roots.push({ kind: 'message', id: 'pulse/note', label: state.pulseNote, icon: 'warning' });
  const team = state.team;
  switch (team.kind) {
    case 'loading':
      roots.push({ kind: 'message', id: 'team/loading', label: 'Loading the team…', icon: 'loading~spin' });
      break;
    case 'problem':
      roots.push({ kind: 'message', id: 'team/problem', label: team.message, icon: 'warning' });
      break;
    case 'noTeam':
      roots.push({ kind: 'message', id: 'team/none', label: 'Set leadDesk.team or leadDesk.githubTeam to see your team', icon: 'settings-gear', command: 'workbench.action.openSettings' });
      break;
    case 'teamUnreadable':
      roots.push({ kind: 'message', id: 'team/unreadable', label: `Could not read ${team.team}: ${team.problem}`, icon: 'warning' });
      break;
    case 'ready': {
      const { thisWeek, lastFourWeeks } = team.firstReview;
      roots.push({
        kind: 'message',
        id: 'team/firstReview',
        label: `First review: ${formatHours(thisWeek.medianHours)} this week (${reviewedText(thisWeek)})`,
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
  const count = `${row.openRequests} open review ${row.openRequests === 1 ? 'request' : 'requests'}`;
  return row.overloaded ? `${count} · far more than the others` : count;
}
