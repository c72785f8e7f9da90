// REST issue-side objects: issue comments and issue search results (pull requests are issues there).
import type { CommentRecord, PullRecord, SandboxState } from '../../state/records';
import type { Urls } from '../restContext';
import { nodeId } from '../../graphql/resolvers/nodeIds';
import { labelShape, userOrGhost } from './pullShapes';

export function issueCommentShape(state: SandboxState, urls: Urls, pull: PullRecord, c: CommentRecord) {
  const api = `${urls.api}/repos/${pull.repo}`;
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${pull.repo}/pull/${pull.number}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${pull.number}`,
    body: c.body,
    user: userOrGhost(state, urls, c.author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'MEMBER',
    reactions: {
      url: `${api}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}

export function issueSearchItemShape(state: SandboxState, urls: Urls, pull: PullRecord) {
  const api = `${urls.api}/repos/${pull.repo}`;
  const issue = `${api}/issues/${pull.number}`;
  const html = `${urls.web}/${pull.repo}/pull/${pull.number}`;
  const assignees = pull.assignees.map((a) => userOrGhost(state, urls, a));
  return {
    url: issue,
    repository_url: api,
    labels_url: `${issue}/labels{/name}`,
    comments_url: `${issue}/comments`,
    events_url: `${issue}/events`,
    html_url: html,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    number: pull.number,
    title: pull.title,
    user: userOrGhost(state, urls, pull.author),
    labels: pull.labels.map((l, i) => labelShape(urls, pull, l, i)),
    state: pull.state === 'open' ? 'open' : 'closed',
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: pull.comments.length,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    author_association: pull.author ? 'MEMBER' : 'NONE',
    active_lock_reason: null,
    draft: pull.draft,
    pull_request: {
      url: `${api}/pulls/${pull.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull.mergedAt,
    },
    // The OpenAPI schema types this as a non-null string here, unlike on pull requests.
    body: pull.body,
    score: 1,
  };
}
