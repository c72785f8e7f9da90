// What a REST handler receives, and the error type it throws for GitHub-shaped failures.
import type { Exchange } from '../http/exchange';
import type { Identity } from '../auth/tokens';
import type { SandboxState } from '../state/records';
import type { RateLimiter } from '../limits/rateLimiter';

export interface Urls {
  /** REST root as the client addressed it: "http://127.0.0.1:PORT" or ".../api/v3". */
  api: string;
  /** Browser host for html_url fields. */
  web: string;
}

export interface RestRequest {
  ex: Exchange;
  params: Record<string, string>;
  who: Identity;
  state: SandboxState;
  limiter: RateLimiter;
  now: Date;
  urls: Urls;
  body: Record<string, unknown>;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export const DOCS = 'https://docs.github.com/rest';

export function notFound(): HttpError {
  return new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

export function unprocessable(message: string, documentation_url = DOCS): HttpError {
  return new HttpError(422, { message, documentation_url, status: '422' });
}
