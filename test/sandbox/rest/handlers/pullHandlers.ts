// Pull request reads and reviewer requests.
import type { RestRequest, RestResponse } from '../restContext';
import { HttpError, notFound } from '../restContext';
import { readablePull, writableRepo } from '../access';
import { diffEntryShape, pullShape, requestedReviewersShape } from '../shapes/pullShapes';
import { paginate } from '../paginate';
import { findPull } from '../../state/lookup';
import { removeReviewers, requestReviewers, ReviewRequestError } from '../../state/reviewRequestOps';

const REQUEST_DOCS = 'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request';
const REMOVE_DOCS = 'https://docs.github.com/rest/pulls/review-requests#remove-requested-reviewers-from-a-pull-request';

export function getPull(req: RestRequest): RestResponse {
  const { pull } = readablePull(req);
  return { status: 200, body: pullShape(req.state, req.urls, pull, req.who.user.login) };
}

export function listPullFiles(req: RestRequest): RestResponse {
  const { pull } = readablePull(req);
  const { page, headers } = paginate(req.ex, new URL(req.urls.api).origin, pull.files);
  return { status: 200, body: page.map((f) => diffEntryShape(req.urls, pull, f)), headers };
}

export function listRequestedReviewers(req: RestRequest): RestResponse {
  const { pull } = readablePull(req);
  return { status: 200, body: requestedReviewersShape(req.state, req.urls, pull) };
}

function stringList(v: unknown, field: string, docs: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new HttpError(422, { message: `Invalid request.\n\nFor '${field}', ${JSON.stringify(v)} is not an array of strings.`, documentation_url: docs, status: '422' });
  }
  return v as string[];
}

function writablePull(req: RestRequest) {
  const repo = writableRepo(req);
  const pull = findPull(req.state, repo.owner, repo.name, Number(req.params.number));
  if (!pull) throw notFound();
  return pull;
}

export function requestReviewersHandler(req: RestRequest): RestResponse {
  const pull = writablePull(req);
  const users = stringList(req.body.reviewers, 'reviewers', REQUEST_DOCS);
  const teams = stringList(req.body.team_reviewers, 'team_reviewers', REQUEST_DOCS);
  try {
    requestReviewers(req.state, pull, { users, teams }, req.who.user.login, req.now);
  } catch (e) {
    if (e instanceof ReviewRequestError) throw new HttpError(422, { message: e.message, documentation_url: REQUEST_DOCS, status: '422' });
    throw e;
  }
  return { status: 201, body: pullShape(req.state, req.urls, pull, req.who.user.login, true) };
}

export function removeReviewersHandler(req: RestRequest): RestResponse {
  const pull = writablePull(req);
  const users = stringList(req.body.reviewers, 'reviewers', REMOVE_DOCS);
  const teams = stringList(req.body.team_reviewers, 'team_reviewers', REMOVE_DOCS);
  if (req.body.reviewers === undefined) {
    throw new HttpError(422, { message: 'Invalid request.\n\n"reviewers" wasn\'t supplied.', documentation_url: REMOVE_DOCS, status: '422' });
  }
  removeReviewers(req.state, pull, { users, teams }, req.who.user.login, req.now);
  return { status: 200, body: pullShape(req.state, req.urls, pull, req.who.user.login, true) };
}
