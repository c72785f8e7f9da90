// Serves the scenario's repositories over git's "dumb" HTTP protocol at `/:owner/:repo.git/…`,
// with every pull request's head at `refs/pull/N/head` as GitHub publishes it, so that a checkout
// against the sandbox (or the demo) fetches real commits. A repository is built with git's own
// plumbing on its first request: the default branch (kept when the directory was seeded with a
// real history, as the demo does) and one commit per pull request on top, touching its files.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PullRecord, SandboxState } from '../state/records';

const exec = promisify(execFile);
const repoPath = /^\/([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+?)\.git(\/.*)$/;
/** What the dumb protocol reads; anything else under a repository is refused. */
const servable = /^\/(HEAD|info\/refs|objects\/info\/(packs|alternates|http-alternates)|objects\/[0-9a-f]{2}\/[0-9a-f]{38,62}|objects\/pack\/pack-[0-9a-f]{40,64}\.(pack|idx))$/;

export interface SandboxGitOptions {
  /** Where bare repositories live as `owner/name.git`; a temporary folder (removed on close) when absent. */
  readonly root?: string;
}

export class SandboxGit {
  private root: string | undefined;
  private readonly ownRoot: boolean;
  private readonly built = new Map<string, Promise<string>>();

  constructor(private readonly state: SandboxState, options: SandboxGitOptions = {}) {
    this.root = options.root;
    this.ownRoot = options.root === undefined;
  }

  /** Answers a git request and returns true; false for every other request. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const m = repoPath.exec(url.pathname);
    if (!m) return false;
    req.resume();
    const [, owner, name, rest] = m;
    const repo = this.state.repos.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());
    if (!repo || (req.method !== 'GET' && req.method !== 'HEAD') || !servable.test(rest)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Repository not found.\n');
      return true;
    }
    void this.repository(`${repo.owner}/${repo.name}`, repo.defaultBranch)
      .then(async (dir) => {
        const file = path.join(dir, ...rest.split('/').filter(Boolean));
        const body = await readFile(file).catch(() => undefined);
        if (!body) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n');
        // A plain content type tells git this is the dumb protocol, not the smart one.
        res.writeHead(200, { 'content-type': rest === '/info/refs' ? 'text/plain' : 'application/octet-stream', 'content-length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch((err: unknown) => {
        console.error('[sandbox] git repository could not be built:', err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error.\n');
      });
    return true;
  }

  /** The bare repository of `slug`, built on first use. */
  repository(slug: string, defaultBranch: string): Promise<string> {
    const key = slug.toLowerCase();
    let dir = this.built.get(key);
    if (!dir) {
      dir = this.build(slug, defaultBranch);
      this.built.set(key, dir);
    }
    return dir;
  }

  async close(): Promise<void> {
    if (this.ownRoot && this.root) await rm(this.root, { recursive: true, force: true });
  }

  private async build(slug: string, defaultBranch: string): Promise<string> {
    this.root ??= await mkdtemp(path.join(tmpdir(), 'sandbox-git-'));
    const dir = path.join(this.root, `${slug}.git`);
    const seeded = await stat(path.join(dir, 'HEAD')).then(() => true, () => false);
    if (!seeded) {
      await mkdir(dir, { recursive: true });
      await git(dir, {}, 'init', '-q', '--bare', '-b', defaultBranch);
    }
    const base = await git(dir, {}, 'rev-parse', '-q', '--verify', `refs/heads/${defaultBranch}`).catch(() => '');
    const main = base || (await commit(dir, undefined, [{ path: 'README.md', text: `# ${slug}\n` }], { message: 'Initial commit', name: 'Sandbox', email: 'sandbox@example.com', date: '2020-01-01T00:00:00Z' }));
    if (!base) await git(dir, {}, 'update-ref', `refs/heads/${defaultBranch}`, main);
    for (const pull of this.state.pulls.filter((p) => p.repo.toLowerCase() === slug.toLowerCase())) {
      const head = await commit(dir, main, pull.files.filter((f) => f.status !== 'removed').map((f) => ({ path: f.path, text: `// ${pull.title}\n// #${pull.number}, +${f.additions} −${f.deletions}\n` })), headCommit(pull));
      await git(dir, {}, 'update-ref', `refs/pull/${pull.number}/head`, head);
    }
    // The dumb protocol reads the refs and packs from these files.
    await git(dir, {}, 'update-server-info');
    return dir;
  }
}

function headCommit(pull: PullRecord): CommitInfo {
  const author = pull.author ?? 'ghost';
  return { message: pull.title, name: author, email: `${author}@users.noreply.github.com`, date: pull.commits.at(-1)?.date ?? pull.updatedAt };
}

interface CommitInfo {
  readonly message: string;
  readonly name: string;
  readonly email: string;
  readonly date: string;
}

/** A commit on `parent` (or a root commit) with `files` written, through a private index. */
async function commit(dir: string, parent: string | undefined, files: ReadonlyArray<{ path: string; text: string }>, info: CommitInfo): Promise<string> {
  const index = path.join(dir, `index-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const env = { GIT_INDEX_FILE: index };
  try {
    if (parent) await git(dir, env, 'read-tree', parent);
    for (const file of files) {
      const blob = await git(dir, env, 'hash-object', '-w', '--stdin', { input: file.text });
      await git(dir, env, 'update-index', '--add', '--cacheinfo', `100644,${blob},${file.path}`);
    }
    const tree = await git(dir, env, 'write-tree');
    const who = { GIT_AUTHOR_NAME: info.name, GIT_AUTHOR_EMAIL: info.email, GIT_AUTHOR_DATE: info.date, GIT_COMMITTER_NAME: info.name, GIT_COMMITTER_EMAIL: info.email, GIT_COMMITTER_DATE: info.date };
    return await git(dir, { ...env, ...who }, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', info.message);
  } finally {
    await rm(index, { force: true });
  }
}

type GitArg = string | { input: string };

async function git(dir: string, env: Record<string, string>, ...args: GitArg[]): Promise<string> {
  const input = args.find((a): a is { input: string } => typeof a !== 'string');
  const argv = args.filter((a): a is string => typeof a === 'string');
  const run = exec('git', ['--git-dir', dir, ...argv], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env } });
  if (input) run.child.stdin?.end(input.input);
  return (await run).stdout.trim();
}
