// The REST pipeline: route, primary rate limit, handler, ETag/304, rate headers.
// 304s and GET /rate_limit are free, as on GitHub.
import { createHash } from 'node:crypto';
import type { Exchange } from '../http/exchange';
import type { Identity } from '../auth/tokens';
import { scopeHeader } from '../auth/scopes';
import type { RateLimiter } from '../limits/rateLimiter';
import { rateHeaders, rateLimitedMessage } from '../limits/rateLimiter';
import type { SandboxState } from '../state/records';
import { matchRoute } from './routes';
import { DOCS, HttpError, type RestResponse } from './restContext';

export interface RestDeps {
  state: SandboxState;
  limiter: RateLimiter;
  now: () => Date;
  webUrl: string;
}

const STATIC_HEADERS = {
  'x-github-media-type': 'github.v3; format=json',
  'x-github-api-version-selected': '2022-11-28',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset',
};

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export function apiRoot(ex: Exchange): string {
  const host = ex.header('host') ?? '127.0.0.1';
  return `http://${host}${ex.ghes ? '/api/v3' : ''}`;
}

export function handleRest(ex: Exchange, who: Identity, deps: RestDeps): void {
  const key = who.token.token;
  const headers: Record<string, string> = { ...STATIC_HEADERS, 'x-oauth-scopes': scopeHeader(who.token.scopes) };
  const m = matchRoute(ex.method, ex.path);
  const resource = m && 'route' in m ? m.route.resource : 'core';
  if (m && 'route' in m) {
    ex.log.route = `${m.route.method} ${m.route.pattern.source}`;
    headers['x-accepted-oauth-scopes'] = m.route.acceptedScopes.join(', ');
  }

  if (resource && deps.limiter.exhausted(key, resource)) {
    ex.json(
      403,
      { message: `${rateLimitedMessage(who.user.id)} If you reach out to GitHub Support for help, please include the request ID ${ex.requestId}.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit', status: '403' },
      { ...headers, ...rateHeaders(deps.limiter.peek(key, resource)) },
    );
    return;
  }

  let res: RestResponse;
  if (!m || !('route' in m)) {
    res = { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  } else {
    try {
      const parsed = ex.parseBody();
      const body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      if (typeof parsed === 'string' && ex.method !== 'GET') throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
      res = m.route.handler({ ex, params: m.params, who, state: deps.state, limiter: deps.limiter, now: deps.now(), urls: { api: apiRoot(ex), web: deps.webUrl }, body });
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      res = { status: e.status, body: e.body };
    }
  }

  const text = res.body === undefined ? '' : JSON.stringify(res.body);
  Object.assign(headers, res.headers ?? {});
  if (ex.method === 'GET' && res.status === 200) {
    const etag = `"${createHash('sha256').update(text).digest('hex')}"`;
    headers.etag = etag;
    headers['cache-control'] = 'private, max-age=60, s-maxage=60';
    headers.vary = 'Accept, Authorization, Cookie, X-GitHub-OTP';
    if (etagMatches(ex.header('if-none-match'), etag)) {
      ex.send(304, undefined, { ...headers, ...rateHeaders(deps.limiter.peek(key, resource ?? 'core')) });
      return;
    }
  }
  const bucket = resource ? deps.limiter.charge(key, resource, 1) : deps.limiter.peek(key, 'core');
  ex.send(res.status, res.body === undefined ? undefined : text, { 'content-type': 'application/json; charset=utf-8', ...headers, ...rateHeaders(bucket) });
}
