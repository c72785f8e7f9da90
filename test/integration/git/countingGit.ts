// A git that notes each command it runs, so a test sees every process a read starts.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CountingOptions {
  /** Also put that git first on PATH for the while, for code that takes no binary. */
  readonly onPath?: boolean;
  /** Environment variables noted before each command as `NAME=value ` (empty when unset). */
  readonly noting?: readonly string[];
}

/** Runs `read` with that git as its binary; the commands come back one per line, as git got them. */
export async function withCountingGit<T>(read: (binary: string) => Promise<T>, options: CountingOptions = {}): Promise<{ result: T; commands: string[] }> {
  const bin = await mkdtemp(join(tmpdir(), 'lead-desk-git-counter-'));
  const path = process.env.PATH;
  try {
    // The real git by its full path: the counter may be the `git` found on PATH.
    const realGit = (await run('sh', ['-c', 'command -v git'])).stdout.trim();
    const calls = join(bin, 'calls.txt');
    const counter = join(bin, options.onPath ? 'git' : 'git-counter');
    const env = (options.noting ?? []).map((name) => `${name}=\${${name}} `).join('');
    await writeFile(counter, `#!/bin/sh\nprintf '%s\\n' "${env}$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    await chmod(counter, 0o755);
    if (options.onPath) process.env.PATH = `${bin}${delimiter}${path ?? ''}`;
    const result = await read(counter);
    const text = await readFile(calls, 'utf8').catch(() => '');
    return { result, commands: text.trim() === '' ? [] : text.trim().split('\n') };
  } finally {
    process.env.PATH = path;
    await rm(bin, { recursive: true, force: true });
  }
}
