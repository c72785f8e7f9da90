// OAuth scope checks with GitHub's implied scopes: a broader scope grants its narrower
// ones ("repo" covers "public_repo", "admin:org" covers "read:org").

const IMPLIES: Record<string, string[]> = {
  repo: ['public_repo', 'repo:status', 'repo_deployment', 'repo:invite', 'security_events'],
  user: ['read:user', 'user:email', 'user:follow'],
  'admin:org': ['write:org', 'read:org'],
  'write:org': ['read:org'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  project: ['read:project'],
  'write:packages': ['read:packages'],
};

export function expandScopes(granted: readonly string[]): Set<string> {
  const out = new Set<string>();
  const visit = (s: string): void => {
    if (out.has(s)) return;
    out.add(s);
    for (const child of IMPLIES[s] ?? []) visit(child);
  };
  granted.forEach(visit);
  return out;
}

/** True when the granted scopes satisfy any one of the accepted scopes (or none are needed). */
export function satisfies(granted: readonly string[], acceptedAnyOf: readonly string[]): boolean {
  if (acceptedAnyOf.length === 0) return true;
  const have = expandScopes(granted);
  return acceptedAnyOf.some((s) => have.has(s));
}

/** Header form GitHub uses: "repo, read:org". */
export function scopeHeader(scopes: readonly string[]): string {
  return scopes.join(', ');
}
