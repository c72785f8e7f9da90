// REST pull request objects ("pull-request" for GET, "pull-request-simple" after reviewer
// changes) and the pieces they embed: labels, teams, diff entries.
import type { PullRecord, SandboxState, TeamRecord } from '../../state/records';
import type { Urls } from '../restContext';
import { findTeamByKey, findUser, repoOfPull } from '../../state/lookup';
import { totals } from '../../state/pullInsights';
import { nodeId } from '../../graphql/resolvers/nodeIds';
import { GHOST, simpleUser } from './userShapes';
import { repoShape } from './repoShapes';
import { createHash } from 'node:crypto';

export function userOrGhost(state: SandboxState, urls: Urls, login: string | null) {
  const u = login ? findUser(state, login) : undefined;
  return simpleUser(urls, u ?? GHOST);
}

export function labelShape(urls: Urls, pull: PullRecord, name: string, index: number) {
  return {
    id: pull.id * 100 + index,
    node_id: nodeId('Label', `${pull.repo}:${name}`),
    url: `${urls.api}/repos/${pull.repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: '',
    color: createHash('md5').update(name).digest('hex').slice(0, 6),
    default: false,
  };
}

export function teamShape(urls: Urls, team: TeamRecord) {
  const api = `${urls.api}/orgs/${team.org}/teams/${team.slug}`;
  return {
    id: team.id,
    node_id: nodeId('Team', team.id),
    url: api,
    html_url: `${urls.web}/orgs/${team.org}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null,
  };
}

export function requestedReviewersShape(state: SandboxState, urls: Urls, pull: PullRecord) {
  const users = pull.reviewRequests.filter((rr) => rr.user).map((rr) => userOrGhost(state, urls, rr.user!));
  const teams = pull.reviewRequests
    .filter((rr) => rr.team)
    .map((rr) => findTeamByKey(state, rr.team!))
    .filter((t): t is TeamRecord => !!t)
    .map((t) => teamShape(urls, t));
  return { users, teams };
}

const MERGEABLE_STATE: Record<string, string> = { MERGEABLE: 'clean', CONFLICTING: 'dirty', UNKNOWN: 'unknown' };

/** "simple" omits the fields only GET /pulls/{n} returns, like GitHub's pull-request-simple. */
export function pullShape(state: SandboxState, urls: Urls, pull: PullRecord, viewer: string, simple = false) {
  const repo = repoOfPull(state, pull);
  const api = `${urls.api}/repos/${pull.repo}`;
  const html = `${urls.web}/${pull.repo}/pull/${pull.number}`;
  const self = `${api}/pulls/${pull.number}`;
  const repoJson = repoShape(state, urls, repo, viewer);
  const author = userOrGhost(state, urls, pull.author);
  const assignees = pull.assignees.map((a) => userOrGhost(state, urls, a));
  const { users: requested_reviewers, teams: requested_teams } = requestedReviewersShape(state, urls, pull);
  const base = {
    url: self,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state === 'open' ? 'open' : 'closed',
    locked: false,
    title: pull.title,
    user: author,
    body: pull.body || null,
    labels: pull.labels.map((l, i) => labelShape(urls, pull, l, i)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.state === 'merged' ? createHash('sha1').update(`${pull.repo}#${pull.number}:merge`).digest('hex') : null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers,
    requested_teams,
    head: { label: `${repo.owner}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha, user: repoJson.owner, repo: repoJson },
    base: { label: `${repo.owner}:${pull.baseRef}`, ref: pull.baseRef, sha: createHash('sha1').update(`${pull.repo}:${pull.baseRef}`).digest('hex'), user: repoJson.owner, repo: repoJson },
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: pull.author ? 'MEMBER' : 'NONE',
    auto_merge: null,
    draft: pull.draft,
  };
  if (simple) return base;
  const sums = totals(pull);
  return {
    ...base,
    merged: pull.state === 'merged',
    mergeable: pull.mergeable === 'UNKNOWN' ? null : pull.mergeable === 'MERGEABLE',
    rebaseable: pull.mergeable === 'MERGEABLE',
    mergeable_state: pull.draft ? 'draft' : MERGEABLE_STATE[pull.mergeable],
    merged_by: null,
    comments: pull.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: sums.additions,
    deletions: sums.deletions,
    changed_files: sums.changedFiles,
  };
}

export function diffEntryShape(urls: Urls, pull: PullRecord, f: PullRecord['files'][number]) {
  const sha = createHash('sha1').update(`${pull.repo}:${pull.headSha}:${f.path}`).digest('hex');
  const entry: Record<string, unknown> = {
    sha,
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${urls.web}/${pull.repo}/blob/${pull.headSha}/${f.path}`,
    raw_url: `${urls.web}/${pull.repo}/raw/${pull.headSha}/${f.path}`,
    contents_url: `${urls.api}/repos/${pull.repo}/contents/${f.path}?ref=${pull.headSha}`,
    patch: `@@ -1,${f.deletions} +1,${f.additions} @@`,
  };
  if (f.previousPath) entry.previous_filename = f.previousPath;
  return entry;
}
