/** Enough to name a pull request everywhere: in the queue, the delegation view and focus blocks. */
export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly url: string;
  /** Login of the author; undefined for a deleted account (GitHub shows "ghost"). */
  readonly author?: string;
}

/** The stable key `owner/repo#123`, used for tree ids, storage and de-duplication. */
export function pullRequestKey(ref: Pick<PullRequestRef, 'owner' | 'repo' | 'number'>): string {
  return `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
}

/** Accepts a command argument that claims to be a PullRequestRef; anything else is undefined. */
export function asPullRequestRef(value: unknown): PullRequestRef | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const candidate = (v.pullRequest && typeof v.pullRequest === 'object' ? v.pullRequest : v) as Record<string, unknown>;
  const { owner, repo, number, title, url, author } = candidate;
  if (typeof owner !== 'string' || typeof repo !== 'string' || typeof number !== 'number' || !Number.isInteger(number)) return undefined;
  return {
    owner,
    repo,
    number,
    title: typeof title === 'string' ? title : `${owner}/${repo}#${number}`,
    url: typeof url === 'string' ? url : '',
    author: typeof author === 'string' ? author : undefined,
  };
}

// GitHub logins: letters, digits and single hyphens, not at either end. Repository names also allow
// dots and underscores. Numbers start at 1.
const ownerPattern = '([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)';
const repoPattern = '([A-Za-z0-9._-]+)';
const numberPattern = '([1-9]\\d{0,9})';
const shortForm = new RegExp(`^${ownerPattern}/${repoPattern}#${numberPattern}$`);
const urlPath = new RegExp(`^/${ownerPattern}/${repoPattern}/pull/${numberPattern}(?:/.*)?$`);

/**
 * Reads a pull request the user typed or pasted: a URL copied from the browser (github.com or an
 * Enterprise host, with /files or a fragment after it) or the short form `owner/repo#123`.
 * The short form has no URL: the host is not known from it.
 */
export function parsePullRequestText(text: string): PullRequestRef | undefined {
  const value = text.trim();
  const short = shortForm.exec(value);
  if (short) return refOf(short[1], short[2], Number(short[3]), '');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const m = urlPath.exec(url.pathname);
  if (!m) return undefined;
  return refOf(m[1], m[2], Number(m[3]), `${url.origin}/${m[1]}/${m[2]}/pull/${m[3]}`);
}

function refOf(owner: string, repo: string, number: number, url: string): PullRequestRef {
  return { owner, repo, number, title: `${owner}/${repo}#${number}`, url };
}
