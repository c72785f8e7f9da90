// REST commit and repository-content objects.
import type { CommitRecord, RepoRecord, SandboxState } from '../../state/records';
import type { Urls } from '../restContext';
import { findUser } from '../../state/lookup';
import { nodeId } from '../../graphql/resolvers/nodeIds';
import { simpleUser } from './userShapes';
import { createHash } from 'node:crypto';

export function commitShape(state: SandboxState, urls: Urls, repo: RepoRecord, c: CommitRecord) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const user = c.author ? findUser(state, c.author) : undefined;
  // GitHub answers {} when the commit email maps to no account.
  const account = user ? simpleUser(urls, user) : {};
  const person = { name: c.authorName, email: c.authorEmail, date: c.date };
  const tree = createHash('sha1').update(`${c.sha}:tree`).digest('hex');
  return {
    sha: c.sha,
    node_id: nodeId('Commit', `${repo.id}:${c.sha}`),
    url: `${api}/commits/${c.sha}`,
    html_url: `${urls.web}/${full}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: person,
      committer: person,
      message: c.message,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: account,
    committer: account,
    parents: [],
    stats: { total: 0, additions: 0, deletions: 0 },
    files: [],
  };
}

export function contentFileShape(urls: Urls, repo: RepoRecord, path: string, text: string, ref: string) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const sha = createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0${text}`).digest('hex');
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${urls.web}/${full}/blob/${ref}/${path}`;
  const git = `${api}/git/blobs/${sha}`;
  // GitHub wraps base64 at 60 characters per line.
  const content = (Buffer.from(text).toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
  return {
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(text),
    name: path.split('/').pop()!,
    path,
    content,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${full}/${ref}/${path}`,
    _links: { self, git, html },
  };
}
