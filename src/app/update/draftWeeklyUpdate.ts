// Draft Weekly Update: reads the week from GitHub in one request, adds the lead's focus time and
// next week's schedule, and fills the template. The result is plain text the editor shows as an
// untitled Markdown document; nothing here depends on a language model.
import { addDays } from 'date-fns';
import type { FinishedBlock } from '../../core/focus/types';
import { translated } from '../../core/inertText';
import { occurrencesOn, type ScheduleEntry } from '../../core/focus/schedule';
import type { Logger } from '../../core/logger';
import type { WorkingHours } from '../../core/workingHours';
import { placeholderValues } from '../../core/update/renderDraft';
import { buildUpdateSections, type UpdateSections } from '../../core/update/updateSections';
import { planUpdateSearches } from '../../core/update/updateSearches';
import type { UpdateSettings } from '../../core/update/updateSettings';
import { fillTemplate } from '../../core/update/updateTemplate';
import type { HandoffSeen, PlannedBlock, UpdateWeek } from '../../core/update/updateTypes';
import { countHandoffs } from '../../core/update/handoffCount';
import { firstReviewSince } from '../../core/pulse/teamStats';
import { turnaroundWithoutTeam, usualTurnaroundFrom } from '../../core/pulse/usualTurnaround';
import type { GitHubClient } from '../../github/client';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { fetchUpdate } from '../../github/update/fetchUpdate';
import { teamLogins, type TeamLogins } from '../team/teamLogins';

export interface DraftSettings {
  readonly update: UpdateSettings;
  readonly repos: readonly string[];
  readonly orgs: readonly string[];
  /** leadDesk.team, else leadDesk.githubTeam's members: whose pull requests measure the usual turnaround. */
  readonly team: readonly string[];
  readonly githubTeam: string | undefined;
  readonly staleBusinessHours: number;
  readonly workingTime: WorkingHours;
  readonly schedule: readonly ScheduleEntry[];
}

export interface DraftDependencies {
  readonly client: () => Promise<GitHubClient>;
  /** Where leadDesk.githubTeam's members are read (cached there). */
  readonly teams: TeamDirectory;
  readonly settings: () => DraftSettings;
  /** "owner/name" of the open folders' GitHub remotes, as the queue's Stale group uses. */
  readonly workspaceRepos: () => Promise<readonly string[]>;
  /** Finished focus blocks from the focus history; undefined when there is none to read. */
  readonly focusHistory: () => readonly FinishedBlock[] | undefined;
  /** Reviews handed off with Delegation in [from, to) (epoch ms), as this machine recorded them. */
  readonly handoffs?: (from: number, to: number) => Promise<readonly HandoffSeen[]>;
  /** The template's text: the configured file, or the one shipped with Lead Desk. */
  readonly template: (path: string) => Promise<string>;
  readonly now: () => Date;
  readonly log?: Logger;
}

export interface WeeklyDraft {
  readonly text: string;
  readonly sections: UpdateSections;
  /** Problems to show beside the draft: the template's, and a GitHub team that could not be read. */
  readonly problems: readonly string[];
  readonly requests: number;
  readonly cost: number;
}

function plannedBlocks(schedule: readonly ScheduleEntry[], week: UpdateWeek): PlannedBlock[] {
  const out: PlannedBlock[] = [];
  for (let day = week.nextStart; day < week.nextEnd; day = addDays(day, 1)) {
    for (const o of occurrencesOn(schedule, day)) out.push({ label: o.label, start: o.start, end: o.end });
  }
  return out;
}

export async function draftWeeklyUpdate(deps: DraftDependencies, week: UpdateWeek): Promise<WeeklyDraft> {
  const settings = deps.settings();
  const [client, workspaceRepos, template] = await Promise.all([deps.client(), deps.workspaceRepos(), deps.template(settings.update.template)]);
  const now = deps.now();
  const members = await teamLogins(client, deps.teams, settings);
  const team = members.kind === 'members' ? members.logins : [];
  // The team's pull requests of the last four weeks ride in the same request as the week's.
  const searches = planUpdateSearches({ repos: [...workspaceRepos, ...settings.repos], orgs: settings.orgs, team }, week, { authoredSince: firstReviewSince(now.getTime()) });
  const data = await fetchUpdate(client, searches, { labels: settings.update.groupBy === 'label', since: week.start, until: week.end, ...(deps.log ? { log: deps.log } : {}) });
  const history = deps.focusHistory();
  const recorded = (await deps.handoffs?.(week.start.getTime(), week.end.getTime())) ?? [];
  const handoffs = countHandoffs(recorded, data.handoffs);
  const settingHours = settings.update.reviewTurnaroundHours;
  const turnaround = team.length === 0 ? turnaroundWithoutTeam(settingHours) : usualTurnaroundFrom(data.authored, now.getTime(), settings.workingTime, settingHours);
  const focus = history?.filter((b) => b.endedAt >= week.start.getTime() && b.endedAt <= week.end.getTime()).map((b) => ({ type: b.type, focusedMs: b.focusedMs }));
  const sections = buildUpdateSections({
    data,
    week,
    groupBy: settings.update.groupBy,
    now,
    workingTime: settings.workingTime,
    staleBusinessHours: settings.staleBusinessHours,
    turnaround,
    ...(focus ? { focus } : {}),
    handedOff: handoffs.total,
    handedOffOnGitHubOnly: handoffs.onlyOnGitHub,
    nextBlocks: plannedBlocks(settings.schedule, week),
  });
  const filled = fillTemplate(template, placeholderValues(sections));
  return { text: filled.text, sections, problems: [...teamProblems(members, settingHours), ...filled.problems], requests: data.requests, cost: data.cost };
}

/** What the draft should say about the team it measured, when that is not simply leadDesk.team. */
function teamProblems(members: TeamLogins, settingHours: number): string[] {
  if (members.kind === 'unreadable') return [translated`At risk compares with leadDesk.update.reviewTurnaroundHours (${settingHours} h): the members of ${members.team} could not be read (${members.problem}).`];
  return members.kind === 'members' && members.note !== undefined ? [members.note] : [];
}
