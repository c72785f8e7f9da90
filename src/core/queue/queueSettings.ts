// The `leadDesk.queue.*` and `leadDesk.notifications.*` settings, parsed purely. A bad value falls
// back to its default and becomes a problem that names the setting; the other settings still apply.
import { translated } from '../inertText';
import type { RawSettings, SettingsProblem } from '../settingsSource';
import { defaultWorkingHours, type WorkingHours } from '../workingHours';
import { customSearchQuery, searchProblem } from './searchQueries';

export interface CustomSection {
  readonly name: string;
  readonly query: string;
  /** Set when GitHub would refuse the search; the tree shows it in place of the section's items. */
  readonly error?: string;
}

export interface QueueSettings {
  readonly autoRefreshMinutes: number;
  readonly includeDrafts: boolean;
  readonly staleBusinessHours: number;
  readonly repos: readonly string[];
  readonly orgs: readonly string[];
  readonly customSections: readonly CustomSection[];
  readonly statusBarCount: boolean;
  /** Refresh from start-up with the sidebar closed, for notifications and the status-bar count. */
  readonly refreshInBackground: boolean;
  readonly notifyNewReviewRequests: boolean;
  /** The extension's working hours (`leadDesk.workingHours`), which waiting times are counted in. */
  readonly workingTime: WorkingHours;
}

export const defaultQueueSettings: QueueSettings = {
  autoRefreshMinutes: 5,
  includeDrafts: false,
  staleBusinessHours: 16,
  repos: [],
  orgs: [],
  customSections: [],
  statusBarCount: true,
  refreshInBackground: false,
  notifyNewReviewRequests: true,
  workingTime: defaultWorkingHours,
};

/** Keys as read through RawSettings (relative to `leadDesk.`). */
export const QueueSettingKey = {
  autoRefreshMinutes: 'queue.autoRefreshMinutes',
  includeDrafts: 'queue.includeDrafts',
  staleBusinessHours: 'queue.staleAfterBusinessHours',
  repos: 'queue.repos',
  orgs: 'queue.orgs',
  customSections: 'queue.customSections',
  statusBarCount: 'queue.statusBarCount',
  refreshInBackground: 'queue.refreshInBackground',
  notifyNewReviewRequests: 'queue.notifyNewReviewRequests',
} as const;

const repoPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const ownerPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

function full(key: string): string {
  return `leadDesk.${key}`;
}

function number(read: RawSettings, key: string, fallback: number, min: number, max: number, problems: SettingsProblem[]): number {
  const raw = read(key);
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    problems.push({ key: full(key), message: translated`${full(key)} must be a number; using ${fallback}.` });
    return fallback;
  }
  if (raw < min || raw > max) {
    const clamped = Math.min(max, Math.max(min, raw));
    problems.push({ key: full(key), message: translated`${full(key)} must be between ${min} and ${max}; using ${clamped}.` });
    return clamped;
  }
  return raw;
}

function boolean(read: RawSettings, key: string, fallback: boolean, problems: SettingsProblem[]): boolean {
  const raw = read(key);
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'boolean') {
    problems.push({ key: full(key), message: translated`${full(key)} must be true or false; using ${String(fallback)}.` });
    return fallback;
  }
  return raw;
}

function names(read: RawSettings, key: string, pattern: RegExp, example: string, problems: SettingsProblem[]): string[] {
  const raw = read(key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ key: full(key), message: translated`${full(key)} must be a list such as ["${example}"]; ignoring it.` });
    return [];
  }
  const out: string[] = [];
  for (const entry of raw as unknown[]) {
    const value = typeof entry === 'string' ? entry.trim() : '';
    if (pattern.test(value)) out.push(value);
    else problems.push({ key: full(key), message: translated`${full(key)}: "${String(entry)}" is not a valid name (expected e.g. "${example}"); ignoring that entry.` });
  }
  return out;
}

function sections(read: RawSettings, includeDrafts: boolean, problems: SettingsProblem[]): CustomSection[] {
  const key = QueueSettingKey.customSections;
  const raw = read(key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ key: full(key), message: translated`${full(key)} must be a list of { "name", "query" } objects; ignoring it.` });
    return [];
  }
  const out: CustomSection[] = [];
  (raw as unknown[]).forEach((entry, i) => {
    const e = (entry !== null && typeof entry === 'object' ? entry : {}) as { name?: unknown; query?: unknown };
    // Not translated: the name also keys the section's search in the stored snapshot.
    const name = typeof e.name === 'string' && e.name.trim() ? e.name.trim() : `Section ${i + 1}`;
    if (typeof e.query !== 'string' || !e.query.trim()) {
      problems.push({ key: full(key), message: translated`${full(key)}: section "${name}" has no "query" search string; skipping it.` });
      return;
    }
    const problem = searchProblem(customSearchQuery(e.query, includeDrafts));
    if (problem) {
      const error = `${problem}.`;
      problems.push({ key: full(key), message: translated`${full(key)}: section "${name}" cannot be searched: ${error}` });
      out.push({ name, query: e.query.trim(), error });
      return;
    }
    out.push({ name, query: e.query.trim() });
  });
  return out;
}

export function parseQueueSettings(read: RawSettings, problems: SettingsProblem[], workingTime: WorkingHours = defaultWorkingHours): QueueSettings {
  const includeDrafts = boolean(read, QueueSettingKey.includeDrafts, defaultQueueSettings.includeDrafts, problems);
  return {
    autoRefreshMinutes: number(read, QueueSettingKey.autoRefreshMinutes, defaultQueueSettings.autoRefreshMinutes, 1, 24 * 60, problems),
    includeDrafts,
    staleBusinessHours: number(read, QueueSettingKey.staleBusinessHours, defaultQueueSettings.staleBusinessHours, 1, 2000, problems),
    repos: names(read, QueueSettingKey.repos, repoPattern, 'acme/web', problems),
    orgs: names(read, QueueSettingKey.orgs, ownerPattern, 'acme', problems),
    customSections: sections(read, includeDrafts, problems),
    statusBarCount: boolean(read, QueueSettingKey.statusBarCount, defaultQueueSettings.statusBarCount, problems),
    refreshInBackground: boolean(read, QueueSettingKey.refreshInBackground, defaultQueueSettings.refreshInBackground, problems),
    notifyNewReviewRequests: boolean(read, QueueSettingKey.notifyNewReviewRequests, defaultQueueSettings.notifyNewReviewRequests, problems),
    workingTime,
  };
}
