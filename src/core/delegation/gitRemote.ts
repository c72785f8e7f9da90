// Which GitHub repository a checkout belongs to, read from its git config text (never by running
// git, so it is safe in any workspace). Remotes are tried in a fixed order: upstream first, since
// in a fork that is where pull requests are reviewed, then origin, then the rest.

export interface GitHubRepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface GitRemote {
  readonly name: string;
  readonly url: string;
}

export function parseGitConfigRemotes(configText: string): GitRemote[] {
  const remotes: GitRemote[] = [];
  let current: string | undefined;
  for (const rawLine of configText.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]$/.exec(line);
    if (section) {
      current = section[1].toLowerCase() === 'remote' && section[2] !== undefined ? section[2].replace(/\\(.)/g, '$1') : undefined;
      continue;
    }
    if (current === undefined) continue;
    const kv = /^url\s*=\s*(.*)$/i.exec(line);
    if (kv) {
      const url = kv[1].replace(/^"(.*)"$/, '$1').trim();
      if (url !== '' && !remotes.some((r) => r.name === current)) remotes.push({ name: current, url });
    }
  }
  return remotes;
}

/**
 * `owner/repo` of a remote URL on `host` (github.com or an Enterprise host): https, ssh
 * (`git@host:o/r.git`, `ssh://git@host/o/r`) and git:// forms.
 */
export function githubRepoFromUrl(url: string, host: string): GitHubRepoRef | undefined {
  const h = host.toLowerCase();
  const u = url.trim();
  let path: string | undefined;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(u);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    if (scp[1].toLowerCase() === h) path = scp[2];
  } else {
    try {
      const parsed = new URL(u);
      if (parsed.hostname.toLowerCase() === h) path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  }
  if (path === undefined) return undefined;
  const m = /^\/*([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+?)(?:\.git)?\/*$/.exec(path);
  return m ? { owner: m[1], repo: m[2] } : undefined;
}

const PREFERRED = ['upstream', 'origin'];

/** Every GitHub repository the checkout's remotes point at, preferred remote first. */
export function githubReposOf(configText: string, host: string): GitHubRepoRef[] {
  const remotes = parseGitConfigRemotes(configText);
  remotes.sort((a, b) => rank(a.name) - rank(b.name));
  const out: GitHubRepoRef[] = [];
  for (const r of remotes) {
    const ref = githubRepoFromUrl(r.url, host);
    if (ref && !out.some((o) => sameRepo(o, ref))) out.push(ref);
  }
  return out;
}

function rank(name: string): number {
  const i = PREFERRED.indexOf(name);
  return i < 0 ? PREFERRED.length : i;
}

export function sameRepo(a: GitHubRepoRef, b: GitHubRepoRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}
