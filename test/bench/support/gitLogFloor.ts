// The reader's `git log` (same format, window and cap) as one process with its output counted and
// dropped: the floor for reading a history window, which no reader can beat.
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS } from '../../../src/core/delegation/decay';
import { logArguments } from '../../../src/git/logFormat';

/** Where git writes: a pipe drained as it goes, or a file, as the index builder's git writes it (see fileStream.ts). */
export type FloorOutput = 'pipe' | 'file';

/**
 * The reader's `git log` as one process, output counted and dropped: the floor for reading the
 * window. `env` is added to git's environment, as the reader measured against it adds it (the
 * index builder's thread sets BUFFERED_OUTPUT_ENV): the floor's git must not work harder than its.
 */
export async function gitLogFloor(dir: string, tip: string, window: { readonly sinceDays: number; readonly maxCommits: number }, env: Readonly<Record<string, string>> = {}, output: FloorOutput = 'pipe'): Promise<{ ms: number; commits: number; bytes: number }> {
  const since = new Date(Date.now() - window.sinceDays * DAY_MS).toISOString();
  const args = [...logArguments(), `--since=${since}`, `--max-count=${window.maxCommits}`, '--end-of-options', tip];
  const folder = output === 'file' ? await mkdtemp(join(tmpdir(), 'lead-desk-floor-')) : undefined;
  const file = folder === undefined ? undefined : await open(join(folder, 'output'), 'wx', 0o600);
  try {
    const started = performance.now();
    const child = spawn('git', args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', file ? file.fd : 'pipe', 'pipe'] });
    let commits = 0;
    let bytes = 0;
    let stderr = '';
    // Each commit starts with the record separator (0x1e); counting them checks the window is whole.
    const count = (chunk: Buffer): void => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(0x1e); i >= 0; i = chunk.indexOf(0x1e, i + 1)) commits++;
    };
    child.stdout?.on('data', count);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`git log failed (${String(code)}): ${stderr}`);
    // Counted after the clock stopped: git's work was only to write the file.
    if (folder) count(await readFile(join(folder, 'output')));
    return { ms, commits, bytes };
  } finally {
    await file?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}
