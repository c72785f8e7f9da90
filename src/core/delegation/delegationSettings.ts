// The `leadDesk.team`, `leadDesk.githubTeam` and `leadDesk.delegation.*` settings, typed. Like the rest of the settings,
// a bad value falls back to its default and is reported once, naming the setting.

import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';

export type AskOrNot = 'ask' | 'always' | 'never';

export interface DelegationSettings {
  /** GitHub logins that narrow the candidates; empty means everyone active in the history window. */
  readonly team: readonly string[];
  /** `org/team-slug` whose members narrow the candidates (needs `read:org`); undefined when unset. */
  readonly githubTeam: string | undefined;
  /** Manual identity → login mapping, keys lower-cased (an email or a name as git writes it). */
  readonly logins: Readonly<Record<string, string>>;
  /** Globs of critical paths: a pull request touching one is never marked as good to delegate. */
  readonly keepPaths: readonly string[];
  /** How far back history is read. */
  readonly historyDays: number;
  readonly maxCommits: number;
  /** A pull request with fewer changed lines (added + deleted) than this counts as small. */
  readonly smallChangeLines: number;
  readonly handoffComment: AskOrNot;
  readonly removeMyRequest: AskOrNot;
  /** The handoff message; `{login}`, `{name}` and `{area}` are filled in. */
  readonly handoffTemplate: string;
}

// Not translated: the default handoff message is posted for the teammate who takes the review.
export const defaultHandoffTemplate = '@{login} could you take the first pass? You know {area} best.';

export const defaultDelegationSettings: DelegationSettings = {
  team: [],
  githubTeam: undefined,
  logins: {},
  keepPaths: [],
  historyDays: 1095,
  maxCommits: 30_000,
  smallChangeLines: 20,
  handoffComment: 'ask',
  removeMyRequest: 'ask',
  handoffTemplate: defaultHandoffTemplate,
};

const LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9_.-]+$/;

function loginList(raw: unknown, key: string, problems: SettingsProblem[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ key, message: translated`${key} must be a list of GitHub logins; ignoring it.` });
    return [];
  }
  const out: string[] = [];
  const bad: string[] = [];
  for (const item of raw) {
    if (typeof item === 'string' && LOGIN.test(item.trim())) {
      const login = item.trim().replace(/^@/, '');
      if (!out.some((l) => l.toLowerCase() === login.toLowerCase())) out.push(login);
    } else {
      bad.push(JSON.stringify(item));
    }
  }
  const listed = bad.join(', ');
  if (bad.length > 0) problems.push({ key, message: bad.length === 1 ? translated`${key}: ${listed} is not a GitHub login; ignoring it.` : translated`${key}: ${listed} are not GitHub logins; ignoring them.` });
  return out;
}

function teamSlug(raw: unknown, key: string, problems: SettingsProblem[]): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string' || !TEAM.test(raw.trim())) {
    problems.push({ key, message: translated`${key} must look like "org/team-slug"; ignoring ${JSON.stringify(raw)}.` });
    return undefined;
  }
  return raw.trim().replace(/^@/, '');
}

function loginMapping(raw: unknown, key: string, problems: SettingsProblem[]): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key, message: translated`${key} must be an object such as {"ada@example.com": "ada"}; ignoring it.` });
    return {};
  }
  const out: Record<string, string> = {};
  const bad: string[] = [];
  for (const [identity, login] of Object.entries(raw as Record<string, unknown>)) {
    const k = identity.trim().toLowerCase();
    if (k !== '' && typeof login === 'string' && LOGIN.test(login.trim())) out[k] = login.trim().replace(/^@/, '');
    else bad.push(JSON.stringify(identity));
  }
  if (bad.length > 0) problems.push({ key, message: translated`${key}: the entries for ${bad.join(', ')} do not map to a GitHub login; ignoring them.` });
  return out;
}

function globList(raw: unknown, key: string, problems: SettingsProblem[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((g) => typeof g !== 'string')) {
    problems.push({ key, message: translated`${key} must be a list of path patterns such as "src/auth/**"; ignoring it.` });
    return [];
  }
  return (raw as string[]).map((g) => g.trim()).filter((g) => g !== '');
}

function integer(raw: unknown, key: string, fallback: number, min: number, max: number, problems: SettingsProblem[]): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min || raw > max) {
    problems.push({ key, message: translated`${key} must be a whole number from ${min} to ${max}; using ${fallback}.` });
    return fallback;
  }
  return raw;
}

function askOrNot(raw: unknown, key: string, problems: SettingsProblem[]): AskOrNot {
  if (raw === undefined || raw === null) return 'ask';
  if (raw === 'ask' || raw === 'always' || raw === 'never') return raw;
  problems.push({ key, message: translated`${key} must be "ask", "always" or "never"; using "ask".` });
  return 'ask';
}

function template(raw: unknown, key: string, problems: SettingsProblem[]): string {
  if (raw === undefined || raw === null || raw === '') return defaultHandoffTemplate;
  if (typeof raw !== 'string' || raw.length > 2000) {
    problems.push({ key, message: translated`${key} must be a short text; using the default.` });
    return defaultHandoffTemplate;
  }
  return raw;
}

/** Reads `team`, `githubTeam` and `delegation.*` through the same reader as the other settings. */
export function parseDelegationSettings(read: RawSettings, problems: SettingsProblem[]): DelegationSettings {
  const d = defaultDelegationSettings;
  return {
    team: loginList(read('team'), 'leadDesk.team', problems),
    githubTeam: teamSlug(read('githubTeam'), 'leadDesk.githubTeam', problems),
    logins: loginMapping(read('delegation.logins'), 'leadDesk.delegation.logins', problems),
    keepPaths: globList(read('delegation.keepPaths'), 'leadDesk.delegation.keepPaths', problems),
    historyDays: integer(read('delegation.historyDays'), 'leadDesk.delegation.historyDays', d.historyDays, 1, 36_500, problems),
    maxCommits: integer(read('delegation.maxCommits'), 'leadDesk.delegation.maxCommits', d.maxCommits, 100, 1_000_000, problems),
    smallChangeLines: integer(read('delegation.smallChangeLines'), 'leadDesk.delegation.smallChangeLines', d.smallChangeLines, 0, 100_000, problems),
    handoffComment: askOrNot(read('delegation.handoffComment'), 'leadDesk.delegation.handoffComment', problems),
    removeMyRequest: askOrNot(read('delegation.removeMyRequest'), 'leadDesk.delegation.removeMyRequest', problems),
    handoffTemplate: template(read('delegation.handoffTemplate'), 'leadDesk.delegation.handoffTemplate', problems),
  };
}
