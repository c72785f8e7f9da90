// A git that notes each command it runs, so a test sees every process a read starts.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `read` with that git as its binary; the commands come back one per line, as git got them,
 * each after `NAME=value ` for every environment variable named in `noting` (empty when unset).
 */
export async function withCountingGit<T>(read: (binary: string) => Promise<T>, noting: readonly string[] = []): Promise<{ result: T; commands: string[] }> {
  const bin = await mkdtemp(join(tmpdir(), 'lead-desk-git-counter-'));
  try {
    const calls = join(bin, 'calls.txt');
    const counter = join(bin, 'git-counter');
    const env = noting.map((name) => `${name}=\${${name}} `).join('');
    await writeFile(counter, `#!/bin/sh\nprintf '%s\\n' "${env}$*" >> '${calls}'\nexec git "$@"\n`);
    await chmod(counter, 0o755);
    const result = await read(counter);
    const text = await readFile(calls, 'utf8').catch(() => '');
    return { result, commands: text.trim() === '' ? [] : text.trim().split('\n') };
  } finally {
    await rm(bin, { recursive: true, force: true });
  }
}
