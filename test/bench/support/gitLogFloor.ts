// The reader's `git log` (same format, window and cap) as one process with its output counted and
// dropped: the floor for reading a history window, which no reader can beat.
import { spawn } from 'node:child_process';
import { DAY_MS } from '../../../src/core/delegation/decay';
import { logArguments } from '../../../src/git/logFormat';

/**
 * The reader's `git log` as one process, output counted and dropped: the floor for reading the
 * window. `env` is added to git's environment, as the reader measured against it adds it (the
 * index builder's thread sets BUFFERED_OUTPUT_ENV): the floor's git must not work harder than its.
 */
export async function gitLogFloor(dir: string, tip: string, window: { readonly sinceDays: number; readonly maxCommits: number }, env: Readonly<Record<string, string>> = {}): Promise<{ ms: number; commits: number; bytes: number }> {
  const since = new Date(Date.now() - window.sinceDays * DAY_MS).toISOString();
  const args = [...logArguments(), `--since=${since}`, `--max-count=${window.maxCommits}`, '--end-of-options', tip];
  const started = performance.now();
  const child = spawn('git', args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let commits = 0;
  let bytes = 0;
  let stderr = '';
  // Each commit starts with the record separator (0x1e); counting them checks the window is whole.
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (let i = chunk.indexOf(0x1e); i >= 0; i = chunk.indexOf(0x1e, i + 1)) commits++;
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`git log failed (${String(code)}): ${stderr}`);
  return { ms, commits, bytes };
}

