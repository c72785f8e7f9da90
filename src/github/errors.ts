// Every failure from GitHub is turned into one typed error, so that callers decide on `kind`
// (never on message text) and the user gets one short message that says what to do.

export type GitHubErrorKind =
  | 'unauthorized' // 401: the token is missing, revoked or expired
  | 'missingScope' // the token lacks a scope the call needs
  | 'rateLimited' // primary limit: REST 403/429 with remaining 0, or GraphQL RATE_LIMITED at 200
  | 'secondaryRateLimited' // abuse/secondary limit, with retry-after
  | 'server' // 5xx, including GraphQL queries that time out on GitHub's side
  | 'timeout' // our own request deadline passed
  | 'offline' // connection refused/reset, DNS failure
  | 'malformed' // a response that is not the JSON shape we expect
  | 'notFound'
  | 'validation' // 422, or GraphQL errors about the request itself
  | 'unknown';

export interface GitHubErrorInit {
  status?: number;
  retryAt?: Date;
  scopes?: readonly string[];
  detail?: string;
  /** The request never left this machine (connection refused, DNS failure). */
  notSent?: boolean;
  cause?: unknown;
}

export class GitHubError extends Error {
  override readonly name = 'GitHubError';
  readonly status?: number;
  /** When it is worth asking again (from x-ratelimit-reset or retry-after). */
  readonly retryAt?: Date;
  /** For missingScope: the scopes the call needs. */
  readonly scopes?: readonly string[];
  /** GitHub's own message, for the log. */
  readonly detail?: string;
  readonly notSent: boolean;

  constructor(readonly kind: GitHubErrorKind, message: string, init: GitHubErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.retryAt = init.retryAt;
    this.scopes = init.scopes;
    this.detail = init.detail;
    this.notSent = init.notSent ?? false;
  }

  static is(err: unknown, kind?: GitHubErrorKind): err is GitHubError {
    return err instanceof GitHubError && (kind === undefined || err.kind === kind);
  }

  /** Whether waiting and asking again can help, as opposed to the user having to act. */
  get isTransient(): boolean {
    return ['rateLimited', 'secondaryRateLimited', 'server', 'timeout', 'offline', 'malformed'].includes(this.kind);
  }

  /**
   * Whether a write that failed this way may still have been applied: the answer was lost (5xx,
   * reset, timeout) rather than refused. Such a write is read back before it is sent again.
   * Rate limits, 4xx and scope errors are GitHub refusing it, so it did not happen.
   */
  get mayHaveApplied(): boolean {
    if (this.notSent) return false;
    if (this.kind === 'unknown') return this.status === undefined || this.status >= 500;
    return ['server', 'timeout', 'offline', 'malformed'].includes(this.kind);
  }
}

type Headers = Record<string, string | number | undefined>;

interface ErrorLike {
  status?: number;
  message?: string;
  name?: string;
  code?: string;
  cause?: unknown;
  headers?: Headers;
  errors?: Array<{ type?: string; message?: string }>;
  response?: { status?: number; headers?: Headers; data?: unknown };
}

function header(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

function resetTime(headers: Headers | undefined): Date | undefined {
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
}

function scopeList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function graphqlErrors(err: ErrorLike): Array<{ type?: string; message?: string }> {
  if (Array.isArray(err.errors)) return err.errors;
  const data = err.response?.data as { errors?: unknown } | undefined;
  return Array.isArray(data?.errors) ? (data.errors as Array<{ type?: string; message?: string }>) : [];
}

/** GraphQL error types that mean GitHub failed, not the request. */
const serverErrorTypes = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL', 'TIMEOUT']);

/** Failures before a connection existed: nothing was sent. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EPIPE', 'UND_ERR_SOCKET']);

function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = err;
  while (current && typeof current === 'object' && chain.length < 6) {
    chain.push(current);
    current = (current as ErrorLike).cause;
  }
  return chain;
}

/** Scopes mentioned in GitHub's INSUFFICIENT_SCOPES message: "requires one of the following scopes: ['user']". */
function scopesFromMessage(message: string | undefined): string[] {
  const match = /following scopes: \[([^\]]*)\]/.exec(message ?? '');
  return match ? match[1].split(',').map((s) => s.replace(/['"\s]/g, '')).filter(Boolean) : [];
}

/** Classifies anything thrown by Octokit (RequestError, GraphqlResponseError, throttling errors, fetch failures). */
export function toGitHubError(err: unknown, now: Date = new Date()): GitHubError {
  if (GitHubError.is(err)) return err;
  const e = (err ?? {}) as ErrorLike;
  const headers = e.response?.headers ?? e.headers;
  const status = e.response?.status ?? e.status;
  const gqlErrors = graphqlErrors(e);
  const detail = e.message;

  const limited = gqlErrors.find((g) => g.type === 'RATE_LIMITED');
  if (limited) {
    return new GitHubError('rateLimited', 'GitHub rate limit reached.', { status, retryAt: resetTime(headers) ?? new Date(now.getTime() + 60_000), detail: limited.message, cause: err });
  }
  const scoped = gqlErrors.find((g) => g.type === 'INSUFFICIENT_SCOPES');
  if (scoped) {
    const scopes = scopesFromMessage(scoped.message);
    return new GitHubError('missingScope', `Your GitHub token lacks the ${scopes.map((s) => `'${s}'`).join(' or ') || 'required'} scope.`, { status, scopes, detail: scoped.message, cause: err });
  }

  // GitHub could not resolve part of the document (a timeout or an outage behind one field): the
  // answer is partial, and nothing about the request itself was wrong.
  const serverSide = gqlErrors.find((g) => (g.type !== undefined && serverErrorTypes.has(g.type)) || /Something went wrong while executing your query/i.test(g.message ?? ''));
  if (serverSide && (status === undefined || status === 200)) {
    return new GitHubError('server', 'GitHub could not finish the request and sent only part of the answer.', { status: 200, detail: serverSide.message, cause: err });
  }

  const retryAfter = Number(header(headers, 'retry-after'));
  if ((status === 403 || status === 429) && (Number.isFinite(retryAfter) && retryAfter > 0 || /secondary rate/i.test(detail ?? ''))) {
    const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60;
    return new GitHubError('secondaryRateLimited', 'GitHub asked us to slow down (secondary rate limit).', { status, retryAt: new Date(now.getTime() + seconds * 1000), detail, cause: err });
  }
  if ((status === 403 || status === 429) && header(headers, 'x-ratelimit-remaining') === '0') {
    return new GitHubError('rateLimited', 'GitHub rate limit reached.', { status, retryAt: resetTime(headers) ?? new Date(now.getTime() + 60_000), detail, cause: err });
  }
  if (status === 401) {
    return new GitHubError('unauthorized', 'GitHub did not accept your sign-in (401).', { status, detail, cause: err });
  }
  if (status === 403) {
    const accepted = scopeList(header(headers, 'x-accepted-oauth-scopes'));
    const granted = new Set(scopeList(header(headers, 'x-oauth-scopes')));
    if (accepted.length > 0 && !accepted.some((s) => granted.has(s))) {
      return new GitHubError('missingScope', `Your GitHub token lacks the ${accepted.map((s) => `'${s}'`).join(' or ')} scope.`, { status, scopes: accepted, detail, cause: err });
    }
  }
  if (status === 404) return new GitHubError('notFound', 'GitHub could not find that resource.', { status, detail, cause: err });
  if (status === 422 || (gqlErrors.length > 0 && (status === undefined || status === 200))) {
    return new GitHubError('validation', gqlErrors[0]?.message ?? 'GitHub rejected the request (422).', { status, detail: gqlErrors[0]?.message ?? detail, cause: err });
  }
  if (status !== undefined && status >= 500 && e.response !== undefined) {
    return new GitHubError('server', `GitHub had a server error (${status}).`, { status, detail, cause: err });
  }

  // Octokit reports fetch failures (timeouts, aborts, resets, DNS) as status 500 without a response.
  const chain = causeChain(err);
  if (chain.some((c) => c.name === 'TimeoutError' || c.code === 'UND_ERR_CONNECT_TIMEOUT' || c.code === 'UND_ERR_HEADERS_TIMEOUT' || c.code === 'ETIMEDOUT')) {
    return new GitHubError('timeout', 'GitHub did not answer in time.', { detail, cause: err });
  }
  if (chain.some((c) => c.name === 'AbortError')) {
    return new GitHubError('timeout', 'The request to GitHub was cancelled.', { detail, cause: err });
  }
  if (chain.some((c) => c.code !== undefined && notSentCodes.has(c.code))) {
    return new GitHubError('offline', 'Could not reach GitHub.', { detail, notSent: true, cause: err });
  }
  if (chain.some((c) => (c.code !== undefined && networkCodes.has(c.code)) || /fetch failed|ECONNRESET|socket hang up|other side closed/i.test(c.message ?? ''))) {
    return new GitHubError('offline', 'Could not reach GitHub.', { detail, cause: err });
  }
  if (err instanceof SyntaxError) {
    return new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail, cause: err });
  }
  if (status !== undefined && status >= 500) {
    return new GitHubError('offline', 'Could not reach GitHub.', { status, detail, cause: err });
  }
  return new GitHubError('unknown', 'The request to GitHub failed.', { status, detail, cause: err });
}
