// A git that notes each command it runs, so a test sees every process a read starts.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs `read` with that git as its binary; the commands come back one per line, as git got them.
 * With `onPath`, the git is also first on PATH for the while, for code that takes no binary.
 */
export async function withCountingGit<T>(read: (binary: string) => Promise<T>, options: { onPath?: boolean } = {}): Promise<{ result: T; commands: string[] }> {
  const bin = await mkdtemp(join(tmpdir(), 'lead-desk-git-counter-'));
  const path = process.env.PATH;
  try {
    // The real git by its full path: the counter may be the `git` found on PATH.
    const realGit = (await run('sh', ['-c', 'command -v git'])).stdout.trim();
    const calls = join(bin, 'calls.txt');
    const counter = join(bin, options.onPath ? 'git' : 'git-counter');
    await writeFile(counter, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
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
