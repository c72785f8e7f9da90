// Temporary folders, small git repositories, and the `git` shim that records every git process
// the workbench starts.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
export const realGit = '/usr/bin/git';

export function tempDir(prefix) {
  return mkdtemp(path.join(tmpdir(), `lead-desk-${prefix}-`));
}

/** Runs the real git (never the shim) with a fixed identity and no user or system config. */
export async function git(cwd, args, env = {}) {
  const { stdout } = await execFileAsync(realGit, args, {
    cwd,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Lead Desk Tests',
      GIT_AUTHOR_EMAIL: 'tests@lead-desk.invalid',
      GIT_COMMITTER_NAME: 'Lead Desk Tests',
      GIT_COMMITTER_EMAIL: 'tests@lead-desk.invalid',
      ...env,
    },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** A small real repository: a README and one source file in one commit on `main`. */
export async function makeSmallRepo(dir) {
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await writeFile(path.join(dir, 'README.md'), '# Sample service\n\nA small repository for Lead Desk tests.\n');
  await writeFile(path.join(dir, 'src', 'index.ts'), 'export const answer = 42;\n');
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['add', '.']);
  await git(dir, ['commit', '-q', '-m', 'Initial commit']);
  return dir;
}

/**
 * Writes `<dir>/git`, which appends one line per invocation (time, cwd, arguments) to `logFile`
 * and then runs the real git. Put `dir` first on PATH. The log path is baked in, so a caller that
 * replaces the environment of its git processes is still recorded.
 */
export async function makeGitShim(dir, logFile) {
  await mkdir(dir, { recursive: true });
  const shim = path.join(dir, 'git');
  const quoted = `'${logFile.replaceAll("'", "'\\''")}'`;
  await writeFile(shim, `#!/bin/sh
printf '%s\\t%s\\t%s\\n' "$(date +%s.%N)" "$PWD" "$*" >> ${quoted}
exec ${realGit} "$@"
`);
  await chmod(shim, 0o755);
  return shim;
}
