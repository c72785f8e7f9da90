// Which GitHub repository a git remote URL points at. Pure, so the many URL spellings git
// accepts (https, ssh, scp-like) are tested without a repository.

export interface RepoName {
  readonly owner: string;
  readonly repo: string;
}

/**
 * Parses `https://host/owner/repo(.git)`, `ssh://git@host[:port]/owner/repo(.git)`,
 * `git@host:owner/repo(.git)` and `git://host/owner/repo`. Only hosts in `hosts` count.
 */
export function parseGitHubRemote(url: string, hosts: readonly string[]): RepoName | undefined {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  const text = url.trim();
  let host: string | undefined;
  let path: string | undefined;
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(text);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const parsed = new URL(text);
      host = parsed.hostname;
      path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  } else if (scpLike) {
    host = scpLike[1];
    path = scpLike[2];
  }
  if (!host || !path || !allowed.has(host.toLowerCase())) return undefined;
  const m = /^\/?([A-Za-z0-9](?:[A-Za-z0-9-]*))\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(path);
  if (!m) return undefined;
  return { owner: m[1], repo: m[2] };
}

/** Hosts whose remotes belong to the configured GitHub: github.com, plus the Enterprise host. */
export function remoteHosts(webUrl: string): string[] {
  const hosts = ['github.com'];
  try {
    const host = new URL(webUrl).hostname.toLowerCase();
    if (!hosts.includes(host)) hosts.push(host);
  } catch {
    // An unparsable web URL adds nothing; github.com still counts.
  }
  return hosts;
}
