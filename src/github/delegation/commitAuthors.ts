import type { GitHubClient } from '../client';
import { repositoryBatch, type RepoRef } from './graphqlBatch';
import { asRecord, asString, chunked, dig } from './payload';

const SHAS_PER_REQUEST = 25;

export interface CommitAuthor {
  readonly sha: string;
  /** The GitHub account the commit's author email belongs to; undefined when GitHub links none. */
  readonly login?: string;
  readonly email?: string;
  readonly name?: string;
}

/**
 * GitHub's author data for a few sample commits, in one GraphQL request: the account GitHub
 * links the commit's email to, which is how a person who commits under a work address is found.
 * Commits GitHub does not have (unpushed, or in a fork) are left out of the map.
 */
export async function fetchCommitAuthors(client: GitHubClient, repo: RepoRef, shas: Iterable<string>): Promise<Map<string, CommitAuthor>> {
  const result = new Map<string, CommitAuthor>();
  const wanted = [...new Set([...shas].filter((s) => /^[0-9a-f]{40}$/i.test(s)).map((s) => s.toLowerCase()))];
  // The chunks are asked side by side: one round trip however many samples there are.
  const answers = await Promise.all(chunked(wanted, SHAS_PER_REQUEST).map(async (chunk) => ({ chunk, repository: await askCommits(client, repo, chunk) })));
  for (const { chunk, repository } of answers) {
    if (!repository) continue;
    chunk.forEach((sha, i) => {
      const commit = asRecord(repository[`c${i}`]);
      if (!commit) return;
      const author = asRecord(commit.author);
      const login = asString(dig(author, 'user', 'login'));
      const email = asString(author?.email);
      const name = asString(author?.name);
      result.set(sha, { sha, ...(login ? { login } : {}), ...(email ? { email } : {}), ...(name ? { name } : {}) });
    });
  }
  return result;
}

function askCommits(client: GitHubClient, repo: RepoRef, chunk: readonly string[]) {
  return repositoryBatch(client, 'LeadDeskCommitAuthors', repo, 'GitObjectID!', chunk, (i, oid) => `c${i}: object(oid: ${oid}) { ... on Commit { oid author { email name user { login } } } }`);
}
