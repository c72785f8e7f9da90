// GET and POST /repos/{owner}/{repo}/issues/{n}/comments (pull requests are issues for comments).
import type { RestRequest, RestResponse } from '../restContext';
import { HttpError, notFound } from '../restContext';
import { readablePull, writableRepo } from '../access';
import { paginate } from '../paginate';
import { findPull } from '../../state/lookup';
import { addComment } from '../../state/reviewRequestOps';
import { issueCommentShape } from '../shapes/issueShapes';

const DOCS = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment';
const LIST_DOCS = 'https://docs.github.com/rest/issues/comments#list-issue-comments';

/** Oldest first, as GitHub lists them; `since` keeps comments updated at or after that time. */
export function listIssueComments(req: RestRequest): RestResponse {
  const { pull } = readablePull(req);
  const since = req.ex.query.get('since');
  const sinceMs = since === null ? undefined : Date.parse(since);
  if (sinceMs !== undefined && Number.isNaN(sinceMs)) {
    throw new HttpError(422, { message: `Invalid request.\n\nInvalid value for 'since': ${JSON.stringify(since)} is not a timestamp.`, documentation_url: LIST_DOCS, status: '422' });
  }
  const comments = [...pull.comments].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id).filter((c) => sinceMs === undefined || Date.parse(c.updatedAt) >= sinceMs);
  const { page, headers } = paginate(req.ex, new URL(req.urls.api).origin, comments);
  return { status: 200, body: page.map((c) => issueCommentShape(req.state, req.urls, pull, c)), headers };
}

export function createIssueComment(req: RestRequest): RestResponse {
  const repo = writableRepo(req);
  const pull = findPull(req.state, repo.owner, repo.name, Number(req.params.number));
  if (!pull) throw notFound();
  if (repo.archived) throw new HttpError(403, { message: 'Repository was archived so is read-only.', documentation_url: DOCS, status: '403' });
  const body = req.body.body;
  if (typeof body !== 'string' || body.trim() === '') {
    throw new HttpError(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' });
  }
  const c = addComment(req.state, pull, req.who.user.login, body, req.now);
  const location = `${req.urls.api}/repos/${pull.repo}/issues/comments/${c.id}`;
  return { status: 201, body: issueCommentShape(req.state, req.urls, pull, c), headers: { location } };
}
