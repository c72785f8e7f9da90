// Measures reviewer suggestions against real history:
//   tsx test/tools/backtest.ts <file.jsonl | path/to/git/repo> [--json] [--set key=value ...]
// A .jsonl file is one of the shared datasets (newest first); a directory is read with the same
// history reader the extension uses. The model is the extension's own (src/core/delegation).

import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { normalizeRawIdentity } from '../../src/core/delegation/personText';
import { chronological, defaultBacktestOptions, replayBacktest } from '../../src/core/delegation/backtestReplay';
import type { BacktestOptions, BacktestReport, MethodReport } from '../../src/core/delegation/backtestReplay';
import type { CommitRecord, RawIdentity } from '../../src/core/delegation/types';

interface DatasetLine {
  sha: string;
  date: string;
  author: { name?: string | null; email?: string | null };
  merge: boolean;
  files: Array<{ path: string }>;
  reviewers: Array<{ name?: string | null; email?: string | null }>;
}

function fromDatasetLine(line: DatasetLine): CommitRecord {
  return {
    sha: line.sha,
    time: Date.parse(line.date),
    author: normalizeRawIdentity(line.author) ?? {},
    coAuthors: [],
    reviewers: line.reviewers.flatMap((r): RawIdentity[] => {
      const id = normalizeRawIdentity(r);
      return id ? [id] : [];
    }),
    files: line.files.map((f) => f.path),
    merge: line.merge,
  };
}

async function loadJsonl(file: string): Promise<CommitRecord[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return chronological(lines.map((l) => fromDatasetLine(JSON.parse(l) as DatasetLine)), true);
}

async function loadRepository(dir: string): Promise<CommitRecord[]> {
  const { readHistory } = await import('../../src/git/historyReader');
  const commits: CommitRecord[] = [];
  // The whole history, not the editor's 3-year window: a backtest wants every review there is.
  for await (const batch of readHistory(dir, { sinceDays: 0, maxCommits: 1_000_000, timeoutMs: 600_000 })) commits.push(...batch);
  return chronological(commits, true);
}

/** `--set scoring.smoothing=8` style overrides, for tuning runs without editing defaults. */
function applyOverrides(base: BacktestOptions, sets: readonly string[]): BacktestOptions {
  const o = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
  for (const s of sets) {
    const [path, value] = s.split('=');
    const parts = path.split('.');
    let target: Record<string, unknown> = o;
    for (const p of parts.slice(0, -1)) {
      const next = (target[p] ?? (p === 'scoring' || p === 'ranking' ? o.delegation[p] : undefined)) as Record<string, unknown> | undefined;
      if (next === undefined) throw new Error(`Unknown option ${path}`);
      target = next;
    }
    const leaf = parts[parts.length - 1];
    if (!(leaf in target)) throw new Error(`Unknown option ${path}`);
    target[leaf] = Number(value);
  }
  return o as unknown as BacktestOptions;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function row(label: string, m: MethodReport): string {
  return `${label.padEnd(10)} top1 ${pct(m.top1).padStart(6)}  top3 ${pct(m.top3).padStart(6)}  top5 ${pct(m.top5).padStart(6)}  MRR ${m.mrr.toFixed(3)}  Gini ${m.gini.toFixed(3)}`;
}

function round(m: MethodReport): MethodReport {
  const r = (x: number): number => Math.round(x * 10_000) / 10_000;
  return { top1: r(m.top1), top3: r(m.top3), top5: r(m.top5), mrr: r(m.mrr), gini: r(m.gini) };
}

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const sets: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') sets.push(argv[++i] ?? '');
    else if (argv[i] !== '--json') positional.push(argv[i]);
  }
  const source = positional[0];
  if (!source) {
    process.stderr.write('usage: tsx test/tools/backtest.ts <file.jsonl | git repo> [--json] [--set scoring.smoothing=4 ...]\n');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const commits = (await stat(source)).isDirectory() ? await loadRepository(source) : await loadJsonl(source);
  const loaded = performance.now();
  const options = applyOverrides(defaultBacktestOptions, sets);
  const report: BacktestReport = replayBacktest(commits, options);
  const done = performance.now();

  console.log(`${source}: ${commits.length} commits, ${report.evaluated} with reviewers evaluated (oldest first, earlier history only, author excluded)`);
  console.log(row('engine', report.engine));
  console.log(row(`baseline`, report.baseline));
  console.log(`baseline   = most reviews in the previous ${options.baselineWindowDays} days, all-time count breaks ties`);
  console.log(`Gini       = over the ${report.population} people ever suggested or reviewing: how unevenly top-${options.concentrationDepth} suggestions are spread (actual reviewers: ${report.actualGini.toFixed(3)})`);
  console.log(`time       load ${((loaded - started) / 1000).toFixed(1)}s, replay ${((done - loaded) / 1000).toFixed(1)}s`);
  if (json) {
    console.log(JSON.stringify({ evaluated: report.evaluated, engine: round(report.engine), baseline: round(report.baseline), actualGini: Math.round(report.actualGini * 10_000) / 10_000 }));
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
