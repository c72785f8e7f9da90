// The queue's last good snapshot is kept in globalState so it shows at once after a restart.
// What comes back from storage was written by an older version, another tool or a damaged disk,
// so every record is checked before the grouping code sees it: a bad pull request, result or
// search is dropped and the rest still renders; a snapshot without its frame is dropped whole.
import { translated } from '../inertText';
import type { MyReview, OpenRequest, QueuePullRequest, QueueSearch, QueueSnapshot, RateLimitInfo, RequestHistory, Reviewer, SearchResult } from './queueTypes';
import { isDateText, isRecord, isString, isStringArray, optional } from '../storedValues';

const searchRoles: ReadonlySet<string> = new Set(['reviewRequested', 'direct', 'mine', 'stale', 'custom', 'reviewed']);
const searchDetails: ReadonlySet<string> = new Set(['history', 'basic', 'keys']);
const ciStates: ReadonlySet<string> = new Set(['success', 'failure', 'pending', 'none']);
const reviewStates: ReadonlySet<string> = new Set(['approved', 'changesRequested', 'reviewRequired', 'none']);
const mergeStates: ReadonlySet<string> = new Set(['mergeable', 'conflicting', 'unknown']);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isOneOf = (set: ReadonlySet<string>) => (v: unknown): v is string => typeof v === 'string' && set.has(v);

function isReviewer(v: unknown): v is Reviewer {
  if (!isRecord(v)) return false;
  if (v.kind === 'user') return isString(v.login);
  return v.kind === 'team' && isString(v.slug) && optional(v.org, isString);
}

function isOpenRequest(v: unknown): v is OpenRequest {
  return isRecord(v) && isReviewer(v.reviewer) && optional(v.at, isDateText);
}

function isHistory(v: unknown): v is RequestHistory {
  return isRecord(v) && Array.isArray(v.open) && v.open.every(isOpenRequest) && optional(v.readyAt, isDateText) && isStringArray(v.reviewedBy);
}

function isMyReview(v: unknown): v is MyReview {
  return isRecord(v) && isDateText(v.at) && optional(v.commit, isString);
}

function isPullRequest(v: unknown): v is QueuePullRequest {
  return (
    isRecord(v) &&
    isString(v.owner) &&
    isString(v.repo) &&
    Number.isInteger(v.number) &&
    (v.number as number) > 0 &&
    isString(v.title) &&
    isString(v.url) &&
    optional(v.author, isString) &&
    typeof v.isDraft === 'boolean' &&
    isDateText(v.createdAt) &&
    isDateText(v.updatedAt) &&
    isCount(v.additions) &&
    isCount(v.deletions) &&
    isCount(v.changedFiles) &&
    isOneOf(ciStates)(v.ci) &&
    isOneOf(reviewStates)(v.review) &&
    isOneOf(mergeStates)(v.merge) &&
    optional(v.headRefName, isString) &&
    optional(v.baseRefName, isString) &&
    optional(v.history, isHistory) &&
    optional(v.headOid, isString) &&
    optional(v.myReview, isMyReview)
  );
}

function isSearch(v: unknown): v is QueueSearch {
  return (
    isRecord(v) &&
    isString(v.alias) &&
    isOneOf(searchRoles)(v.role) &&
    isString(v.query) &&
    isOneOf(searchDetails)(v.detail) &&
    optional(v.section, (s) => isRecord(s) && Number.isInteger(s.index) && isString(s.name))
  );
}

function isRateLimit(v: unknown): v is RateLimitInfo {
  return isRecord(v) && isCount(v.cost) && isCount(v.remaining) && optional(v.resetAt, isDateText);
}

/** What was wrong with the frame of the snapshot, or undefined when it can be used. */
function frameProblem(v: unknown): string | undefined {
  if (!isRecord(v)) return translated`it is not a snapshot record`;
  if (v.version !== 1) return translated`its version is ${JSON.stringify(v.version) ?? 'missing'}, not 1`;
  if (!isString(v.viewer) || !isString(v.apiUrl)) return translated`it does not say which account it belongs to`;
  if (!isDateText(v.fetchedAt)) return translated`it does not say when it was fetched`;
  if (!Array.isArray(v.searches)) return translated`it has no list of searches`;
  if (!isRecord(v.results)) return translated`it has no results`;
  if (!isCount(v.requests) || !isCount(v.cost) || !optional(v.rateLimit, isRateLimit)) return translated`its request counts are not numbers`;
  return undefined;
}

/**
 * The stored snapshot, with every record it holds checked. `report` hears at most one sentence per
 * call, naming what was dropped; nothing stored (undefined) is not a problem.
 */
export function asStoredSnapshot(value: unknown, report: (problem: string) => void = () => undefined): QueueSnapshot | undefined {
  if (value === undefined) return undefined;
  const problem = frameProblem(value);
  const v = value as QueueSnapshot;
  if (problem) {
    report(translated`The saved review queue was dropped because ${problem}; the next refresh fetches it again.`);
    return undefined;
  }
  const dropped: string[] = [];
  const searches = v.searches.filter(isSearch);
  if (searches.length < v.searches.length) dropped.push(v.searches.length - searches.length === 1 ? translated`1 search` : translated`${v.searches.length - searches.length} searches`);

  const badResults: string[] = [];
  let badPullRequests = 0;
  const results: Record<string, SearchResult> = {};
  for (const search of searches) {
    const r: unknown = v.results[search.alias];
    if (r === undefined) continue;
    if (!isRecord(r) || !isCount(r.total) || !Array.isArray(r.pullRequests) || typeof r.truncated !== 'boolean' || !optional(r.error, isString)) {
      badResults.push(search.alias);
      continue;
    }
    const pullRequests = r.pullRequests.filter(isPullRequest);
    badPullRequests += r.pullRequests.length - pullRequests.length;
    results[search.alias] = { alias: search.alias, total: r.total, pullRequests, truncated: r.truncated, ...(r.error !== undefined ? { error: r.error as string } : {}) };
  }
  if (badResults.length > 0) dropped.push(translated`the results of ${badResults.join(', ')}`);
  if (badPullRequests > 0) dropped.push(badPullRequests === 1 ? translated`1 pull request` : translated`${badPullRequests} pull requests`);
  // Results no search names are never shown; they are left out without a word.

  if (dropped.length > 0) report(translated`Parts of the saved review queue were damaged and dropped (${dropped.join('; ')}); the next refresh fetches them again.`);
  const repaired: QueueSnapshot = { ...v, searches, results };
  return dropped.length > 0 || Object.keys(results).length !== Object.keys(v.results).length ? repaired : v;
}
