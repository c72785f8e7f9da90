// Decides whether one pull request satisfies one search term, following the documented
// meaning of GitHub's issue-search qualifiers.
import type { PullRecord, SandboxState } from '../state/records';
import { findTeamByKey, orgsOf, repoOfPull, sameLogin } from '../state/lookup';
import { hasReviewed, isDirectlyRequested, isReviewRequestedFrom, isTeamRequested, reviewDecision } from '../state/pullInsights';
import type { Term } from './parseQuery';
import { SearchQueryError } from './parseQuery';
import { dateMatcher } from './dateRange';

export interface SearchContext {
  state: SandboxState;
  /** Login that "@me" stands for. */
  viewer: string;
}

const me = (ctx: SearchContext, v: string): string => (v.toLowerCase() === '@me' ? ctx.viewer : v);
const bool = (v: string): boolean => v.toLowerCase() === 'true';
const ms = (iso: string | null): number => (iso ? Date.parse(iso) : NaN);

function ciBucket(ci: PullRecord['ci']): string | undefined {
  if (ci === 'SUCCESS') return 'success';
  if (ci === 'FAILURE' || ci === 'ERROR') return 'failure';
  if (ci === 'PENDING' || ci === 'EXPECTED') return 'pending';
  return undefined;
}

function involves(pull: PullRecord, login: string): boolean {
  return (
    sameLogin(pull.author, login) ||
    pull.assignees.some((a) => sameLogin(a, login)) ||
    pull.comments.some((c) => sameLogin(c.author, login)) ||
    pull.reviews.some((r) => sameLogin(r.author, login)) ||
    pull.body.toLowerCase().includes(`@${login.toLowerCase()}`)
  );
}

function matchQualifier(ctx: SearchContext, pull: PullRecord, key: string, raw: string): boolean {
  const value = raw.toLowerCase();
  const repo = repoOfPull(ctx.state, pull);
  switch (key) {
    case 'is':
      switch (value) {
        case 'pr':
          return true;
        case 'issue':
          return false;
        case 'open':
          return pull.state === 'open';
        case 'closed':
          return pull.state !== 'open';
        case 'merged':
          return pull.state === 'merged';
        case 'unmerged':
          return pull.state === 'closed';
        case 'draft':
          return pull.draft;
        case 'public':
          return !repo.private;
        case 'private':
          return repo.private;
        case 'locked':
          return false;
        case 'unlocked':
          return true;
        default:
          return false;
      }
    case 'type':
      return value === 'pr';
    case 'state':
      return value === 'open' ? pull.state === 'open' : value === 'closed' ? pull.state !== 'open' : false;
    case 'draft':
      return pull.draft === bool(value);
    case 'archived':
      return repo.archived === bool(value);
    case 'author':
      return sameLogin(pull.author, me(ctx, raw));
    case 'assignee':
      return pull.assignees.some((a) => sameLogin(a, me(ctx, raw)));
    case 'label': {
      const wanted = raw.split(',').map((l) => l.trim().toLowerCase());
      return pull.labels.some((l) => wanted.includes(l.toLowerCase()));
    }
    case 'no':
      if (value === 'assignee') return pull.assignees.length === 0;
      if (value === 'label') return pull.labels.length === 0;
      if (value === 'milestone') return pull.milestone === null;
      if (value === 'project') return true;
      return false;
    case 'review-requested':
      return isReviewRequestedFrom(ctx.state, pull, me(ctx, raw));
    case 'user-review-requested':
      return isDirectlyRequested(pull, me(ctx, raw));
    case 'team-review-requested':
      if (!findTeamByKey(ctx.state, raw)) return false;
      return isTeamRequested(pull, raw);
    case 'reviewed-by':
      return hasReviewed(pull, me(ctx, raw));
    case 'review': {
      if (value === 'none') return pull.reviews.filter((r) => r.state !== 'PENDING').length === 0;
      const decision = reviewDecision(pull, repo);
      if (value === 'required') return decision === 'REVIEW_REQUIRED';
      if (value === 'approved') return decision === 'APPROVED';
      if (value === 'changes_requested') return decision === 'CHANGES_REQUESTED';
      return false;
    }
    case 'status':
      return ciBucket(pull.ci) === value;
    case 'involves':
      return involves(pull, me(ctx, raw));
    case 'mentions':
      return pull.body.toLowerCase().includes(`@${me(ctx, raw).toLowerCase()}`);
    case 'commenter':
      return pull.comments.some((c) => sameLogin(c.author, me(ctx, raw))) || pull.reviews.some((r) => sameLogin(r.author, me(ctx, raw)) && r.body !== '');
    case 'repo':
      return pull.repo.toLowerCase() === value;
    case 'org':
      return repo.ownerType === 'Organization' && repo.owner.toLowerCase() === value;
    case 'user':
      return repo.owner.toLowerCase() === me(ctx, raw).toLowerCase();
    case 'updated':
      return dateMatcher(raw)(ms(pull.updatedAt));
    case 'created':
      return dateMatcher(raw)(ms(pull.createdAt));
    case 'closed':
      return pull.closedAt !== null && dateMatcher(raw)(ms(pull.closedAt));
    case 'merged':
      return pull.mergedAt !== null && dateMatcher(raw)(ms(pull.mergedAt));
    case 'milestone':
      return pull.milestone !== null && pull.milestone.title.toLowerCase() === value;
    case 'base':
      return pull.baseRef.toLowerCase() === value;
    case 'head':
      return pull.headRef.toLowerCase() === value;
    case 'in':
      // Only narrows where free text is searched; titles and bodies are both searched here.
      return true;
    default:
      throw new SearchQueryError(`Unsupported qualifier ${key}`);
  }
}

export function matchTerm(ctx: SearchContext, pull: PullRecord, term: Term): boolean {
  const hit =
    term.kind === 'text'
      ? `${pull.title}\n${pull.body}`.toLowerCase().includes(term.text.toLowerCase())
      : matchQualifier(ctx, pull, term.key, term.value);
  return term.negate ? !hit : hit;
}

/** Private repositories are visible to collaborators and members of the owning org. */
export function canSee(ctx: SearchContext, pull: PullRecord): boolean {
  const repo = repoOfPull(ctx.state, pull);
  if (!repo.private) return true;
  if (repo.collaborators.some((c) => sameLogin(c, ctx.viewer)) || sameLogin(repo.owner, ctx.viewer)) return true;
  return orgsOf(ctx.state, ctx.viewer).some((o) => sameLogin(o.login, repo.owner));
}
