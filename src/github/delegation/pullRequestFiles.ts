import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asArray, asCount, asRecord, asString, chunked, dig } from './payload';

const PULLS_PER_REQUEST = 10;

export interface PullRequestFile {
  readonly path: string;
  readonly additions: number;
  readonly deletions: number;
  /** GitHub's ADDED, DELETED, MODIFIED, RENAMED, COPIED or CHANGED. */
  readonly changeType?: string;
}

export interface PullRequestChanges {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly title?: string;
  readonly url?: string;
  readonly author?: string;
  readonly isDraft: boolean;
  readonly open: boolean;
  readonly additions: number;
  readonly deletions: number;
  /** First 100 files; `changedFiles` says how many there are in all. */
  readonly files: readonly PullRequestFile[];
  readonly changedFiles: number;
  /** Users whose review is requested now (logins). */
  readonly requestedReviewers: readonly string[];
  /** Teams whose review is requested now (slugs). */
  readonly requestedTeams: readonly string[];
}

const pullFields = `number title url state isDraft additions deletions changedFiles
      author { login }
      reviewRequests(first: 50) { nodes { requestedReviewer { ... on User { login } ... on Team { slug } } } }
      files(first: 100) { totalCount nodes { path additions deletions changeType } }`;

function readChanges(ref: Pick<PullRequestRef, 'owner' | 'repo' | 'number'>, raw: unknown): PullRequestChanges | undefined {
  const pull = asRecord(raw);
  if (!pull) return undefined;
  const files: PullRequestFile[] = [];
  for (const node of asArray(dig(pull, 'files', 'nodes'))) {
    const f = asRecord(node);
    const path = asString(f?.path);
    if (!f || !path) continue;
    const changeType = asString(f.changeType);
    files.push({ path, additions: asCount(f.additions) ?? 0, deletions: asCount(f.deletions) ?? 0, ...(changeType ? { changeType } : {}) });
  }
  const requestedReviewers: string[] = [];
  const requestedTeams: string[] = [];
  for (const node of asArray(dig(pull, 'reviewRequests', 'nodes'))) {
    const reviewer = asRecord(asRecord(node)?.requestedReviewer);
    const login = asString(reviewer?.login);
    const slug = asString(reviewer?.slug);
    if (login) requestedReviewers.push(login);
    else if (slug) requestedTeams.push(slug);
  }
  const state = asString(pull.state);
  const title = asString(pull.title);
  const url = asString(pull.url);
  const author = asString(dig(pull, 'author', 'login'));
  return {
    owner: ref.owner,
    repo: ref.repo,
    number: asCount(pull.number) ?? ref.number,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(author ? { author } : {}),
    isDraft: pull.isDraft === true,
    open: state === undefined || state === 'OPEN',
    additions: asCount(pull.additions) ?? files.reduce((n, f) => n + f.additions, 0),
    deletions: asCount(pull.deletions) ?? files.reduce((n, f) => n + f.deletions, 0),
    files,
    changedFiles: Math.max(asCount(pull.changedFiles) ?? asCount(dig(pull, 'files', 'totalCount')) ?? files.length, files.length),
    requestedReviewers,
    requestedTeams,
  };
}

/** One pull request's changed files, author and current review requests, in one GraphQL request. */
export async function fetchPullRequestChanges(client: GitHubClient, ref: Pick<PullRequestRef, 'owner' | 'repo' | 'number'>): Promise<PullRequestChanges> {
  const query = `query LeadDeskPullRequestFiles($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      ${pullFields}
    }
  }
}`;
  const { data } = await batchQuery(client, query, { owner: ref.owner, name: ref.repo, number: ref.number });
  const changes = readChanges(ref, dig(data, 'repository', 'pullRequest'));
  if (!changes) throw new GitHubError('notFound', `GitHub has no pull request ${ref.owner}/${ref.repo}#${ref.number} that you can see.`, { detail: 'pull request files' });
  return changes;
}

/**
 * The changes of several pull requests, up to ten per GraphQL request, for deciding which queue
 * items are routine. A pull request GitHub does not show is left out of the map (keyed by
 * `pullRequestKey`-style `owner/repo#n`, lower case).
 */
export async function fetchManyPullRequestChanges(client: GitHubClient, refs: ReadonlyArray<Pick<PullRequestRef, 'owner' | 'repo' | 'number'>>): Promise<Map<string, PullRequestChanges>> {
  const result = new Map<string, PullRequestChanges>();
  for (const chunk of chunked(refs, PULLS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    const fields = chunk.map((ref, i) => {
      variables[`o${i}`] = ref.owner;
      variables[`r${i}`] = ref.repo;
      variables[`n${i}`] = ref.number;
      return `  p${i}: repository(owner: $o${i}, name: $r${i}) {\n    pullRequest(number: $n${i}) {\n      ${pullFields}\n    }\n  }`;
    });
    const declarations = chunk.map((_r, i) => `$o${i}: String!, $r${i}: String!, $n${i}: Int!`).join(', ');
    const query = `query LeadDeskPullRequestsFiles(${declarations}) {\n${fields.join('\n')}\n}`;
    const { data } = await batchQuery(client, query, variables);
    chunk.forEach((ref, i) => {
      const changes = readChanges(ref, dig(data, `p${i}`, 'pullRequest'));
      if (changes) result.set(`${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase(), changes);
    });
  }
  return result;
}
