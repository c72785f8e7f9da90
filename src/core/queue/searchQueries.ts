// The GitHub search strings behind every group, and GitHub's limits on them. A search GitHub
// would reject with 422 is caught here first, with a message that names the section.
import { translated } from '../inertText';
import type { QueueSearch } from './queueTypes';

export const maxSearchLength = 256;
export const maxSearchOperators = 5;

/** Why GitHub would refuse the search, or undefined when it is acceptable. */
export function searchProblem(query: string): string | undefined {
  const trimmed = query.trim();
  if (trimmed.length === 0) return translated`the search is empty`;
  if (trimmed.length > maxSearchLength) return translated`the search is ${trimmed.length} characters long; GitHub accepts at most ${maxSearchLength}`;
  const operators = tokens(trimmed).filter((t) => t === 'AND' || t === 'OR' || t === 'NOT').length;
  if (operators > maxSearchOperators) return translated`the search uses ${operators} AND/OR/NOT operators; GitHub accepts at most ${maxSearchOperators}`;
  if ((trimmed.match(/"/g) ?? []).length % 2 === 1) return translated`the search has an unclosed quote`;
  return undefined;
}

/** Words outside quotes, as GitHub splits them. */
function tokens(query: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of query) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function hasQualifier(query: string, key: string): boolean {
  return tokens(query).some((t) => t.replace(/^-/, '').toLowerCase().startsWith(`${key}:`));
}

/**
 * A custom section's search as it is sent: the user's text plus `is:pr`, `archived:false` and
 * (unless drafts are wanted) `draft:false`, each only when the user did not say otherwise.
 */
export function customSearchQuery(userQuery: string, includeDrafts: boolean): string {
  const parts = [userQuery.trim()];
  const words = tokens(userQuery).map((t) => t.toLowerCase());
  if (!words.includes('is:pr') && !words.includes('type:pr')) parts.push('is:pr');
  if (!hasQualifier(userQuery, 'archived')) parts.push('archived:false');
  if (!includeDrafts && !hasQualifier(userQuery, 'draft') && !words.includes('is:draft')) parts.push('draft:false');
  return parts.join(' ');
}

export interface SearchPlanInput {
  readonly includeDrafts: boolean;
  readonly staleBusinessHours: number;
  /** "owner/name" for the Stale group: settings plus the GitHub remotes of open folders. */
  readonly staleRepos: readonly string[];
  readonly staleOrgs: readonly string[];
  readonly customSections: ReadonlyArray<{ readonly name: string; readonly query: string; readonly error?: string }>;
  readonly now: Date;
}

/**
 * An owner with at least this many listed repositories is searched as `user:OWNER` (which GitHub
 * matches for organisations too) and the results are narrowed to the listed repositories here:
 * five `repo:` terms already fill most of a search's 256 characters, so listing them would cost a
 * search per handful of repositories (2,000 repositories were ~330 searches).
 */
export const ownerSearchFrom = 5;

/**
 * Every search of one refresh. Each organisation, and each owner with many listed repositories,
 * gets a search of its own, so that each search's matches fit in one page of 100 and the whole
 * queue comes back in one request (an alias costs GitHub a hundredth of a point; a second page
 * costs a round trip). The remaining repositories are spread over as many searches as the
 * 256-character limit needs; GitHub ORs repeated `repo:` qualifiers. Not translated: search qualifiers.
 */
export function planSearches(input: SearchPlanInput): QueueSearch[] {
  const drafts = input.includeDrafts ? '' : ' draft:false';
  const open = 'is:pr is:open archived:false';
  const searches: QueueSearch[] = [
    { alias: 'reviewRequested', role: 'reviewRequested', query: `${open} review-requested:@me${drafts}`, detail: 'history' },
    { alias: 'direct', role: 'direct', query: `${open} user-review-requested:@me${drafts}`, detail: 'keys' },
    { alias: 'mine', role: 'mine', query: `${open} author:@me${drafts}`, detail: 'history' },
    // Pull requests the viewer reviewed and is no longer asked to: the ones with commits since
    // come back to Needs my review. Most recently updated first, so the page cap cuts the oldest.
    { alias: 'reviewed', role: 'reviewed', query: `${open} reviewed-by:@me -author:@me -review-requested:@me${drafts} sort:updated-desc`, detail: 'basic' },
  ];
  // Business hours are never shorter than calendar hours, so this cut-off returns a superset
  // that the grouping then narrows precisely.
  const cutoff = new Date(input.now.getTime() - input.staleBusinessHours * 3_600_000);
  const staleBase = `${open}${drafts} updated:<${cutoff.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
  staleScopes(input.staleRepos, input.staleOrgs, staleBase).forEach((scope, i) => searches.push({ alias: `stale${i}`, role: 'stale', detail: 'basic', ...scope }));
  input.customSections.forEach((section, index) => {
    if (section.error) return;
    searches.push({ alias: `custom${index}`, role: 'custom', query: customSearchQuery(section.query, input.includeDrafts), detail: 'basic', section: { index, name: section.name } });
  });
  return searches;
}

/** The Stale group's searches: a query each, and the repositories to keep when it is wider than the list. Not translated: search qualifiers. */
function staleScopes(staleRepos: readonly string[], staleOrgs: readonly string[], base: string): Array<Pick<QueueSearch, 'query' | 'onlyRepos'>> {
  const orgs = unique(staleOrgs);
  const orgSet = new Set(orgs.map((o) => o.toLowerCase()));
  const byOwner = new Map<string, string[]>();
  for (const repo of unique(staleRepos)) {
    const owner = repo.split('/')[0].toLowerCase();
    if (orgSet.has(owner)) continue;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), repo]);
  }
  const owners = [...byOwner.values()].filter((repos) => repos.length >= ownerSearchFrom);
  const single = [...byOwner.values()].filter((repos) => repos.length < ownerSearchFrom).flat();
  return [
    ...chunk(base, single.map((r) => `repo:${r}`)).map((query) => ({ query })),
    ...owners.map((repos) => ({ query: `${base} user:${repos[0].split('/')[0]}`, onlyRepos: repos.map((r) => r.toLowerCase()) })),
    ...orgs.map((o) => ({ query: `${base} org:${o}` })),
  ];
}

/** Whether a search's result belongs to it: a search wider than its list keeps only the listed repositories. */
export function inSearchScope(search: Pick<QueueSearch, 'onlyRepos'>, pull: { readonly owner: string; readonly repo: string }): boolean {
  return search.onlyRepos === undefined || search.onlyRepos.includes(`${pull.owner}/${pull.repo}`.toLowerCase());
}

/** Trimmed names without case-insensitive repeats, in their first order. */
export function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(v.trim());
  }
  return out;
}

/** `base` plus as many terms per search as the length limit allows (GitHub ORs repeated scope qualifiers). */
export function chunk(base: string, terms: readonly string[]): string[] {
  const out: string[] = [];
  let current = base;
  let count = 0;
  for (const term of terms) {
    if (count > 0 && current.length + 1 + term.length > maxSearchLength) {
      out.push(current);
      current = base;
      count = 0;
    }
    current = `${current} ${term}`;
    count += 1;
  }
  if (count > 0) out.push(current);
  return out;
}
