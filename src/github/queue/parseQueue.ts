// Reads GitHub's answer to the queue document into plain records without trusting its shape:
// missing fields, nulls, unknown enum values and deleted authors ("ghost") all become sensible
// defaults, and a node that cannot be identified is skipped rather than breaking the queue.
import { replayTimeline, type TimelineEvent } from '../../core/queue/requestHistory';
import type { CiState, MergeState, MyReview, QueuePullRequest, RateLimitInfo, ReviewState, Reviewer, SearchDetail } from '../../core/queue/queueTypes';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

function date(value: unknown): string | undefined {
  const s = str(value);
  return s && !Number.isNaN(Date.parse(s)) ? s : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export function parseCi(value: unknown): CiState {
  switch (value) {
    case 'SUCCESS':
      return 'success';
    case 'FAILURE':
    case 'ERROR':
      return 'failure';
    case 'PENDING':
    case 'EXPECTED':
      return 'pending';
    default:
      return 'none';
  }
}

export function parseReviewDecision(value: unknown): ReviewState {
  switch (value) {
    case 'APPROVED':
      return 'approved';
    case 'CHANGES_REQUESTED':
      return 'changesRequested';
    case 'REVIEW_REQUIRED':
      return 'reviewRequired';
    default:
      return 'none';
  }
}

export function parseMergeable(value: unknown): MergeState {
  return value === 'MERGEABLE' ? 'mergeable' : value === 'CONFLICTING' ? 'conflicting' : 'unknown';
}

function parseReviewer(value: unknown): Reviewer | undefined {
  const r = obj(value);
  if (!r) return undefined;
  const slug = str(r.slug);
  if (r.__typename === 'Team' || (slug && !str(r.login))) {
    if (!slug) return undefined;
    const combined = str(r.combinedSlug);
    const org = combined?.includes('/') ? combined.split('/')[0] : undefined;
    return { kind: 'team', slug, org };
  }
  const login = str(r.login);
  return login ? { kind: 'user', login } : undefined;
}

function parseTimeline(value: unknown): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const raw of list(obj(value)?.nodes)) {
    const n = obj(raw);
    if (!n) continue;
    switch (n.__typename) {
      case 'ReviewRequestedEvent':
      case 'ReviewRequestRemovedEvent': {
        const at = date(n.createdAt);
        const reviewer = parseReviewer(n.requestedReviewer);
        if (at && reviewer) events.push({ type: n.__typename === 'ReviewRequestedEvent' ? 'requested' : 'removed', at, reviewer });
        break;
      }
      case 'ReadyForReviewEvent': {
        const at = date(n.createdAt);
        if (at) events.push({ type: 'ready', at });
        break;
      }
      case 'PullRequestReview': {
        const at = date(n.submittedAt);
        const login = str(obj(n.author)?.login);
        if (at && login) events.push({ type: 'reviewed', at, login });
        break;
      }
      default:
        break;
    }
  }
  return events;
}

/** The viewer's latest submitted review; undefined when they have not reviewed (or GitHub omits the time). */
function parseMyReview(value: unknown): MyReview | undefined {
  const review = obj(value);
  const at = date(review?.submittedAt);
  if (!at) return undefined;
  const commit = str(obj(review?.commit)?.oid);
  return commit ? { at, commit } : { at };
}

/** Owner and name from `repository.nameWithOwner`, or from the pull request's URL. */
function repoOf(n: Json): { owner: string; repo: string } | undefined {
  const nameWithOwner = str(obj(n.repository)?.nameWithOwner);
  const fromName = nameWithOwner ? /^([^/\s]+)\/([^/\s]+)$/.exec(nameWithOwner) : null;
  if (fromName) return { owner: fromName[1], repo: fromName[2] };
  const url = str(n.url);
  const fromUrl = url ? /\/([^/\s]+)\/([^/\s]+)\/pull\/\d+\/?$/.exec(url) : null;
  return fromUrl ? { owner: fromUrl[1], repo: fromUrl[2] } : undefined;
}

/**
 * One search node. Returns undefined for nodes that are not identifiable pull requests (issues,
 * nulls, nodes without a number or repository) and for archived repositories.
 */
export function parsePullRequest(raw: unknown, detail: SearchDetail, webUrl: string, fallbackDate: string): QueuePullRequest | undefined {
  const n = obj(raw);
  if (!n) return undefined;
  const number = n.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) return undefined;
  const where = repoOf(n);
  if (!where) return undefined;
  if (obj(n.repository)?.isArchived === true) return undefined;
  const updatedAt = date(n.updatedAt) ?? date(n.createdAt) ?? fallbackDate;
  const createdAt = date(n.createdAt) ?? updatedAt;
  const rollup = obj(n.statusCheckRollup);
  return {
    owner: where.owner,
    repo: where.repo,
    number,
    title: str(n.title) ?? `${where.owner}/${where.repo}#${number}`,
    url: str(n.url) ?? `${webUrl}/${where.owner}/${where.repo}/pull/${number}`,
    author: str(obj(n.author)?.login),
    isDraft: n.isDraft === true,
    createdAt,
    updatedAt,
    additions: int(n.additions),
    deletions: int(n.deletions),
    changedFiles: int(n.changedFiles),
    ci: parseCi(rollup?.state),
    review: parseReviewDecision(n.reviewDecision),
    merge: parseMergeable(n.mergeable),
    headRefName: str(n.headRefName),
    baseRefName: str(n.baseRefName),
    history: detail === 'history' && obj(n.timelineItems) ? replayTimeline(parseTimeline(n.timelineItems)) : undefined,
    headOid: str(n.headRefOid),
    myReview: parseMyReview(n.viewerLatestReview),
  };
}

export interface ParsedSearch {
  readonly total: number;
  readonly pullRequests: QueuePullRequest[];
  readonly hasNextPage: boolean;
  readonly endCursor?: string;
}

/** One aliased `search` answer; undefined when the alias is missing or null. */
export function parseSearch(raw: unknown, detail: SearchDetail, webUrl: string, fallbackDate: string): ParsedSearch | undefined {
  const s = obj(raw);
  if (!s) return undefined;
  const pullRequests = list(s.nodes)
    .map((node) => parsePullRequest(node, detail, webUrl, fallbackDate))
    .filter((pr): pr is QueuePullRequest => pr !== undefined);
  const pageInfo = obj(s.pageInfo);
  const endCursor = str(pageInfo?.endCursor);
  return {
    total: typeof s.issueCount === 'number' && s.issueCount >= 0 ? s.issueCount : pullRequests.length,
    pullRequests,
    hasNextPage: pageInfo?.hasNextPage === true && endCursor !== undefined,
    endCursor,
  };
}

export function parseRateLimit(raw: unknown): RateLimitInfo | undefined {
  const r = obj(raw);
  if (!r || typeof r.cost !== 'number') return undefined;
  return { cost: r.cost, remaining: typeof r.remaining === 'number' ? r.remaining : 0, resetAt: date(r.resetAt) };
}

export function parseViewerLogin(raw: unknown): string | undefined {
  return str(obj(obj(raw)?.viewer)?.login);
}
