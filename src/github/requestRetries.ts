// Retries and rate limits for every GitHub call, as one Octokit request hook.
//
// Octokit's retry and throttling plugins did this through Bottleneck queues, which yield to the
// event loop with timers several times per request: every call of every feature waited ~12 ms
// before it left (a GraphQL read against a local server took 0.1 ms from call to fetch with bare
// Octokit, 13 ms with the two plugins). Their rules are kept:
// - A server failure (a 5xx, a dropped connection, GraphQL's "Something went wrong while executing
//   your query" at 200) is sent again up to `retries` times, after 1, 4, 9… × baseMs. A write is
//   never sent again (the client sets its `retries` to 0): GitHub may have applied it.
// - A rate limit, primary or secondary, is waited out when the handler says so, after the wait
//   GitHub names. Writes too: GitHub refused them, so they did not happen.
// - Nothing is sent again once the call's deadline has passed.
// Which answer is which limit is decided by toGitHubError, the same reading the callers get.
import { toGitHubError } from './errors';

/** Whether to wait `retryAfterSeconds` and send again; `retryCount` waits of this call came before. */
export type LimitHandler = (retryAfterSeconds: number, request: { readonly method: string; readonly url: string }, retryCount: number) => boolean;

export interface RetryRules {
  /** Sends after a server failure, unless the call's own options say otherwise. */
  readonly retries: number;
  /** One unit of waiting, in ms: 1,000 in production (waits are in seconds); tests pass a few. */
  readonly baseMs: number;
  readonly onRateLimit: LimitHandler;
  readonly onSecondaryRateLimit: LimitHandler;
  readonly now?: () => number;
}

interface HookedOptions {
  readonly method: string;
  readonly url: string;
  readonly request?: { readonly retries?: number; readonly signal?: AbortSignal | null };
}

interface HookedResponse {
  readonly status: number;
  readonly headers: Record<string, string | number | undefined>;
  readonly data: unknown;
}

/** The hook: `octokit.hook.wrap('request', retryingRequests(rules))`, registered before any hook that should run once per call. */
export function retryingRequests(rules: RetryRules) {
  const now = rules.now ?? Date.now;
  return async <R extends HookedResponse, O extends HookedOptions>(request: (options: O) => R | Promise<R>, options: O): Promise<R> => {
    const signal = options.request?.signal ?? undefined;
    let serverRetries = 0;
    let limitWaits = 0;
    for (;;) {
      let failure: unknown;
      let response: R | undefined;
      try {
        response = await request(options);
        if (!graphqlFailed(response)) return response;
      } catch (err) {
        failure = err;
      }
      const waitMs = nextWait(response ? { response } : failure);
      if (waitMs !== undefined && !signal?.aborted) await pause(waitMs, signal);
      if (waitMs === undefined || signal?.aborted) {
        // The last answer as the caller gets it: a response is returned (Octokit's GraphQL layer reads its errors), a failure thrown.
        if (response) return response;
        throw failure;
      }
    }

    function nextWait(answer: unknown): number | undefined {
      const problem = toGitHubError(answer, new Date(now()));
      if (problem.kind === 'rateLimited' || problem.kind === 'secondaryRateLimited') {
        // A primary limit lifts at its reset second: one more second, so the retry comes after it.
        const seconds = Math.max(0, Math.ceil(((problem.retryAt?.getTime() ?? now()) - now()) / 1000) + (problem.kind === 'rateLimited' ? 1 : 0));
        const handler = problem.kind === 'rateLimited' ? rules.onRateLimit : rules.onSecondaryRateLimit;
        if (!handler(seconds, { method: options.method, url: options.url }, limitWaits)) return undefined;
        limitWaits++;
        return seconds * rules.baseMs;
      }
      const status = problem.status ?? (problem.kind === 'offline' ? 500 : undefined);
      const serverFailed = (status !== undefined && status >= 500) || (status === 200 && problem.kind === 'server');
      if (!serverFailed || serverRetries >= (options.request?.retries ?? rules.retries)) return undefined;
      serverRetries++;
      return serverRetries ** 2 * rules.baseMs;
    }
  };
}

/** A GraphQL answer at 200 that asks to be sent again: a rate limit, or GitHub failing to run the query. */
function graphqlFailed(response: HookedResponse): boolean {
  const errors = (response.data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return false;
  const first = (errors[0] as { message?: unknown } | undefined)?.message;
  return errors.some((e) => (e as { type?: unknown } | undefined)?.type === 'RATE_LIMITED') || (typeof first === 'string' && /Something went wrong while executing your query/.test(first));
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
