// Minimal fetch wrappers for sandbox tests: raw status, headers and body, so tests can
// assert on exactly what the server sent (Octokit would hide some of it).
import type { Sandbox } from '../server';

export interface RawResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: T;
}

async function toRaw<T>(res: Response): Promise<RawResponse<T>> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

// Tests read arbitrary GitHub JSON; a loose default keeps assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rest<T = any>(
  sb: Sandbox,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  opts: { ghes?: boolean } = {},
): Promise<RawResponse<T>> {
  const base = opts.ghes ? sb.ghesApiUrl : sb.url;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(token ? { authorization: `token ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return toRaw<T>(res);
}

export interface GraphqlBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL data is whatever the query asked for
  data?: any;
  errors?: { type?: string; message: string; path?: (string | number)[]; locations?: unknown[]; extensions?: Record<string, unknown> }[];
}

export async function gql(
  sb: Sandbox,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  opts: { ghes?: boolean; operationName?: string } = {},
): Promise<RawResponse<GraphqlBody>> {
  const res = await fetch(opts.ghes ? sb.ghesGraphqlUrl : sb.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName: opts.operationName }),
  });
  return toRaw<GraphqlBody>(res);
}
