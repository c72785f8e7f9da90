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
