// Finding the local checkout that belongs to a pull request, and the GitHub repository a checkout
// belongs to. Only files are read here (.git and its config), never git itself, so this is safe
// before the workspace is trusted.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { githubReposOf, sameRepo, type GitHubRepoRef } from '../core/delegation/gitRemote';

export interface Checkout {
  /** The folder holding `.git`. */
  readonly workTree: string;
  /** GitHub repositories its remotes point at, preferred remote first. */
  readonly repos: readonly GitHubRepoRef[];
}

async function isDirectory(p: string): Promise<boolean | undefined> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return undefined;
  }
}

/** The git config of a `.git` directory or of a worktree's `.git` file (`gitdir: …`). */
async function configText(dotGit: string): Promise<string> {
  let gitDir = dotGit;
  if ((await isDirectory(dotGit)) === false) {
    const m = /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, 'utf8'));
    if (!m) return '';
    gitDir = path.resolve(path.dirname(dotGit), m[1].trim());
    // A linked worktree keeps its remotes in the main repository's config.
    const common = await readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
    if (common) gitDir = path.resolve(gitDir, common.trim());
  }
  return readFile(path.join(gitDir, 'config'), 'utf8').catch(() => '');
}

/** The nearest checkout at or above `start`, or undefined when there is none. */
export async function findCheckout(start: string, hosts: readonly string[]): Promise<Checkout | undefined> {
  let dir = path.resolve(start);
  for (let depth = 0; depth < 64; depth++) {
    const dotGit = path.join(dir, '.git');
    if ((await isDirectory(dotGit)) !== undefined) {
      const text = await configText(dotGit);
      return { workTree: dir, repos: reposOnHosts(text, hosts) };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Remotes on the configured GitHub host come first; a remote on another host with the same
 * owner/name still counts (a demo or mirror pointing at github.com while the API is elsewhere).
 */
function reposOnHosts(text: string, hosts: readonly string[]): GitHubRepoRef[] {
  const out: GitHubRepoRef[] = [];
  const anyHost = [...hosts, ...hostsIn(text)];
  for (const host of anyHost) for (const r of githubReposOf(text, host)) if (!out.some((o) => sameRepo(o, r))) out.push(r);
  return out;
}

function hostsIn(text: string): string[] {
  const hosts = new Set<string>();
  for (const m of text.matchAll(/^\s*url\s*=\s*"?(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]+@)?([^:/\s"]+)/gim)) hosts.add(m[1].toLowerCase());
  return [...hosts];
}

/** The first folder whose checkout is a clone of `repo`. */
export async function checkoutOf(folders: readonly string[], repo: GitHubRepoRef, hosts: readonly string[]): Promise<Checkout | undefined> {
  for (const folder of folders) {
    const checkout = await findCheckout(folder, hosts);
    if (checkout?.repos.some((r) => sameRepo(r, repo))) return checkout;
  }
  return undefined;
}
