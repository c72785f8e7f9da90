import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench';

const run = promisify(execFile);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Activation time in a real VS Code extension host: bundle load plus activate(), median of 5 fresh hosts. */
export default async function activationBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  const { stdout } = await run(process.execPath, ['test/harness/measureActivation.mjs', '--runs', '5'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  const { runs, vscodeVersion } = JSON.parse(last) as { runs: number[]; vscodeVersion: string };
  const activateMsMedian = Math.round(median(runs) * 10) / 10;
  return {
    figures: { activateMsMedian, activateMsMax: Math.max(...runs), activateRuns: runs.length },
    lines: [`activation in VS Code ${vscodeVersion}: median ${activateMsMedian} ms over ${runs.length} fresh extension hosts (${runs.join(', ')} ms; bundle load + activate())`],
  };
}
