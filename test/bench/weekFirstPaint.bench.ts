import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench';

const run = promisify(execFile);
/** An odd number, so the median is one of the openings. */
const openings = 5;

/** The This Week view's first paint in a real VS Code workbench: header click to a drawn chart, median of 5 openings in one window. */
export default async function weekFirstPaintBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  const { stdout } = await run(process.execPath, ['test/harness/measureWeekFirstPaint.mjs', '--runs', String(openings)], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  const { runs, pageRuns } = JSON.parse(last) as { runs: number[]; pageRuns: number[] };
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const weekViewFirstPaintMs = middle(runs);
  const weekPageToChartMs = middle(pageRuns);
  return {
    figures: { weekViewFirstPaintMs, weekViewFirstPaintMsMax: Math.max(...runs), weekPageToChartMs },
    lines: [
      `This Week first paint in VS Code 1.100.3: median ${weekViewFirstPaintMs} ms over ${runs.length} openings (${runs.join(', ')} ms; header click to a drawn chart, demo week)`,
      `of which the page itself, from its bundle request to the drawn chart: median ${weekPageToChartMs} ms (${pageRuns.join(', ')} ms); the rest is VS Code making the webview's frames`,
    ],
  };
}
