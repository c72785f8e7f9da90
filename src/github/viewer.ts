import type { GitHubClient } from './client';
import { GitHubError } from './errors';

export interface Viewer {
  readonly login: string;
  readonly name?: string;
  /** Scopes of a classic token or OAuth session; empty for fine-grained tokens, which do not report them. */
  readonly scopes: readonly string[];
}

/** GET /user: checks a token and learns who it belongs to and what it may do. */
export async function fetchViewer(client: GitHubClient): Promise<Viewer> {
  const response = await client.call((o) => o.request('GET /user'));
  const data: unknown = response.data;
  const login = (data as { login?: unknown } | null)?.login;
  if (typeof login !== 'string' || login.length === 0) {
    throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'GET /user had no login' });
  }
  const name = (data as { name?: unknown }).name;
  const scopes = String(response.headers['x-oauth-scopes'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { login, name: typeof name === 'string' && name ? name : undefined, scopes };
}

/** Scopes in `needed` that a classic token lacks. Fine-grained tokens (no scope header) are given the benefit of the doubt. */
export function missingScopes(granted: readonly string[], needed: readonly string[]): string[] {
  if (granted.length === 0) return [];
  const have = new Set(granted);
  // GitHub's scope hierarchy: `repo` implies `public_repo`, `admin:org` implies `read:org`, `user` implies `read:user`.
  const implied: Record<string, string[]> = { repo: ['public_repo', 'repo:status'], 'admin:org': ['write:org', 'read:org'], 'write:org': ['read:org'], user: ['read:user', 'user:email'] };
  for (const scope of granted) for (const sub of implied[scope] ?? []) have.add(sub);
  return needed.filter((s) => !have.has(s));
}
