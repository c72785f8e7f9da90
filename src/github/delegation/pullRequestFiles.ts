import type { PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asArray, asCount, asRecord, asString, chunked, dig } from './payload';

const PULLS_PER_REQUEST = 10;
const FILES_PER_PAGE = 100;
/**
 * GitHub lists at most 3,000 changed files for a pull request (its API and web UI stop there), so
 * paging further finds nothing; `changedFiles` still counts all of them.
 */
export const MAX_PULL_REQUEST_FILES = 3000;

type PullRef = Pick<PullRequestRef, 'owner' | 'repo' | 'number'>;

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
  /**
   * The changed files GitHub lists, in its order: all of them (up to MAX_PULL_REQUEST_FILES) from
   * `fetchPullRequestChanges`, only the first 100 from `fetchManyPullRequestChanges`. Fewer than
   * `changedFiles` means the list is incomplete.
   */
  readonly files: readonly PullRequestFile[];
  readonly changedFiles: number;
  /** Users whose review is requested now (logins). */
  readonly requestedReviewers: readonly string[];
  /** Teams whose review is requested now (slugs). */
  readonly requestedTeams: readonly string[];
}

const fileConnection = `totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions changeType }`;

const pullFields = `number title url state isDraft additions deletions changedFiles
      author { login }
      reviewRequests(first: 50) { nodes { requestedReviewer { ... on User { login } ... on Team { slug } } } }
      files(first: ${FILES_PER_PAGE}) { ${fileConnection} }`;

/** The files of one page of a `files` connection, skipping nodes without a path. */
function readFiles(connection: unknown): PullRequestFile[] {
  const files: PullRequestFile[] = [];
  for (const node of asArray(dig(connection, 'nodes'))) {
    const f = asRecord(node);
    const path = asString(f?.path);
    if (!f || !path) continue;
    const changeType = asString(f.changeType);
    files.push({ path, additions: asCount(f.additions) ?? 0, deletions: asCount(f.deletions) ?? 0, ...(changeType ? { changeType } : {}) });
  }
  return files;
}

/** Where the next page of a `files` connection starts, if GitHub says there is one. */
function nextCursor(connection: unknown): string | undefined {
  return dig(connection, 'pageInfo', 'hasNextPage') === true ? asString(dig(connection, 'pageInfo', 'endCursor')) : undefined;
}

function readChanges(ref: PullRef, raw: unknown): PullRequestChanges | undefined {
  const pull = asRecord(raw);
  if (!pull) return undefined;
  const files = readFiles(pull.files);
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

const notFound = (ref: PullRef) => new GitHubError('notFound', `GitHub has no pull request ${ref.owner}/${ref.repo}#${ref.number} that you can see.`, { detail: 'pull request files' });

/**
 * One pull request's changed files, author and current review requests. One GraphQL request for up
 * to 100 files; a bigger pull request costs one more request per further 100 files, which asks for
 * the files alone, up to MAX_PULL_REQUEST_FILES. A page that fails fails the call.
 */
export async function fetchPullRequestChanges(client: GitHubClient, ref: PullRef): Promise<PullRequestChanges> {
  const query = `query LeadDeskPullRequestFiles($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      ${pullFields}
    }
  }
}`;
  const { data } = await batchQuery(client, query, { owner: ref.owner, name: ref.repo, number: ref.number });
  const pull = dig(data, 'repository', 'pullRequest');
  const changes = readChanges(ref, pull);
  if (!changes) throw notFound(ref);
  const cursor = nextCursor(dig(pull, 'files'));
  if (!cursor) return changes;
  const files = await fetchRemainingFiles(client, ref, changes.files, cursor);
  return { ...changes, files, changedFiles: Math.max(changes.changedFiles, files.length) };
}

const filesPageQuery = `query LeadDeskPullRequestFilesPage($owner: String!, $name: String!, $number: Int!, $cursor: String!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      files(first: ${FILES_PER_PAGE}, after: $cursor) { ${fileConnection} }
    }
  }
}`;

/** Follows the `files` connection from `cursor`, appending to the first page, until GitHub's cap. */
async function fetchRemainingFiles(client: GitHubClient, ref: PullRef, firstPage: readonly PullRequestFile[], cursor: string): Promise<PullRequestFile[]> {
  const files = [...firstPage];
  const maxPages = Math.ceil(MAX_PULL_REQUEST_FILES / FILES_PER_PAGE);
  let after: string | undefined = cursor;
  for (let page = 1; after && page < maxPages && files.length < MAX_PULL_REQUEST_FILES; page++) {
    const { data } = await batchQuery(client, filesPageQuery, { owner: ref.owner, name: ref.repo, number: ref.number, cursor: after });
    const pull = asRecord(dig(data, 'repository', 'pullRequest'));
    if (!pull) throw notFound(ref);
    files.push(...readFiles(pull.files));
    after = nextCursor(pull.files);
  }
  return files.slice(0, MAX_PULL_REQUEST_FILES);
}

/**
 * The changes of several pull requests, up to ten per GraphQL request, for deciding which queue
 * items are routine. Only the first 100 files of each are read, so `files` is shorter than
 * `changedFiles` for a bigger pull request. A pull request GitHub does not show is left out of the
 * map (keyed by `pullRequestKey`-style `owner/repo#n`, lower case).
 */
export async function fetchManyPullRequestChanges(client: GitHubClient, refs: ReadonlyArray<PullRef>): Promise<Map<string, PullRequestChanges>> {
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
