import assert from 'node:assert/strict';
import { RequestError } from '@octokit/request-error';
import { GraphqlResponseError } from '@octokit/graphql';
import { GitHubError, toGitHubError } from '../../../src/github/errors';

const now = new Date('2026-03-02T10:00:00Z');
const request = { method: 'GET' as const, url: 'https://api.github.com/user', headers: {} };

function restError(status: number, headers: Record<string, string>, data: unknown = { message: 'x' }): RequestError {
  return new RequestError(typeof data === 'object' && data && 'message' in data ? String((data).message) : 'x', status, {
    request,
    response: { status, url: request.url, headers, data },
  });
}

describe('toGitHubError', () => {
  it('401 → unauthorized', () => {
    const e = toGitHubError(restError(401, {}, { message: 'Bad credentials' }), now);
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.isTransient, false);
  });

  it('403 with remaining 0 → rateLimited with the reset time', () => {
    const reset = Math.floor(now.getTime() / 1000) + 600;
    const e = toGitHubError(restError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, { message: 'API rate limit exceeded for user ID 1.' }), now);
    assert.equal(e.kind, 'rateLimited');
    assert.equal(e.retryAt?.getTime(), reset * 1000);
    assert.equal(e.isTransient, true);
  });

  it('429 with retry-after → secondaryRateLimited, retry at now + retry-after', () => {
    const e = toGitHubError(restError(429, { 'retry-after': '90' }, { message: 'You have exceeded a secondary rate limit.' }), now);
    assert.equal(e.kind, 'secondaryRateLimited');
    assert.equal(e.retryAt?.getTime(), now.getTime() + 90_000);
  });

  it('secondary limit without retry-after waits at least a minute', () => {
    const e = toGitHubError(restError(403, {}, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }), now);
    assert.equal(e.kind, 'secondaryRateLimited');
    assert.equal(e.retryAt?.getTime(), now.getTime() + 60_000);
  });

  it('403 whose accepted scopes the token lacks → missingScope naming them', () => {
    const e = toGitHubError(restError(403, { 'x-accepted-oauth-scopes': 'user', 'x-oauth-scopes': 'repo, read:org' }), now);
    assert.equal(e.kind, 'missingScope');
    assert.deepEqual(e.scopes, ['user']);
  });

  it('403 for some other reason is not mistaken for a scope problem', () => {
    const e = toGitHubError(restError(403, { 'x-accepted-oauth-scopes': 'repo', 'x-oauth-scopes': 'repo' }, { message: 'Resource not accessible' }), now);
    assert.notEqual(e.kind, 'missingScope');
  });

  it('GraphQL RATE_LIMITED at HTTP 200 → rateLimited', () => {
    const reset = Math.floor(now.getTime() / 1000) + 120;
    const err = new GraphqlResponseError({ method: 'POST', url: '/graphql', query: '{viewer{login}}' }, { 'x-ratelimit-reset': String(reset) }, {
      data: undefined,
      errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.', locations: [], path: [], extensions: {} }],
    } as never);
    const e = toGitHubError(err, now);
    assert.equal(e.kind, 'rateLimited');
    assert.equal(e.retryAt?.getTime(), reset * 1000);
  });

  it('GraphQL INSUFFICIENT_SCOPES → missingScope with the scope from the message', () => {
    const err = new GraphqlResponseError({ method: 'POST', url: '/graphql' }, {}, {
      errors: [{ type: 'INSUFFICIENT_SCOPES', message: "Your token has not been granted the required scopes to execute this query. The 'changeUserStatus' field requires one of the following scopes: ['user'], but your token has only been granted the: ['repo'] scopes.", locations: [], path: [], extensions: {} }],
    } as never);
    const e = toGitHubError(err, now);
    assert.equal(e.kind, 'missingScope');
    assert.deepEqual(e.scopes, ['user']);
  });

  it('other GraphQL errors → validation, keeping the message', () => {
    const err = new GraphqlResponseError({ method: 'POST', url: '/graphql' }, {}, {
      errors: [{ message: "Field 'nope' doesn't exist on type 'User'", locations: [], path: [], extensions: {} }],
    } as never);
    const e = toGitHubError(err, now);
    assert.equal(e.kind, 'validation');
    assert.match(e.detail ?? '', /nope/);
  });

  it('502 with a response → server', () => {
    assert.equal(toGitHubError(restError(502, {}, 'Bad gateway'), now).kind, 'server');
  });

  it('a fetch failure caused by a reset → offline; by a timeout → timeout', () => {
    const reset = new RequestError('fetch failed', 500, { request, cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }) });
    assert.equal(toGitHubError(reset, now).kind, 'offline');
    const timeout = new RequestError('The operation was aborted due to timeout', 500, { request, cause: Object.assign(new Error('timeout'), { name: 'TimeoutError' }) });
    assert.equal(toGitHubError(timeout, now).kind, 'timeout');
  });

  it('keeps a GitHubError as it is and exposes a typed check', () => {
    const original = new GitHubError('notFound', 'gone');
    assert.equal(toGitHubError(original), original);
    assert.ok(GitHubError.is(original, 'notFound'));
    assert.ok(!GitHubError.is(original, 'server'));
    assert.ok(!GitHubError.is(new Error('notFound')));
  });
});
