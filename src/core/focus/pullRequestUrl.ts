import type { PullRequestRef } from '../pullRequestRef';

/**
 * Reads a pull request URL typed by the user: https://github.com/o/r/pull/12 (also on an Enterprise
 * host, with /files etc. after it) or the short form o/r#12.
 */
export function parsePullRequestUrl(text: string): PullRequestRef | undefined {
  const value = text.trim();
  const short = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(value);
  if (short) {
    const [, owner, repo, number] = short as unknown as [string, string, string, string];
    return { owner, repo, number: Number(number), title: `${owner}/${repo}#${number}`, url: '' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const m = /^\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)(?:\/.*)?$/.exec(url.pathname);
  if (!m) return undefined;
  const [, owner, repo, number] = m as unknown as [string, string, string, string];
  return { owner, repo, number: Number(number), title: `${owner}/${repo}#${number}`, url: `${url.origin}/${owner}/${repo}/pull/${number}` };
}
