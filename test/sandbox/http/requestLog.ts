// What the sandbox records about each request, so tests can assert on traffic (counts,
// headers, GraphQL cost) without a proxy. Secrets never reach the log.

export type ApiKind = 'rest' | 'graphql' | 'slack' | 'unknown';

export interface RequestLogEntry {
  method: string;
  /** Path and query as received (including any /api/v3 prefix). */
  path: string;
  /** The matched route, e.g. "GET /repos/:owner/:repo/pulls/:number", "POST /graphql", "slack dnd.setSnooze". */
  route: string;
  api: ApiKind;
  /** 0 while in flight, or when the connection was reset on purpose. */
  status: number;
  /** Lowercased request headers; authorization is replaced by "REDACTED". */
  headers: Record<string, string>;
  /** Login the token belongs to, when it is known. */
  login?: string;
  graphqlCost?: number;
  graphqlOperation?: string;
  /** Parsed request body (JSON or form), secrets removed. */
  body?: unknown;
  /** Epoch ms when the request arrived. */
  time: number;
  durationMs?: number;
  /** The injected fault's kind, when one was applied. */
  fault?: string;
  /** The status of the real answer when a fault replaced it after the request took effect. */
  appliedStatus?: number;
}

export const REDACTED = 'REDACTED';

export function redactHeaders(raw: NodeJS.Dict<string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    const key = k.toLowerCase();
    out[key] = key === 'authorization' || key === 'cookie' ? REDACTED : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Slack clients may still send the token as a form field. */
export function redactBody(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'token' in body) {
    return { ...(body as Record<string, unknown>), token: REDACTED };
  }
  return body;
}
