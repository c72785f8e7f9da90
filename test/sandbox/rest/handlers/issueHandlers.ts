// POST /repos/{owner}/{repo}/issues/{n}/comments (pull requests are issues for comments).
import type { RestRequest, RestResponse } from '../restContext';
import { HttpError, notFound } from '../restContext';
import { writableRepo } from '../access';
import { findPull } from '../../state/lookup';
import { addComment } from '../../state/reviewRequestOps';
import { issueCommentShape } from '../shapes/issueShapes';

const DOCS = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment';

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
