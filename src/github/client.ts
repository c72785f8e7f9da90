// @octokit/core plus the plugins used, not @octokit/rest: the handful of REST calls go through
// `request('GET /…')`, so the 84 KB table of every REST endpoint stays out of the bundle.
// Retries and rate limits are one hook of our own (requestRetries.ts), not Octokit's retry and
// throttling plugins, whose queues delayed every request by ~12 ms.
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import type { Logger } from '../core/logger';
import type { GitHubEndpoints } from './endpoints';
import { GitHubError, toGitHubError } from './errors';
import { retryingRequests, type LimitHandler } from './requestRetries';
import { isWriteRequest, sharedWriteSpacer, type WriteSpacer } from './writeSpacing';

const LeadDeskOctokit = Octokit.plugin(paginateRest);
export type LeadDeskOctokit = InstanceType<typeof LeadDeskOctokit>;

export interface GitHubClientOptions {
  readonly endpoints: GitHubEndpoints;
  readonly token: string;
  readonly log: Logger;
  readonly userAgent?: string;
  /** Deadline for one call, retries included. */
  readonly timeoutMs?: number;
  /**
   * Waiting inside a call is fine for a short limit; anything longer surfaces as a rateLimited
   * error carrying `retryAt`, so the caller's scheduler waits instead of holding the request open.
   */
  readonly maxInlineWaitSeconds?: number;
  /** Multiplier for every retry and throttle wait, in ms (1000 in production; tests pass a few ms). */
  readonly retryBaseMs?: number;
  /** Drops the second between writes (tests and benchmarks only). */
  readonly unthrottled?: boolean;
  readonly fetch?: typeof globalThis.fetch;
  /** Spaces writes; defaults to the one spacer the whole host shares. */
  readonly writeSpacer?: WriteSpacer;
  /** Makes each call's deadline signal (tests end a deadline on cue instead of waiting for it). */
  readonly deadline?: (timeoutMs: number) => AbortSignal;
}

export interface GitHubClient {
  readonly endpoints: GitHubEndpoints;
  /** Octokit for REST calls (`request('GET /…')`); errors it throws should go through `toGitHubError`. */
  readonly rest: LeadDeskOctokit;
  /** One GraphQL document, with typed errors and a check that the answer really is an object. */
  graphql<T extends object>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs a REST call and turns any failure into a GitHubError. */
  call<T>(operation: (octokit: LeadDeskOctokit) => Promise<T>): Promise<T>;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { endpoints, log } = options;
  const maxInlineWait = options.maxInlineWaitSeconds ?? 10;
  const timeoutMs = options.timeoutMs ?? 30_000;

  const octokit = new LeadDeskOctokit({
    auth: options.token,
    baseUrl: endpoints.apiUrl,
    userAgent: options.userAgent ?? 'lead-desk',
    request: options.fetch ? { fetch: options.fetch } : {},
    // Octokit logs request failures with the full request; route them to debug so nothing noisy
    // reaches the channel. The channel redacts tokens in any case.
    log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log.debug(m), error: (m: string) => log.debug(m) },
  });

  // A limit is waited out inside the call once, when it is short; a longer one surfaces as a
  // rateLimited error carrying `retryAt`, so the caller's scheduler waits instead.
  const limitHandler = (kind: string): LimitHandler => (retryAfter, request, retryCount) => {
    const retrying = retryCount < 1 && retryAfter <= maxInlineWait;
    log.warn(`${kind} on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter}s` : `next try after ${retryAfter}s`}`);
    return retrying;
  };
  // Registered first, so it runs innermost: the write spacing and the deadline below apply once per call, around its retries.
  octokit.hook.wrap('request', retryingRequests({ retries: 2, baseMs: options.retryBaseMs ?? 1000, onRateLimit: limitHandler('rate limit'), onSecondaryRateLimit: limitHandler('secondary rate limit') }));

  if (!options.unthrottled) {
    const spacer = options.writeSpacer ?? sharedWriteSpacer;
    octokit.hook.wrap('request', async (request, requestOptions) => {
      if (isWriteRequest(requestOptions)) await spacer.turn();
      return request(requestOptions);
    });
  }

  // Runs once per call, outside its retries. Two things are set on the call's own copy of
  // `options.request` (it may be Octokit's shared defaults object, so it is replaced, never mutated):
  // - A deadline per call, shared by the retries of that call, so a stuck server cannot keep a
  //   refresh open past timeoutMs however many retries it triggers.
  // - No retries for a write. A 5xx, a reset or a timeout can come after GitHub applied it, and
  //   sending it again would post a second comment; the caller reads whether it happened before
  //   writing again. Rate-limit answers mean it did not happen, and those are still waited out.
  const deadline = options.deadline ?? ((ms: number) => AbortSignal.timeout(ms));
  octokit.hook.before('request', (options) => {
    const current = options.request as { signal?: AbortSignal; retries?: number } | undefined;
    const write = isWriteRequest(options);
    if (current?.signal && (!write || current.retries === 0)) return;
    options.request = { ...current, signal: current?.signal ?? deadline(timeoutMs), ...(write ? { retries: 0 } : {}) };
  });

  async function call<T>(operation: (o: LeadDeskOctokit) => Promise<T>): Promise<T> {
    try {
      return await operation(octokit);
    } catch (err) {
      throw toGitHubError(err);
    }
  }

  async function graphql<T extends object>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const data = await call((o) => o.graphql<T>(query, variables));
    // Octokit resolves malformed JSON as a string body, which leaves `data` undefined or a string.
    if (data === null || typeof data !== 'object') {
      throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: `GraphQL data was ${typeof data}` });
    }
    return data;
  }

  return { endpoints, rest: octokit, graphql, call };
}
