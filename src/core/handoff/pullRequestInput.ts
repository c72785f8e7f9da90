// What a person types when asked which pull request to delegate: a URL copied from the browser
// (github.com or an Enterprise host, with /files or a fragment after it) or `owner/repo#123`.

export interface PullRequestInput {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export function parsePullRequestInput(text: string): PullRequestInput | undefined {
  const value = text.trim();
  const short = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)#([1-9]\d{0,9})$/.exec(value);
  if (short) return { owner: short[1], repo: short[2], number: Number(short[3]) };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const m = /^\/([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)\/pull\/([1-9]\d{0,9})(?:\/.*)?$/.exec(url.pathname);
  return m ? { owner: m[1], repo: m[2], number: Number(m[3]) } : undefined;
}
