// Runs an issue search over the sandbox's pull requests, with GitHub's 1,000-result cap.
import type { PullRecord } from '../state/records';
import { parseQuery, type Term } from './parseQuery';
import type { SearchContext } from './matchPull';
import { canSee, matchTerm } from './matchPull';

export const MAX_SEARCH_RESULTS = 1000;

export interface SearchResult {
  /** Every match, as GitHub reports it in issueCount/total_count. */
  total: number;
  /** At most 1,000, in the requested order. */
  items: PullRecord[];
}

// GitHub ORs repeated scope qualifiers: "repo:a/x repo:b/y org:c" searches all three places.
const SCOPE_KEYS = new Set(['repo', 'org', 'user']);

function matchGroup(ctx: SearchContext, p: PullRecord, terms: Term[]): boolean {
  const scopes = terms.filter((t) => t.kind === 'qualifier' && !t.negate && SCOPE_KEYS.has(t.key));
  const rest = terms.filter((t) => !scopes.includes(t));
  return rest.every((t) => matchTerm(ctx, p, t)) && (scopes.length === 0 || scopes.some((t) => matchTerm(ctx, p, t)));
}

export function searchPulls(ctx: SearchContext, query: string): SearchResult {
  const parsed = parseQuery(query);
  const matches = ctx.state.pulls.filter((p) => canSee(ctx, p) && parsed.groups.some((g) => matchGroup(ctx, p, g)));
  const sort = parsed.sort ?? { field: 'created', direction: 'desc' };
  const keyOf = (p: PullRecord): number =>
    sort.field === 'comments' ? p.comments.length : Date.parse(sort.field === 'updated' ? p.updatedAt : p.createdAt);
  // Ties break on number so pages are stable between requests.
  matches.sort((a, b) => (keyOf(a) - keyOf(b) || a.id - b.id) * (sort.direction === 'asc' ? 1 : -1));
  return { total: matches.length, items: matches.slice(0, MAX_SEARCH_RESULTS) };
}
