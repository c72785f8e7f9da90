// GraphQL PullRequest and the objects hanging off it (reviews, requests, files, timeline).
import type { CommentRecord, PullRecord, ReviewRecord, ReviewRequestRecord, TimelineEventRecord } from '../../state/records';
import { findTeamByKey, findUser, orgsOf, repoOfPull, sameLogin } from '../../state/lookup';
import { latestReviews, reviewDecision, reviewedCommit, totals } from '../../state/pullInsights';
import type { GqlContext } from './context';
import { connection, type PageArgs } from './connection';
import { nodeId } from './nodeIds';
import { teamNode, userNode } from './actorNodes';
import { commitNode, repoNode } from './repoNodes';
import { createHash } from 'node:crypto';

function actor(ctx: GqlContext, login: string | null) {
  const user = login ? findUser(ctx.state, login) : undefined;
  return user ? userNode(ctx, user) : null;
}

function reviewerNode(ctx: GqlContext, who: { user?: string; team?: string }) {
  if (who.user) return actor(ctx, who.user);
  const team = who.team ? findTeamByKey(ctx.state, who.team) : undefined;
  return team ? teamNode(ctx, team) : null;
}

export function reviewNode(ctx: GqlContext, pull: PullRecord, r: ReviewRecord) {
  const url = `${pullUrl(ctx, pull)}#pullrequestreview-${r.id}`;
  return {
    __typename: 'PullRequestReview',
    id: nodeId('PullRequestReview', r.id),
    databaseId: r.id,
    state: r.state,
    body: r.body,
    bodyText: r.body,
    author: () => actor(ctx, r.author),
    authorAssociation: 'MEMBER',
    submittedAt: r.state === 'PENDING' ? null : r.submittedAt,
    createdAt: r.startedAt ?? r.submittedAt,
    updatedAt: r.submittedAt,
    publishedAt: r.submittedAt,
    url,
    resourcePath: new URL(url).pathname,
    commit: () => commitNode(ctx, repoOfPull(ctx.state, pull), reviewedCommit(pull, r), pull),
    pullRequest: () => pullNode(ctx, pull),
  };
}

export function commentNode(ctx: GqlContext, pull: PullRecord, c: CommentRecord) {
  return {
    __typename: 'IssueComment',
    id: nodeId('IssueComment', c.id),
    databaseId: c.id,
    body: c.body,
    bodyText: c.body,
    author: () => actor(ctx, c.author),
    authorAssociation: 'MEMBER',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.createdAt,
    lastEditedAt: null,
    url: `${pullUrl(ctx, pull)}#issuecomment-${c.id}`,
    pullRequest: () => pullNode(ctx, pull),
  };
}

function requestNode(ctx: GqlContext, pull: PullRecord, rr: ReviewRequestRecord, index: number) {
  return {
    __typename: 'ReviewRequest',
    id: nodeId('ReviewRequest', `${pull.id}:${index}`),
    databaseId: pull.id * 100 + index,
    asCodeOwner: rr.asCodeOwner,
    requestedReviewer: () => reviewerNode(ctx, rr),
    pullRequest: () => pullNode(ctx, pull),
  };
}

function eventNode(ctx: GqlContext, pull: PullRecord, e: TimelineEventRecord) {
  return {
    __typename: e.type,
    id: nodeId(e.type, e.id),
    createdAt: e.createdAt,
    actor: () => actor(ctx, e.actor),
    requestedReviewer: () => (e.reviewer ? reviewerNode(ctx, e.reviewer) : null),
    pullRequest: () => pullNode(ctx, pull),
  };
}

/** "ReadyForReviewEvent" → "READY_FOR_REVIEW_EVENT", the PullRequestTimelineItemsItemType names. */
const itemType = (typename: string): string => typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function labelNode(ctx: GqlContext, pull: PullRecord, name: string) {
  const color = createHash('md5').update(name).digest('hex').slice(0, 6);
  return { __typename: 'Label', id: nodeId('Label', `${pull.repo}:${name}`), name, color, description: null, isDefault: false, url: `${ctx.webUrl}/${pull.repo}/labels/${encodeURIComponent(name)}` };
}

function milestoneNode(ctx: GqlContext, pull: PullRecord) {
  const m = pull.milestone!;
  const url = `${ctx.webUrl}/${pull.repo}/milestone/${m.number}`;
  return { __typename: 'Milestone', id: nodeId('Milestone', `${pull.repo}:${m.number}`), number: m.number, title: m.title, description: null, dueOn: m.dueOn, state: 'OPEN', closed: false, url, resourcePath: new URL(url).pathname };
}

const CHANGE_TYPE = { added: 'ADDED', removed: 'DELETED', modified: 'MODIFIED', renamed: 'RENAMED' } as const;

export function pullUrl(ctx: GqlContext, pull: PullRecord): string {
  return `${ctx.webUrl}/${pull.repo}/pull/${pull.number}`;
}

function authorAssociation(ctx: GqlContext, pull: PullRecord): string {
  if (!pull.author) return 'NONE';
  const repo = repoOfPull(ctx.state, pull);
  if (repo.ownerType === 'User' && sameLogin(repo.owner, pull.author)) return 'OWNER';
  if (orgsOf(ctx.state, pull.author).some((o) => sameLogin(o.login, repo.owner))) return 'MEMBER';
  if (repo.collaborators.some((c) => sameLogin(c, pull.author))) return 'COLLABORATOR';
  return 'CONTRIBUTOR';
}

function mergeStateStatus(pull: PullRecord, decision: string | null): string {
  if (pull.draft) return 'DRAFT';
  if (pull.mergeable === 'CONFLICTING') return 'DIRTY';
  if (pull.mergeable === 'UNKNOWN') return 'UNKNOWN';
  if (decision === 'REVIEW_REQUIRED' || decision === 'CHANGES_REQUESTED') return 'BLOCKED';
  if (pull.ci === 'FAILURE' || pull.ci === 'ERROR') return 'UNSTABLE';
  return 'CLEAN';
}

export function pullNode(ctx: GqlContext, pull: PullRecord) {
  const repo = repoOfPull(ctx.state, pull);
  const sums = totals(pull);
  const decision = reviewDecision(pull, repo);
  const url = pullUrl(ctx, pull);
  const reviews = () => [...pull.reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const participants = () => {
    const logins = [pull.author, ...pull.reviews.map((r) => r.author), ...pull.comments.map((c) => c.author)].filter((l): l is string => !!l);
    return [...new Map(logins.map((l) => [l.toLowerCase(), l])).values()].map((l) => actor(ctx, l)).filter((u) => u !== null);
  };
  return {
    __typename: 'PullRequest',
    id: nodeId('PullRequest', pull.id),
    databaseId: pull.id,
    fullDatabaseId: String(pull.id),
    number: pull.number,
    title: pull.title,
    body: pull.body,
    bodyText: pull.body,
    url,
    permalink: url,
    resourcePath: `/${pull.repo}/pull/${pull.number}`,
    state: pull.state.toUpperCase(),
    isDraft: pull.draft,
    closed: pull.state !== 'open',
    merged: pull.state === 'merged',
    locked: false,
    isCrossRepository: false,
    createdAt: pull.createdAt,
    updatedAt: pull.updatedAt,
    lastEditedAt: pull.lastEditedAt,
    publishedAt: pull.createdAt,
    closedAt: pull.closedAt,
    mergedAt: pull.mergedAt,
    additions: sums.additions,
    deletions: sums.deletions,
    changedFiles: sums.changedFiles,
    mergeable: pull.mergeable,
    mergeStateStatus: mergeStateStatus(pull, decision),
    reviewDecision: decision,
    authorAssociation: authorAssociation(ctx, pull),
    headRefName: pull.headRef,
    baseRefName: pull.baseRef,
    headRefOid: pull.headSha,
    baseRefOid: repo.commits[repo.commits.length - 1]?.sha ?? createHash('sha1').update(`${pull.repo}:${pull.baseRef}`).digest('hex'),
    totalCommentsCount: pull.comments.length,
    // GitHub exposes the head commit's rollup on the pull request itself too.
    statusCheckRollup: () => (pull.ci ? { __typename: 'StatusCheckRollup', id: nodeId('StatusCheckRollup', `${pull.id}`), state: pull.ci } : null),
    viewerDidAuthor: sameLogin(pull.author, ctx.viewer.login),
    author: () => actor(ctx, pull.author),
    editor: null,
    repository: () => repoNode(ctx, repo),
    baseRepository: () => repoNode(ctx, repo),
    headRepository: () => repoNode(ctx, repo),
    reviewRequests: (args: PageArgs) => connection(pull.reviewRequests.map((rr, i) => requestNode(ctx, pull, rr, i)), args),
    reviews: (args: PageArgs & { states?: string[]; author?: string }) => {
      let list = reviews();
      if (args.states?.length) list = list.filter((r) => args.states!.includes(r.state));
      if (args.author) list = list.filter((r) => sameLogin(r.author, args.author));
      return connection(list.map((r) => reviewNode(ctx, pull, r)), args);
    },
    latestReviews: (args: PageArgs) => connection(latestReviews(pull).map((r) => reviewNode(ctx, pull, r)), args),
    latestOpinionatedReviews: (args: PageArgs) =>
      connection(latestReviews(pull).filter((r) => r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED').map((r) => reviewNode(ctx, pull, r)), args),
    viewerLatestReview: () => {
      const mine = reviews().filter((r) => sameLogin(r.author, ctx.viewer.login) && r.state !== 'PENDING');
      return mine.length ? reviewNode(ctx, pull, mine[mine.length - 1]) : null;
    },
    viewerLatestReviewRequest: () => {
      const i = pull.reviewRequests.findIndex((rr) => sameLogin(rr.user, ctx.viewer.login));
      return i >= 0 ? requestNode(ctx, pull, pull.reviewRequests[i], i) : null;
    },
    commits: (args: PageArgs) =>
      connection(
        pull.commits.map((c) => ({
          __typename: 'PullRequestCommit',
          id: nodeId('PullRequestCommit', `${pull.id}:${c.sha}`),
          url: `${url}/commits/${c.sha}`,
          resourcePath: `/${pull.repo}/pull/${pull.number}/commits/${c.sha}`,
          commit: commitNode(ctx, repo, c, pull),
          pullRequest: () => pullNode(ctx, pull),
        })),
        args,
      ),
    files: (args: PageArgs) =>
      connection(
        pull.files.map((f) => ({ __typename: 'PullRequestChangedFile', path: f.path, additions: f.additions, deletions: f.deletions, changeType: CHANGE_TYPE[f.status], viewerViewedState: 'UNVIEWED' })),
        args,
      ),
    labels: (args: PageArgs) => connection(pull.labels.map((l) => labelNode(ctx, pull, l)), args),
    milestone: () => (pull.milestone ? milestoneNode(ctx, pull) : null),
    assignees: (args: PageArgs) => connection(pull.assignees.map((a) => actor(ctx, a)).filter((u) => u !== null), args),
    participants: (args: PageArgs) => connection(participants(), args),
    comments: (args: PageArgs) => connection(pull.comments.map((c) => commentNode(ctx, pull, c)), args),
    timelineItems: (args: PageArgs & { itemTypes?: string[]; since?: string; skip?: number }): unknown => {
      const items: { at: string; type: string; node: () => unknown }[] = [
        ...pull.timeline.map((e) => ({ at: e.createdAt, type: e.type, node: () => eventNode(ctx, pull, e) })),
        ...pull.reviews.filter((r) => r.state !== 'PENDING').map((r) => ({ at: r.submittedAt, type: 'PullRequestReview', node: () => reviewNode(ctx, pull, r) })),
        ...pull.comments.map((c) => ({ at: c.createdAt, type: 'IssueComment', node: () => commentNode(ctx, pull, c) })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      const since = args.since ? Date.parse(args.since) : undefined;
      const filtered = items.filter((i) => (!args.itemTypes?.length || args.itemTypes.includes(itemType(i.type))) && (since === undefined || Date.parse(i.at) >= since));
      const skipped = filtered.slice(args.skip ?? 0);
      return {
        ...connection(skipped.map((i) => i.node()), args, undefined, filtered.length),
        filteredCount: filtered.length,
        pageCount: skipped.length,
        updatedAt: pull.updatedAt,
      };
    },
  };
}
