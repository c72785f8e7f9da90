// One queue refresh: one GraphQL request for every group, plus a follow-up page only for a group
// with more than 100 results. No per-pull-request calls. The cost GitHub reports is logged.
import type { Logger } from '../../core/logger';
import type { QueueSearch, QueueSnapshot, RateLimitInfo, SearchResult } from '../../core/queue/queueTypes';
import { inSearchScope } from '../../core/queue/searchQueries';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { buildQueueDocument } from './queueQuery';
import { parseRateLimit, parseSearch, parseViewerLogin } from './parseQueue';

export interface FetchQueueOptions {
  readonly log?: Logger;
  /** Pages per group at most (GitHub stops at 1,000 results anyway). */
  readonly maxPages?: number;
  readonly now?: () => Date;
}

interface GraphqlErrorLike {
  readonly message?: string;
  readonly path?: ReadonlyArray<string | number>;
}

/** Searches whose failure stays with their own group: they hold user-provided text or repository names. */
const isolated = new Set(['custom', 'stale']);

/**
 * GitHub rejects a search it cannot run (a custom section's text, a repository that is gone) with
 * an error whose path names the alias. When those errors name only such searches, they belong to
 * their groups: the data of the other aliases is used, or, when GitHub nulled the whole answer
 * (search is non-null in the schema), the document is sent again without them.
 */
function isolatedErrors(err: unknown, searches: readonly QueueSearch[]): { data?: Record<string, unknown>; errors: Map<string, string> } | undefined {
  if (!GitHubError.is(err, 'validation')) return undefined;
  const cause = err.cause as { data?: unknown; errors?: unknown } | undefined;
  if (!Array.isArray(cause?.errors)) return undefined;
  const errors = new Map<string, string>();
  for (const e of cause.errors as GraphqlErrorLike[]) {
    const alias = typeof e.path?.[0] === 'string' ? e.path[0] : undefined;
    const search = searches.find((s) => s.alias === alias);
    if (!search || !isolated.has(search.role)) return undefined;
    errors.set(search.alias, e.message ?? 'GitHub rejected the search.');
  }
  if (errors.size === 0) return undefined;
  const data = cause.data !== null && typeof cause.data === 'object' ? (cause.data as Record<string, unknown>) : undefined;
  return { data, errors };
}

export async function fetchQueue(client: GitHubClient, searches: readonly QueueSearch[], options: FetchQueueOptions = {}): Promise<QueueSnapshot> {
  const now = options.now ?? (() => new Date());
  const maxPages = Math.max(1, options.maxPages ?? 5);
  const started = now();
  const fallbackDate = started.toISOString();
  const webUrl = client.endpoints.webUrl;

  const collected = new Map<string, { total: number; pullRequests: SearchResult['pullRequests'][number][]; pages: number; cursor?: string; more: boolean; error?: string }>();
  let viewer: string | undefined;
  let requests = 0;
  let cost = 0;
  let rateLimit: RateLimitInfo | undefined;
  let pending: QueueSearch[] = [...searches];
  let after: Record<string, string> = {};

  while (pending.length > 0) {
    const document = buildQueueDocument(pending, after);
    requests += 1;
    let data: Record<string, unknown>;
    let aliasErrors = new Map<string, string>();
    try {
      data = await client.graphql<Record<string, unknown>>(document.query, document.variables);
    } catch (err) {
      const rejected = isolatedErrors(err, pending);
      if (!rejected) throw err;
      for (const [alias, message] of rejected.errors) collected.set(alias, { total: 0, pullRequests: [], pages: 0, more: false, error: message });
      if (!rejected.data) {
        pending = pending.filter((s) => !rejected.errors.has(s.alias));
        after = Object.fromEntries(Object.entries(after).filter(([alias]) => !rejected.errors.has(alias)));
        continue;
      }
      data = rejected.data;
      aliasErrors = rejected.errors;
    }
    viewer ??= parseViewerLogin(data);
    const limit = parseRateLimit(data.rateLimit);
    if (limit) {
      cost += limit.cost;
      rateLimit = limit;
    }
    const next: QueueSearch[] = [];
    const nextAfter: Record<string, string> = {};
    for (const search of pending) {
      const error = aliasErrors.get(search.alias);
      const parsed = error ? undefined : parseSearch(data[search.alias], search.detail, webUrl, fallbackDate);
      const slot = collected.get(search.alias) ?? { total: 0, pullRequests: [], pages: 0, more: false };
      if (!parsed) {
        if (!error && !isolated.has(search.role)) {
          throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `search ${search.alias} missing from the answer` });
        }
        collected.set(search.alias, { ...slot, error: error ?? 'GitHub did not answer this search.' });
        continue;
      }
      slot.total = parsed.total;
      slot.pullRequests.push(...parsed.pullRequests.filter((pull) => inSearchScope(search, pull)));
      slot.pages += 1;
      slot.more = parsed.hasNextPage;
      collected.set(search.alias, slot);
      if (parsed.hasNextPage && parsed.endCursor && slot.pages < maxPages) {
        next.push(search);
        nextAfter[search.alias] = parsed.endCursor;
      }
    }
    pending = next;
    after = nextAfter;
  }

  if (!viewer) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'viewer.login missing from the queue answer' });
  const results: Record<string, SearchResult> = {};
  for (const search of searches) {
    const slot = collected.get(search.alias);
    if (!slot) continue;
    results[search.alias] = { alias: search.alias, total: slot.total, pullRequests: slot.pullRequests, truncated: slot.more, ...(slot.error ? { error: slot.error } : {}) };
  }
  const prCount = Object.values(results).reduce((n, r) => n + r.pullRequests.length, 0);
  options.log?.info(
    `queue refresh: ${requests} GraphQL ${requests === 1 ? 'request' : 'requests'}, cost ${cost} ${cost === 1 ? 'point' : 'points'}` +
      `${rateLimit ? ` (${rateLimit.remaining} left${rateLimit.resetAt ? `, resets ${rateLimit.resetAt}` : ''})` : ''}, ${prCount} pull requests in ${searches.length} searches, ${now().getTime() - started.getTime()} ms`,
  );
  return { version: 1, viewer, apiUrl: client.endpoints.apiUrl, fetchedAt: fallbackDate, searches: [...searches], results, requests, cost, rateLimit };
}
