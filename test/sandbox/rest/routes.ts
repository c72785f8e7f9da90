// The REST operations the sandbox serves (keep test/tools/extractRestContract.mjs in sync).
import type { RateResource } from '../scenarios/scenario';
import type { RestRequest, RestResponse } from './restContext';
import { compilePattern, type PathPattern } from '../http/pathPattern';
import { getAuthenticatedUser, getRateLimit } from './handlers/userHandlers';
import { getCommit, getContent, getRepo } from './handlers/repoHandlers';
import { getPull, listPullFiles, listRequestedReviewers, removeReviewersHandler, requestReviewersHandler } from './handlers/pullHandlers';
import { createIssueComment, listIssueComments } from './handlers/issueHandlers';
import { searchIssues } from './handlers/searchHandler';

export interface RestRoute {
  method: string;
  pattern: PathPattern;
  /** OpenAPI operation key, for the contract test. */
  operation: string;
  /** null: free (GET /rate_limit). */
  resource: RateResource | null;
  /** Sent as x-accepted-oauth-scopes. */
  acceptedScopes: string[];
  handler: (req: RestRequest) => RestResponse;
}

function route(method: string, path: string, operation: string, resource: RateResource | null, acceptedScopes: string[], handler: RestRoute['handler']): RestRoute {
  return { method, pattern: compilePattern(path), operation, resource, acceptedScopes, handler };
}

export const REST_ROUTES: RestRoute[] = [
  route('GET', '/user', 'GET /user', 'core', [], getAuthenticatedUser),
  route('GET', '/rate_limit', 'GET /rate_limit', null, [], getRateLimit),
  route('GET', '/repos/:owner/:repo', 'GET /repos/{owner}/{repo}', 'core', ['repo'], getRepo),
  route('GET', '/repos/:owner/:repo/pulls/:number', 'GET /repos/{owner}/{repo}/pulls/{pull_number}', 'core', [], getPull),
  route('GET', '/repos/:owner/:repo/pulls/:number/files', 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', 'core', [], listPullFiles),
  route('GET', '/repos/:owner/:repo/pulls/:number/requested_reviewers', 'GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', 'core', [], listRequestedReviewers),
  route('POST', '/repos/:owner/:repo/pulls/:number/requested_reviewers', 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', 'core', ['public_repo', 'repo'], requestReviewersHandler),
  route('DELETE', '/repos/:owner/:repo/pulls/:number/requested_reviewers', 'DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', 'core', ['public_repo', 'repo'], removeReviewersHandler),
  route('GET', '/repos/:owner/:repo/issues/:number/comments', 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', 'core', [], listIssueComments),
  route('POST', '/repos/:owner/:repo/issues/:number/comments', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 'core', ['public_repo', 'repo'], createIssueComment),
  route('GET', '/repos/:owner/:repo/commits/:ref', 'GET /repos/{owner}/{repo}/commits/{ref}', 'core', [], getCommit),
  route('GET', '/repos/:owner/:repo/contents/*path', 'GET /repos/{owner}/{repo}/contents/{path}', 'core', [], getContent),
  route('GET', '/search/issues', 'GET /search/issues', 'search', [], searchIssues),
];

export function matchRoute(method: string, path: string): { route: RestRoute; params: Record<string, string> } | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const r of REST_ROUTES) {
    const params = r.pattern.match(path);
    if (!params) continue;
    if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { route: r, params };
    allowed.push(r.method);
  }
  return allowed.length ? { allowed } : undefined;
}
