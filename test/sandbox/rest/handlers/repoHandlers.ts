// Repository reads: the repository, one commit (identity resolution), and file contents (CODEOWNERS).
import type { RestRequest, RestResponse } from '../restContext';
import { HttpError, notFound, DOCS } from '../restContext';
import { readableRepo } from '../access';
import { repoShape } from '../shapes/repoShapes';
import { commitShape, contentFileShape } from '../shapes/commitShapes';
import { resolveCommitRef } from '../../state/commitRefs';

export function getRepo(req: RestRequest): RestResponse {
  const repo = readableRepo(req);
  return { status: 200, body: repoShape(req.state, req.urls, repo, req.who.user.login) };
}

export function getCommit(req: RestRequest): RestResponse {
  const repo = readableRepo(req);
  const hit = resolveCommitRef(req.state, repo, req.params.ref);
  if (!hit) throw new HttpError(422, { message: `No commit found for SHA: ${req.params.ref}`, documentation_url: `${DOCS}/commits/commits#get-a-commit`, status: '422' });
  return { status: 200, body: commitShape(req.state, req.urls, repo, hit.commit) };
}

export function getContent(req: RestRequest): RestResponse {
  const repo = readableRepo(req);
  const path = req.params.path.replace(/^\/+/, '');
  const text = repo.files[path];
  if (text === undefined) throw notFound();
  const ref = req.ex.query.get('ref') ?? repo.defaultBranch;
  return { status: 200, body: contentFileShape(req.urls, repo, path, text, ref) };
}
