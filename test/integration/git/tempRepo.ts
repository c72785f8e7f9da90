// Real git repositories in the OS temp folder, with authors, dates and messages set per commit.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CommitSpec {
  readonly author: { readonly name: string; readonly email: string };
  /** ISO date used as both author and committer date. */
  readonly date: string;
  readonly message: string;
  /** Files to write (path → content); content changes make each commit touch them. */
  readonly files: Readonly<Record<string, string>>;
}

// Isolated from the machine's git config (signing, hooks, default branch) so tests behave the same everywhere.
const isolated = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

export async function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, env: { ...process.env, ...isolated, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export class TempRepo {
  private constructor(readonly dir: string) {}

  static async create(prefix = 'lead-desk-git-'): Promise<TempRepo> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    await git(dir, ['init', '-q', '-b', 'main']);
    return new TempRepo(dir);
  }

  async commit(spec: CommitSpec): Promise<string> {
    for (const [path, content] of Object.entries(spec.files)) {
      await mkdir(dirname(join(this.dir, path)), { recursive: true });
      await writeFile(join(this.dir, path), content);
    }
    await git(this.dir, ['add', '-A']);
    await git(this.dir, ['commit', '-q', '--allow-empty', '-m', spec.message], {
      GIT_AUTHOR_NAME: spec.author.name,
      GIT_AUTHOR_EMAIL: spec.author.email,
      GIT_AUTHOR_DATE: spec.date,
      GIT_COMMITTER_NAME: spec.author.name,
      GIT_COMMITTER_EMAIL: spec.author.email,
      GIT_COMMITTER_DATE: spec.date,
    });
    return (await git(this.dir, ['rev-parse', 'HEAD'])).trim();
  }

  async writeFile(path: string, content: string): Promise<void> {
    await mkdir(dirname(join(this.dir, path)), { recursive: true });
    await writeFile(join(this.dir, path), content);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function tempDir(prefix = 'lead-desk-plain-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
