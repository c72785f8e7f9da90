// GET /user and GET /rate_limit.
import type { RestRequest, RestResponse } from '../restContext';
import { privateUser } from '../shapes/userShapes';
import { sameLogin } from '../../state/lookup';

export function getAuthenticatedUser(req: RestRequest): RestResponse {
  const owned = req.state.repos.filter((r) => sameLogin(r.owner, req.who.user.login));
  return {
    status: 200,
    body: privateUser(req.urls, req.who.user, { publicRepos: owned.filter((r) => !r.private).length, privateRepos: owned.filter((r) => r.private).length }),
  };
}

/** Free: GitHub does not charge GET /rate_limit to any limit. */
export function getRateLimit(req: RestRequest): RestResponse {
  const key = req.who.token.token;
  const shape = (resource: 'core' | 'search' | 'graphql') => {
    const b = req.limiter.peek(key, resource);
    return { limit: b.limit, used: b.used, remaining: b.remaining, reset: b.reset };
  };
  const core = shape('core');
  return {
    status: 200,
    body: {
      resources: {
        core,
        search: shape('search'),
        graphql: shape('graphql'),
        integration_manifest: { limit: 5000, used: 0, remaining: 5000, reset: core.reset },
        code_search: { limit: 10, used: 0, remaining: 10, reset: core.reset },
      },
      rate: core,
    },
  };
}
