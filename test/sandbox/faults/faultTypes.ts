// Faults a test can make the sandbox produce, modelled on what GitHub and Slack really send.

export type Fault =
  /** 401 Bad credentials (Slack: ok:false invalid_auth). */
  | { kind: 'unauthorized' }
  /** REST 403 with x-accepted-oauth-scopes; GraphQL INSUFFICIENT_SCOPES at 200; Slack missing_scope. */
  | { kind: 'missingScope'; scope: string }
  /** Primary limit hit: 403 (default) or 429 with x-ratelimit-remaining: 0 and the reset time. */
  | { kind: 'primaryRateLimit'; status?: 403 | 429; resetInSeconds?: number }
  /** GraphQL primary limit: HTTP 200 with errors[].type RATE_LIMITED. */
  | { kind: 'graphqlRateLimited'; resetInSeconds?: number }
  /** Secondary limit: 403 (default) or 429 with retry-after. */
  | { kind: 'secondaryRateLimit'; retryAfterSeconds?: number; status?: 403 | 429 }
  /**
   * A bare HTTP status such as 502/504 with a GitHub-like body (or the given one). With `applied`,
   * the request is served first (a write takes effect) and only its answer is replaced.
   */
  | { kind: 'status'; status: number; body?: string; contentType?: string; applied?: boolean }
  /** Wait, then serve normally. */
  | { kind: 'delay'; ms: number }
  /**
   * Wait until the test releases it (FaultInjector.release, POST /_sandbox/faults/release), then
   * serve normally: a request the test holds while it changes something, with no clock to race.
   */
  | { kind: 'hold' }
  /** Destroy the socket: the client sees ECONNRESET. With `applied`, after the request took effect. */
  | { kind: 'reset'; applied?: boolean }
  /**
   * Never answer: the connection stays open until the client gives up (or the sandbox closes).
   * With `applied`, the request takes effect first. `onHang` runs once the request is left
   * unanswered, so a test can end the client's deadline on that event instead of waiting for it.
   */
  | { kind: 'hang'; applied?: boolean; onHang?: () => void }
  /** 200 with a JSON content type and the real body cut in half. */
  | { kind: 'malformedJson' }
  /**
   * GraphQL at HTTP 200 with a partial answer: the real data with one top-level field (the given
   * one, or the first) set to null, and an error naming it beside the data.
   */
  | { kind: 'graphqlPartialData'; field?: string; errorType?: string };

export type FaultKind = Fault['kind'];

/** What a selector sees about a request. */
export interface FaultTarget {
  api: 'rest' | 'graphql' | 'slack' | 'unknown';
  method: string;
  /** Path without the GHES prefix, e.g. "/repos/acme/web/pulls/1" or "/slack/api/dnd.info". */
  path: string;
  /** A GraphQL request's operation name ("LeadDeskQueue"), as its body names it. */
  operation?: string;
}

/**
 * 'graphql' | 'rest' | 'slack' | '*' | 'METHOD /path/:pattern' | '/path/:pattern' (any method)
 * | 'slack dnd.setSnooze' | a predicate.
 */
export type FaultSelector = string | ((t: FaultTarget) => boolean);
