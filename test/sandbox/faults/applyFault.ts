// Turns an injected fault into the response GitHub (or Slack) would send for it.
import { STATUS_CODES } from 'node:http';
import type { Exchange } from '../http/exchange';
import type { Identity } from '../auth/tokens';
import { BAD_CREDENTIALS } from '../auth/tokens';
import { scopeHeader } from '../auth/scopes';
import { rateLimitedMessage } from '../limits/rateLimiter';
import type { Fault } from './faultTypes';
import { insufficientScopesError } from '../graphql/scopeRules';

export type FaultOutcome = 'handled' | 'continue';

const DOCS_RATE = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function limitHeaders(resource: string, resetInSeconds: number, limit: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-used': String(limit),
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    'x-ratelimit-resource': resource,
  };
}

export async function applyFault(ex: Exchange, fault: Fault, who: Identity | undefined, hold: () => Promise<void>): Promise<FaultOutcome> {
  ex.log.fault = fault.kind;
  const scopes: Record<string, string> = who ? { 'x-oauth-scopes': scopeHeader(who.token.scopes) } : {};
  const userId = who?.user.id ?? 1;
  const slack = ex.api === 'slack';
  switch (fault.kind) {
    case 'delay':
      await sleep(fault.ms);
      return 'continue';
    case 'hold':
      await hold();
      return 'continue';
    case 'reset':
      if (fault.applied) {
        ex.loseAnswer(() => ex.destroy());
        return 'continue';
      }
      ex.destroy();
      return 'handled';
    case 'hang': {
      const hang = () => {
        const closed = ex.hang();
        fault.onHang?.();
        return closed;
      };
      if (fault.applied) {
        ex.loseAnswer(() => void hang());
        return 'continue';
      }
      await hang();
      return 'handled';
    }
    case 'graphqlPartialData':
      ex.rewriteJson = (body) => partialAnswer(body, fault.field, fault.errorType ?? 'SERVICE_UNAVAILABLE', ex.requestId);
      return 'continue';
    case 'malformedJson':
      ex.corruptJson = true;
      return 'continue';
    case 'unauthorized':
      if (slack) ex.json(200, { ok: false, error: 'invalid_auth' });
      else ex.json(401, BAD_CREDENTIALS);
      return 'handled';
    case 'missingScope': {
      // The token lacks the scope, so GitHub's x-oauth-scopes does not list it either.
      const granted = (who?.token.scopes ?? []).filter((s) => s !== fault.scope);
      Object.assign(scopes, who ? { 'x-oauth-scopes': scopeHeader(granted) } : {});
      if (slack) ex.json(200, { ok: false, error: 'missing_scope', needed: fault.scope, provided: granted.join(',') });
      else if (ex.api === 'graphql') ex.json(200, { errors: [insufficientScopesError(ex.path === '/graphql' ? 'query' : ex.path, [fault.scope], granted)] }, scopes);
      else
        ex.json(
          403,
          { message: `Your token has not been granted the required scopes to execute this request. The endpoint requires one of the following scopes: ['${fault.scope}'], but your token has only been granted the: [${granted.map((s) => `'${s}'`).join(', ')}] scopes.`, documentation_url: 'https://docs.github.com/rest', status: '403' },
          { ...scopes, 'x-accepted-oauth-scopes': fault.scope },
        );
      return 'handled';
    }
    case 'primaryRateLimit': {
      const reset = fault.resetInSeconds ?? 60;
      if (slack) ex.json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(reset) });
      else {
        const resource = ex.api === 'graphql' ? 'graphql' : ex.path.startsWith('/search/') ? 'search' : 'core';
        const status = fault.status ?? 403;
        ex.json(status, { message: `${rateLimitedMessage(userId)} If you reach out to GitHub Support for help, please include the request ID ${ex.requestId}.`, documentation_url: `${DOCS_RATE}#about-the-primary-rate-limit`, status: String(status) }, { ...scopes, ...limitHeaders(resource, reset, 5000) });
      }
      return 'handled';
    }
    case 'graphqlRateLimited': {
      const reset = fault.resetInSeconds ?? 60;
      if (slack) ex.json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(reset) });
      else ex.json(200, { errors: [{ type: 'RATE_LIMITED', message: rateLimitedMessage(userId) }] }, { ...scopes, ...limitHeaders('graphql', reset, 5000) });
      return 'handled';
    }
    case 'secondaryRateLimit': {
      const retry = fault.retryAfterSeconds ?? 60;
      if (slack) ex.json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retry) });
      else {
        const status = fault.status ?? 403;
        ex.json(status, { message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${ex.requestId}.`, documentation_url: `${DOCS_RATE}#about-secondary-rate-limits`, status: String(status) }, { ...scopes, 'retry-after': String(retry) });
      }
      return 'handled';
    }
    case 'status':
      if (fault.applied) {
        ex.loseAnswer(() => sendStatus(ex, fault.status, scopes, fault.body, fault.contentType));
        return 'continue';
      }
      sendStatus(ex, fault.status, scopes, fault.body, fault.contentType);
      return 'handled';
  }
}

/** GitHub's shape for a field it could not resolve: null in `data`, and an error with its path. */
function partialAnswer(body: unknown, field: string | undefined, type: string, requestId: string): unknown {
  const answer = body as { data?: Record<string, unknown> | null; errors?: unknown[] } | null;
  const data = answer?.data;
  if (!data || typeof data !== 'object') return body;
  const name = field ?? Object.keys(data)[0];
  if (name === undefined) return body;
  const error = {
    type,
    path: [name],
    locations: [{ line: 1, column: 1 }],
    message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.`,
  };
  return { ...answer, data: { ...data, [name]: null }, errors: [...(answer.errors ?? []), error] };
}

function sendStatus(ex: Exchange, status: number, scopes: Record<string, string>, body?: string, contentType?: string): void {
  Object.assign(ex.extraHeaders, scopes);
  if (body !== undefined) {
    ex.send(status, body, { 'content-type': contentType ?? 'text/plain; charset=utf-8' });
  } else if (status === 504) {
    // GitHub's edge answers timeouts with an HTML page, not JSON.
    ex.send(504, '<html><body><h1>504 Gateway Time-out</h1>\nWe couldn\'t respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.\n</body></html>\n', { 'content-type': 'text/html' });
  } else if (ex.api === 'graphql' && status === 502) {
    ex.json(502, { data: null, errors: [{ message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${ex.requestId}\` when reporting this issue.` }] });
  } else if (ex.api === 'slack') {
    ex.send(status, `${status} ${STATUS_CODES[status] ?? ''}`, { 'content-type': 'text/plain' });
  } else {
    ex.json(status, { message: status >= 500 ? 'Server Error' : STATUS_CODES[status] ?? 'Error', documentation_url: 'https://docs.github.com/rest', status: String(status) });
  }
}
