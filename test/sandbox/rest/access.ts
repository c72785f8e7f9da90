// Repository visibility and write checks. GitHub answers 404, not 403, when a token may not
// see a private repository, so that its existence does not leak.
import type { PullRecord, RepoRecord } from '../state/records';
import { findPull, findRepo, orgsOf, sameLogin } from '../state/lookup';
import { satisfies } from '../auth/scopes';
import type { RestRequest } from './restContext';
import { notFound } from './restContext';

function member(req: RestRequest, repo: RepoRecord): boolean {
  const login = req.who.user.login;
  return repo.collaborators.some((c) => sameLogin(c, login)) || sameLogin(repo.owner, login) || orgsOf(req.state, login).some((o) => sameLogin(o.login, repo.owner));
}

export function readableRepo(req: RestRequest): RepoRecord {
  const repo = findRepo(req.state, req.params.owner, req.params.repo);
  if (!repo) throw notFound();
  if (repo.private && (!member(req, repo) || !satisfies(req.who.token.scopes, ['repo']))) throw notFound();
  return repo;
}

export function writableRepo(req: RestRequest): RepoRecord {
  const repo = readableRepo(req);
  if (!satisfies(req.who.token.scopes, repo.private ? ['repo'] : ['repo', 'public_repo'])) throw notFound();
  return repo;
}

export function readablePull(req: RestRequest, param = 'number'): { repo: RepoRecord; pull: PullRecord } {
  const repo = readableRepo(req);
  const pull = findPull(req.state, repo.owner, repo.name, Number(req.params[param]));
  if (!pull) throw notFound();
  return { repo, pull };
}
