// Real git repositories in the OS temp folder, each commit with its own author and date.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const isolated = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

export async function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, env: { ...process.env, ...isolated, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export interface Person {
  readonly name: string;
  readonly email: string;
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `lead-desk-${prefix}-`));
}

export class TempGitRepo {
  private counter = 0;
  private constructor(readonly dir: string) {}

  static async create(prefix = 'delegation'): Promise<TempGitRepo> {
    const dir = await makeTempDir(prefix);
    await git(dir, ['init', '-q', '-b', 'main']);
    return new TempGitRepo(dir);
  }

  /** Commits changes to `files` as `author`, `daysAgo` days back; returns the sha. */
  async commit(author: Person, files: readonly string[], daysAgo: number, message = 'Change', trailers: readonly string[] = []): Promise<string> {
    this.counter++;
    for (const f of files) {
      await mkdir(path.dirname(path.join(this.dir, f)), { recursive: true });
      await writeFile(path.join(this.dir, f), `// change ${this.counter} by ${author.name}\n`);
    }
    const date = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    await git(this.dir, ['add', '-A']);
    await git(this.dir, ['commit', '-q', '--allow-empty', '-m', trailers.length > 0 ? `${message}\n\n${trailers.join('\n')}` : message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: date,
    });
    return (await git(this.dir, ['rev-parse', 'HEAD'])).trim();
  }

  async write(file: string, content: string): Promise<void> {
    await mkdir(path.dirname(path.join(this.dir, file)), { recursive: true });
    await writeFile(path.join(this.dir, file), content);
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
