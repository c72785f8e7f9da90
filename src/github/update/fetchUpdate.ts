// One weekly update's data: one GraphQL request for every search, plus a follow-up page only for a
// search with more than 100 results. The cost GitHub reports is logged and returned.
import type { Logger } from '../../core/logger';
import type { UpdateSearch } from '../../core/update/updateSearches';
import type { AuthoredPull } from '../../core/pulse/teamStats';
import type { HandoffSeen, UpdateData, UpdatePullRequest } from '../../core/update/updateTypes';
import type { GitHubClient } from '../client';
import { asArray, asRecord, asString, dig, sameLogin } from '../delegation/payload';
import { GitHubError } from '../errors';
import { parseRateLimit, parseViewerLogin } from '../queue/parseQueue';
import { authoredPull } from '../team/authoredPulls';
import { buildUpdateDocument } from './updateQuery';

export interface FetchUpdateOptions {
  readonly labels: boolean;
  /** Start of the week: a review counts when the viewer's latest one was submitted after it. */
  readonly since: Date;
  /** End of the week (exclusive): a handoff comment counts when posted in [since, until). */
  readonly until: Date;
  readonly log?: Logger;
  /** Pages per search at most. */
  readonly maxPages?: number;
}

const decisions = new Set(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED']);
const dateOf = (value: unknown): string | undefined => {
  const s = asString(value);
  return s && !Number.isNaN(Date.parse(s)) ? s : undefined;
};

export function parseUpdatePull(raw: unknown): UpdatePullRequest | undefined {
  const n = asRecord(raw);
  const repository = asString(dig(n, 'repository', 'nameWithOwner'));
  const number = n?.number;
  const url = asString(n?.url);
  const createdAt = dateOf(n?.createdAt);
  if (!n || !repository || typeof number !== 'number' || !Number.isInteger(number) || !url || !createdAt) return undefined;
  const decision = asString(n.reviewDecision);
  const milestone = asRecord(n.milestone);
  const milestoneTitle = asString(milestone?.title);
  const dueOn = dateOf(milestone?.dueOn);
  const milestoneUrl = asString(milestone?.url);
  const author = asString(dig(n, 'author', 'login'));
  const mergedAt = dateOf(n.mergedAt);
  const checks = asString(dig(n, 'statusCheckRollup', 'state'));
  return {
    repository,
    number,
    title: asString(n.title) ?? `#${number}`,
    url,
    ...(author ? { author } : {}),
    isDraft: n.isDraft === true,
    createdAt,
    updatedAt: dateOf(n.updatedAt) ?? createdAt,
    ...(mergedAt ? { mergedAt } : {}),
    ...(decision && decisions.has(decision) ? { reviewDecision: decision as UpdatePullRequest['reviewDecision'] } : {}),
    ...(checks ? { checks } : {}),
    labels: asArray(dig(n, 'labels', 'nodes'))
      .map((l) => asString(asRecord(l)?.name))
      .filter((l): l is string => l !== undefined),
    ...(milestoneTitle ? { milestone: { title: milestoneTitle, ...(dueOn ? { dueOn } : {}), ...(milestoneUrl ? { url: milestoneUrl } : {}) } } : {}),
  };
}

function reviewedSince(raw: unknown, viewer: string, since: number): boolean {
  return asArray(dig(raw, 'latestReviews', 'nodes')).some((r) => {
    const at = dateOf(asRecord(r)?.submittedAt);
    return sameLogin(asString(dig(r, 'author', 'login')), viewer) && at !== undefined && Date.parse(at) >= since;
  });
}

/** The hidden line a handoff comment ends with (src/github/delegation/requestReview.ts). */
const handoffMarker = /<!-- lead-desk:handoff:([^\s>]{1,100}) -->/;

/** The viewer's handoff comments on one pull request, posted in [since, until): marker id → handoff. */
function handoffsOn(raw: unknown, viewer: string, since: number, until: number): Map<string, HandoffSeen> {
  const found = new Map<string, HandoffSeen>();
  const repository = asString(dig(raw, 'repository', 'nameWithOwner'));
  const number = asRecord(raw)?.number;
  if (!repository || typeof number !== 'number') return found;
  for (const comment of asArray(dig(raw, 'comments', 'nodes'))) {
    const c = asRecord(comment);
    const id = handoffMarker.exec(asString(c?.body) ?? '')?.[1];
    const at = Date.parse(asString(c?.createdAt) ?? '');
    if (!id || !sameLogin(asString(dig(c, 'author', 'login')), viewer) || !(at >= since && at < until)) continue;
    found.set(id, { pullRequest: `${repository.toLowerCase()}#${number}`, at });
  }
  return found;
}

export async function fetchUpdate(client: GitHubClient, searches: readonly UpdateSearch[], options: FetchUpdateOptions): Promise<UpdateData> {
  const maxPages = Math.max(1, options.maxPages ?? 3);
  const started = Date.now();
  const merged: UpdatePullRequest[] = [];
  const open: UpdatePullRequest[] = [];
  const reviewed: UpdatePullRequest[] = [];
  const truncated: string[] = [];
  const authored: AuthoredPull[] = [];
  const handoffs = new Map<string, HandoffSeen>();
  const pages = new Map<string, number>();
  let viewer: string | undefined;
  let requests = 0;
  let cost = 0;
  let pending: UpdateSearch[] = [...searches];
  let after: Record<string, string> = {};
  while (pending.length > 0) {
    const document = buildUpdateDocument(pending, { labels: options.labels, after });
    requests += 1;
    const data = await client.graphql<Record<string, unknown>>(document.query, document.variables);
    viewer ??= parseViewerLogin(data);
    if (!viewer) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'viewer.login missing from the weekly update answer' });
    cost += parseRateLimit(data.rateLimit)?.cost ?? 0;
    const next: UpdateSearch[] = [];
    const nextAfter: Record<string, string> = {};
    for (const search of pending) {
      const result = asRecord(data[search.alias]);
      if (!result) throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `search ${search.alias} missing from the weekly update answer` });
      for (const node of asArray(result.nodes)) {
        if (search.role === 'authored') {
          const pull = authoredPull(node);
          if (pull) authored.push(pull);
          continue;
        }
        if (search.role === 'commented') {
          for (const [id, handoff] of handoffsOn(node, viewer, options.since.getTime(), options.until.getTime())) handoffs.set(id, handoff);
          continue;
        }
        const pr = parseUpdatePull(node);
        if (!pr) continue;
        if (search.role === 'merged') merged.push(pr);
        else if (search.role === 'open') open.push(pr);
        else if (reviewedSince(node, viewer, options.since.getTime())) reviewed.push(pr);
      }
      const page = (pages.get(search.alias) ?? 0) + 1;
      pages.set(search.alias, page);
      const cursor = asString(dig(result, 'pageInfo', 'endCursor'));
      // One page of a teammate's pull requests is sample enough for a median.
      if (search.role !== 'authored' && dig(result, 'pageInfo', 'hasNextPage') === true && cursor) {
        if (page < maxPages) {
          next.push(search);
          nextAfter[search.alias] = cursor;
        } else truncated.push(search.query);
      }
    }
    pending = next;
    after = nextAfter;
  }
  options.log?.info(`weekly update: ${requests} GraphQL ${requests === 1 ? 'request' : 'requests'}, cost ${cost} ${cost === 1 ? 'point' : 'points'}, ${searches.length} searches, ${Date.now() - started} ms`);
  return { viewer: viewer ?? '', merged, open, reviewedByMe: reviewed, requests, cost, truncated, authored, handoffs: [...handoffs.values()] };
}
