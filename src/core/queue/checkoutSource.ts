// Where "check out locally" fetches a pull request's head from. Pure, so the choice is tested
// without git.
import { parseGitHubRemote, type RepoName } from './remotes';

export interface NamedRemote {
  /** The git remote's name, e.g. "origin". */
  readonly remote: string;
  readonly url: string;
}

/**
 * The folder's own remote when it points at the configured GitHub, so git keeps the protocol and
 * credentials it already uses. Otherwise the configured GitHub's address of the repository: a
 * clone whose origin says github.com while Lead Desk talks to an Enterprise server (or the local
 * sandbox of the demo) must fetch the pull request from where the queue found it.
 */
export function checkoutSource(folder: NamedRemote, repo: RepoName, webUrl: string): string {
  let host: string;
  let base: string;
  try {
    const web = new URL(webUrl);
    host = web.hostname;
    base = `${web.origin}${web.pathname.replace(/\/+$/, '')}`;
  } catch {
    return folder.remote;
  }
  if (parseGitHubRemote(folder.url, [host])) return folder.remote;
  return `${base}/${repo.owner}/${repo.repo}.git`;
}
