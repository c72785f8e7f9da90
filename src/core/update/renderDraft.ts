// The draft's Markdown. Each placeholder of the template becomes one piece of text; every string
// from GitHub (titles, names, labels, milestones) is escaped for a Markdown document, so a title
// cannot add a link, an image, HTML, emphasis or a mention to what the lead sends on.
// Not translated: the draft is sent on to the team, whose language the lead's display language does not decide.
import { format } from 'date-fns';
import { escapeFor } from '../inertText';
import { httpUrl } from './httpUrl';
import { formatDuration } from '../focus/format';
import { progressStateLabel, type AtRisk, type RiskReason, type UpdateSections } from './updateSections';
import type { UpdatePullRequest } from './updateTypes';

/** The placeholders a template may use, with what each becomes (the README lists the same). */
export const placeholders = {
  weekRange: 'the week covered, e.g. "Mon 3 Jun – Sun 9 Jun 2024"',
  viewer: 'your GitHub login',
  shippedCount: 'how many pull requests were merged',
  shipped: 'the merged pull requests, grouped by leadDesk.update.groupBy',
  inProgressCount: 'how many pull requests are open',
  inProgress: 'the open pull requests with their state',
  atRiskCount: 'how many open pull requests are at risk',
  atRisk: 'stale pull requests, failing checks, untouched change requests and slow reviews',
  fromMe: 'reviews you gave, reviews you handed off and your focus time',
  next: "next week's scheduled focus blocks and milestones due",
} as const;

export type Placeholder = keyof typeof placeholders;

const doc = (text: string) => escapeFor('document', text);

/** A link target from GitHub: http(s) only, and no character that could end the link early. */
export function safeUrl(raw: string): string | undefined {
  return httpUrl(raw)?.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function link(title: string, url: string): string {
  const target = safeUrl(url);
  return target ? `[${doc(title)}](${target})` : doc(title);
}

function reference(pr: UpdatePullRequest, withAuthor: boolean): string {
  const author = withAuthor ? ` by ${pr.author ? doc(pr.author) : 'a deleted account'}` : '';
  return `${link(pr.title, pr.url)} (${doc(pr.repository)}\\#${pr.number}${author})`;
}

function formatDay(date: Date | number): string {
  return format(date, 'EEE d MMM');
}

export function formatWeekRange(sections: Pick<UpdateSections, 'week'>): string {
  const { week } = sections;
  const last = new Date(week.nextStart.getTime() - 1);
  return week.soFar ? `${formatDay(week.start)} – ${formatDay(week.end)} ${format(week.end, 'yyyy')} (so far)` : `${formatDay(week.start)} – ${formatDay(last)} ${format(last, 'yyyy')}`;
}

function shipped(s: UpdateSections): string {
  if (s.shippedCount === 0) return '_Nothing was merged in this week._';
  const byAuthor = s.groupBy === 'author';
  const parts = s.shipped.map((g) => [`### ${doc(g.name)}`, '', ...g.pullRequests.map((pr) => `- ${reference(pr, !byAuthor)}`)].join('\n'));
  if (s.truncated.length > 0) parts.push('_GitHub found more pull requests than Lead Desk reads in one draft; the lists may be incomplete._');
  return parts.join('\n\n');
}

function inProgress(s: UpdateSections): string {
  if (s.inProgress.length === 0) return '_No open pull requests._';
  return s.inProgress.map(({ pullRequest, state }) => `- ${reference(pullRequest, true)}: ${progressStateLabel[state]}`).join('\n');
}

function riskText(reason: RiskReason, risk: AtRisk): string {
  const days = Math.max(1, Math.floor(risk.idleHours / 24));
  switch (reason) {
    case 'stale':
      return `no activity for ${days} ${days === 1 ? 'day' : 'days'}`;
    case 'checksFailing':
      return 'CI failing for more than a day';
    case 'changesUntouched':
      return 'changes requested and not addressed for more than a day';
    case 'waitingForReview':
      return "waiting for review longer than the team's usual turnaround";
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Where the "usual turnaround" came from, so a reader can weigh a late review. */
export function turnaroundNote(t: UpdateSections['turnaround']): string {
  const limit = `Review requests count as late after ${plural(t.hours, 'working hour', 'working hours')}`;
  if (t.source === 'measured') return `_${limit}: the team's median time to first review over the last 4 weeks (${plural(t.reviewed, 'pull request', 'pull requests')})._`;
  if (t.reason === 'noTeam') return `_${limit} (leadDesk.update.reviewTurnaroundHours); set leadDesk.team or leadDesk.githubTeam to measure the team's usual turnaround instead._`;
  return `_${limit} (leadDesk.update.reviewTurnaroundHours): too little data to measure the team's usual turnaround (${plural(t.reviewed, 'pull request', 'pull requests')} reviewed in the last 4 weeks)._`;
}

function atRisk(s: UpdateSections): string {
  const list = s.atRisk.length === 0 ? '_Nothing at risk._' : s.atRisk.map((r) => `- ${reference(r.pullRequest, true)}: ${r.reasons.map((reason) => riskText(reason, r)).join('; ')}`).join('\n');
  return `${list}\n\n${turnaroundNote(s.turnaround)}`;
}

function fromMe(s: UpdateSections): string {
  const lines = [`- Reviewed ${s.reviewsGiven} pull ${s.reviewsGiven === 1 ? 'request' : 'requests'}`];
  if (s.handedOff !== undefined && s.handedOff > 0) {
    const elsewhere = s.handedOffOnGitHubOnly ? ` (${s.handedOffOnGitHubOnly} of them from handoff comments on GitHub, not recorded on this machine)` : '';
    lines.push(`- Handed off ${s.handedOff} ${s.handedOff === 1 ? 'review' : 'reviews'} to teammates${elsewhere}`);
  }
  if (s.focus) {
    const parts = (['deepWork', 'review', 'planning'] as const)
      .filter((t) => s.focus!.byType[t] > 0)
      .map((t) => `${{ deepWork: 'deep work', review: 'reviews', planning: 'planning' }[t]} ${formatDuration(s.focus!.byType[t])}`);
    lines.push(s.focus.totalMs > 0 ? `- Focus time: ${formatDuration(s.focus.totalMs)} (${parts.join(', ')})` : '- Focus time: no focus blocks recorded');
  }
  return lines.join('\n');
}

function next(s: UpdateSections): string {
  const blocks = s.nextBlocks.map((b) => `- ${formatDay(b.start)}, ${format(b.start, 'HH:mm')}–${format(b.end, 'HH:mm')}: ${doc(b.label)}`);
  const milestones = s.milestonesDue.map((m) => `- Milestone ${m.url ? link(m.title, m.url) : doc(m.title)} due ${m.dueOn ? formatDay(new Date(m.dueOn)) : ''}`.trimEnd());
  const parts: string[] = [];
  parts.push(blocks.length ? ['Focus blocks:', '', ...blocks].join('\n') : '_No focus blocks scheduled._');
  if (milestones.length) parts.push(['Milestones due:', '', ...milestones].join('\n'));
  return parts.join('\n\n');
}

/** The text of every placeholder for these sections. */
export function placeholderValues(s: UpdateSections): Record<Placeholder, string> {
  return {
    weekRange: formatWeekRange(s),
    viewer: doc(s.viewer),
    shippedCount: String(s.shippedCount),
    shipped: shipped(s),
    inProgressCount: String(s.inProgress.length),
    inProgress: inProgress(s),
    atRiskCount: String(s.atRisk.length),
    atRisk: atRisk(s),
    fromMe: fromMe(s),
    next: next(s),
  };
}
