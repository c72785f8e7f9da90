// The delegation engine on a large history: a generated repository of 50,000 commits (built once
// with git fast-import and cached, see support/delegationRepo.ts), read through the real reader.
//
// - indexColdMs: a full build from nothing (refreshExpertiseIndex, as the extension does on a cache
//   miss), each in a fresh Node process, next to gitLogFloorMs: the same `git log` (same format,
//   window and cap, and the environment the index builder gives it) as one process with its output
//   drained, which no reader can beat. Median of 3, alternating the two so background load on a
//   2-core machine hits both alike. Target ≤ 1.3×.
//   The same again while a CPU-bound process keeps one of the two cores busy, as on a busy laptop
//   (…Loaded figures, target ≤ 1.5×), each with the longest event-loop block (target ≤ 50 ms) of the
//   child's main thread: the build runs on a worker thread, as in the editor, so that thread is the
//   one that would be the extension host, and its busy time (event-loop utilisation) is reported too.
//   Beside it, gitLogFileFloorMs: the same git writing into a file, as the index builder's git does
//   (src/git/fileStream.ts), so that the pipe of the main floor flatters nothing.
//   Each figure also carries its 3 runs (…Runs keys: one ratio per build and the floor run beside it).
// - indexColdCpuMs (…Loaded): the CPU time of the build's process, all its threads, git's excluded.
//   With one core busy, git shares the other with them, so this is what the loaded ratio depends on.
// - indexPeakMB: the highest peak RSS of those build processes, the whole Node process running the
//   code bundled as the extension is (runtime included), not git's. Target ≤ 150 MB.
// - suggestWarmMs50Files: suggestReviewers for a 50-file pull request on a built index. ≤ 50 ms.
// - indexIncrementalMs100Commits: bringing the index up to date after 100 new commits.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { ExpertiseIndex } from '../../src/core/delegation/expertiseIndex';
import { MAX_RANKED_FILES } from '../../src/core/delegation/rankedFiles';
import { defaultDelegationOptions, suggestReviewers } from '../../src/core/delegation/suggestReviewers';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../../src/core/logger';
import { refreshExpertiseIndex } from '../../src/git/expertiseRefresh';
import { BUFFERED_OUTPUT_ENV } from '../../src/git/gitSession';
import { ExpertiseStore } from '../../src/storage/expertiseStore';
import { seededRandom } from '../sandbox/scenarios/seededRandom.mjs';
import type { BenchResult } from './bench';
import type { ChildReport } from './support/delegationIndexChild';
import { addCommits, generatedRepo, git, type GeneratedRepo } from './support/delegationRepo';
import { gitLogFloor } from './support/gitLogFloor';
import { bundledChild } from './support/bundleChild';
import { median } from './support/stats';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

const COMMITS = 50_000;
// The extension's default window (leadDesk.delegation.historyDays), with a commit cap above the
// history's size so the whole of it is read. The deadline is generous so a slow build is measured
// rather than cut off; the line says when it would have hit the extension's own 120 s.
const WINDOW = { sinceDays: 1095, maxCommits: 100_000, timeoutMs: 600_000 };
const EXTENSION_TIMEOUT_MS = 120_000;
const COLD_RUNS = 3;
const SUGGEST_RUNS = 20;
const INCREMENTAL_RUNS = 3;
const PR_FILES = 50;
/** The most files a suggestion is ranked on (MAX_RANKED_FILES): the worst case the view can ask for. */
const LARGEST_PR_FILES = MAX_RANKED_FILES;

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

let workerBundled: Promise<void> | undefined;

/** The index builder's bundle beside the child's (out/bench/indexWorker.js), as dist/indexWorker.js is beside dist/features.js. */
function bundleIndexWorkerBeside(script: string): Promise<void> {
  workerBundled ??= esbuild({ entryPoints: [join(root, 'src', 'git', 'indexWorker.ts')], outfile: join(dirname(script), 'indexWorker.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' }).then(() => undefined);
  return workerBundled;
}

/** A process that only watches its event loop for `ms`: how long this machine holds an idle thread at the moment. */
async function idleChild(ms: number): Promise<ChildReport> {
  const script = await bundledChild('delegationIndexChild');
  const { stdout } = await run(process.execPath, [script, 'idle', String(Math.round(ms))], { cwd: root });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
}

async function child(mode: 'build' | 'read', dir: string): Promise<ChildReport> {
  const script = await bundledChild('delegationIndexChild');
  await bundleIndexWorkerBeside(script);
  const args = ['--expose-gc', script, mode, dir, String(WINDOW.sinceDays), String(WINDOW.maxCommits), String(WINDOW.timeoutMs)];
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
  // A short read would make every figure meaningless: fail rather than print it.
  if (report.commitsRead !== COMMITS || report.truncated) throw new Error(`the ${mode} read ${report.commitsRead} commits (truncated: ${String(report.truncated)}), expected all ${COMMITS}`);
  if (mode === 'build' && (report.indexCommits !== COMMITS || report.refreshMode !== 'rebuilt' || (report.knownFiles ?? 0) < 1_000)) {
    throw new Error(`the cold build gave an index of ${String(report.indexCommits)} commits and ${String(report.knownFiles)} files (${String(report.refreshMode)})`);
  }
  // Otherwise the host's figures would be the whole build's, on its thread.
  if (mode === 'build' && report.offThread !== true) throw new Error('the cold build ran on the main thread: the index builder could not start a worker');
  return report;
}

/** Where a pull request's files come from: [path prefix, share of its files]. */
type PullRequestShape = ReadonlyArray<readonly [string, number]>;
/** Mostly one area, its tests, and a few files elsewhere. */
const FOCUSED: PullRequestShape = [['src/net/', 0.72], ['test/net/', 0.16], ['src/core/', 0.12]];
/** A sweeping change: source all over, tests, and anything else. */
const SWEEPING: PullRequestShape = [['src/', 0.72], ['test/', 0.16], ['', 0.12]];

/** A pull request of `size` files with history, drawn from the index as `shape` says. */
function pullRequestPaths(index: ExpertiseIndex, size: number, shape: PullRequestShape): string[] {
  const r = seededRandom(2024);
  const known = [...index.knownFiles()].sort();
  const take = (prefix: string, n: number, into: Set<string>) => {
    const pool = known.filter((f) => f.startsWith(prefix) && !into.has(f));
    if (pool.length < n) throw new Error(`only ${pool.length} known files under ${prefix}`);
    for (let added = 0; added < n; ) {
      const f = pool[Math.floor(r() * pool.length)];
      if (!into.has(f)) {
        into.add(f);
        added++;
      }
    }
  };
  const paths = new Set<string>();
  shape.forEach(([prefix, share], i) => {
    const n = i === 0 ? size - shape.slice(1).reduce((sum, [, s]) => sum + Math.round(size * s), 0) : Math.round(size * share);
    take(prefix, n, paths);
  });
  return [...paths];
}

function suggestions(index: ExpertiseIndex, repo: GeneratedRepo, size: number, shape: PullRequestShape) {
  const touchedPaths = pullRequestPaths(index, size, shape);
  if (touchedPaths.length !== size || touchedPaths.some((p) => index.entriesAt(p) === undefined)) throw new Error(`the pull request must touch ${size} files with history`);
  // The pull request's author works in net/; the lead is the first person.
  const author = repo.universe.people.find((p) => p.areas[0] === 'net')!;
  const lead = repo.universe.people[0];
  const exclude = [
    { name: author.name, email: author.email },
    { name: lead.name, email: lead.email },
  ];
  const now = Date.now();
  const ask = () => suggestReviewers(index, { touchedPaths, now, exclude }, defaultDelegationOptions);

  let started = performance.now();
  const first = ask();
  const firstMs = performance.now() - started;
  if (first.length === 0) throw new Error('no reviewer suggested for the pull request');
  for (let i = 0; i < 3; i++) ask(); // JIT warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < SUGGEST_RUNS; i++) {
    started = performance.now();
    ask();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), maxMs: Math.max(...times), firstMs, top: first.slice(0, 3).map((c) => c.person.name) };
}

/**
 * Three updates of 100 commits each, on a clone that shares the cached repository's objects (so the
 * cache is never written to): 300 commits are added once, and main is moved 100 at a time.
 */
async function incremental(index: ExpertiseIndex, repo: GeneratedRepo): Promise<number[]> {
  const tmp = await mkdtemp(join(tmpdir(), 'lead-desk-bench-delegation-'));
  try {
    const clone = join(tmp, 'repo');
    await git(tmp, ['clone', '-q', '--shared', repo.dir, clone]);
    const added = await addCommits(clone, repo.universe, 100 * INCREMENTAL_RUNS, Date.now());
    const times: number[] = [];
    for (let k = 1; k <= INCREMENTAL_RUNS; k++) {
      const head = added[k * 100 - 1];
      await git(clone, ['update-ref', 'refs/heads/main', head]);
      const started = performance.now();
      const result = await refreshExpertiseIndex(clone, index, { ...WINDOW, repo: 'bench' });
      times.push(performance.now() - started);
      if (result.mode !== 'incremental' || result.commitsRead !== 100 || result.index.headSha !== head) {
        throw new Error(`update ${k}: ${result.mode}, ${result.commitsRead} commits read, index at ${String(result.index.headSha)} instead of ${head}`);
      }
    }
    if (index.commitCount !== COMMITS + 100 * INCREMENTAL_RUNS) throw new Error(`the index holds ${index.commitCount} commits after the updates`);
    return times;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Runs `work` and says how long it took and the longest the event loop was held meanwhile. */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestBlockMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  loop.disable();
  return { value, ms, longestBlockMs: loop.max / 1e6 };
}

/**
 * The index as the extension keeps it: built and saved to extension storage by one store, then
 * loaded from that file by a fresh one (a new window), each watched for event-loop blocks.
 */
async function savedIndex(repo: GeneratedRepo) {
  const storage = await mkdtemp(join(tmpdir(), 'lead-desk-bench-store-'));
  try {
    const window = { historyDays: WINDOW.sinceDays, maxCommits: WINDOW.maxCommits, timeoutMs: WINDOW.timeoutMs };
    const saved = await watched(() => new ExpertiseStore(storage, silentLogger).get(repo.dir, window));
    const loaded = await watched(() => new ExpertiseStore(storage, silentLogger).get(repo.dir, window));
    if (saved.value.how !== 'built' || loaded.value.how !== 'cached' || loaded.value.index.commitCount !== COMMITS) {
      throw new Error(`store: ${saved.value.how} then ${loaded.value.how} with ${loaded.value.index.commitCount} commits`);
    }
    const [file] = await readdir(storage);
    const bytes = (await stat(join(storage, file))).size;
    return { saved, loaded, bytes };
  } finally {
    await rm(storage, { recursive: true, force: true });
  }
}

/**
 * A CPU-bound process on one of the machine's cores, as a busy laptop has (a build, a test run):
 * started, and known to be spinning, before the measured work begins.
 */
async function busyCore(): Promise<ChildProcess> {
  const hog = spawn(process.execPath, ['-e', "process.stdout.write('spinning\\n'); for (;;) {}"], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    hog.once('error', reject);
    hog.stdout?.once('data', () => resolve());
  });
  return hog;
}

/**
 * Floors and cold builds alternated, so background load hits both alike; after each build, an idle
 * process watched for as long, whose longest block is what the machine alone did to a thread then.
 */
async function coldRuns(repo: GeneratedRepo): Promise<{ floors: number[]; fileFloors: number[]; builds: ChildReport[]; idles: ChildReport[] }> {
  const floors: number[] = [];
  const fileFloors: number[] = [];
  const builds: ChildReport[] = [];
  const idles: ChildReport[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    floors.push((await gitLogFloor(repo.dir, repo.headSha, WINDOW, BUFFERED_OUTPUT_ENV)).ms);
    // git writing into a file, as the index builder's git does (fileStream.ts): the floor is not flattered by the pipe.
    fileFloors.push((await gitLogFloor(repo.dir, repo.headSha, WINDOW, BUFFERED_OUTPUT_ENV, 'file')).ms);
    builds.push(await child('build', repo.dir));
    idles.push(await idleChild(builds[i].ms));
  }
  return { floors, fileFloors, builds, idles };
}

export default async function delegationBench(): Promise<BenchResult> {
  const repo = await generatedRepo(COMMITS);
  const generated =
    repo.generatedMs !== undefined
      ? `generated now in ${round(repo.generatedMs / 1000, 1)} s with git fast-import`
      : `cached; generating it took ${round(repo.recordedGenerateMs / 1000, 1)} s`;

  // One untimed read first, so the pack is in the page cache for every timed run alike.
  const warm = await gitLogFloor(repo.dir, repo.headSha, WINDOW, BUFFERED_OUTPUT_ENV);
  if (warm.commits !== COMMITS) throw new Error(`git log saw ${warm.commits} commits in the window, expected ${COMMITS}`);

  const { floors, fileFloors, builds, idles } = await coldRuns(repo);
  const readOnly = await child('read', repo.dir);
  // The same, with one of the two cores taken by a CPU-bound process.
  const hog = await busyCore();
  let loaded: Awaited<ReturnType<typeof coldRuns>>;
  try {
    loaded = await coldRuns(repo);
  } finally {
    hog.kill();
  }

  // The index the remaining figures use, built the same way in this process.
  const built = await refreshExpertiseIndex(repo.dir, undefined, { ...WINDOW, repo: 'bench' });
  if (built.index.commitCount !== COMMITS) throw new Error(`the in-process build indexed ${built.index.commitCount} commits`);
  const suggest = suggestions(built.index, repo, PR_FILES, FOCUSED);
  const largest = suggestions(built.index, repo, LARGEST_PR_FILES, SWEEPING);
  const updates = await incremental(built.index, repo);
  const store = await savedIndex(repo);

  const coldMs = median(builds.map((b) => b.ms));
  const floorMs = median(floors);
  const ratio = coldMs / floorMs;
  const peak = builds.reduce((a, b) => (b.maxRssMB > a.maxRssMB ? b : a));
  const incrementalMs = median(updates);
  const b0 = builds[0];
  const longestBlock = Math.max(...builds.map((b) => b.longestBlockMs));
  const loadedColdMs = median(loaded.builds.map((b) => b.ms));
  const loadedFloorMs = median(loaded.floors);
  const loadedRatio = loadedColdMs / loadedFloorMs;
  const loadedBlock = Math.max(...loaded.builds.map((b) => b.longestBlockMs));
  const fileFloorMs = median(fileFloors);
  const loadedFileFloorMs = median(loaded.fileFloors);
  const ratios = (runs: { floors: number[]; builds: ChildReport[] }) => runs.builds.map((b, i) => round(b.ms / runs.floors[i], 2));
  const runsOf = (values: readonly number[]) => values.join(' / ');
  const hostBusy = median(builds.map((b) => b.hostBusyMs));
  const loadedHostBusy = median(loaded.builds.map((b) => b.hostBusyMs));
  const cpuOf = (runs: readonly ChildReport[]) => runs.map((b) => b.cpuMs ?? 0);
  const buildCpu = median(cpuOf(builds));
  const loadedBuildCpu = median(cpuOf(loaded.builds));

  return {
    figures: {
      indexColdMs: round(coldMs),
      gitLogFloorMs: round(floorMs),
      indexColdToFloorRatio: round(ratio, 2),
      suggestWarmMs50Files: round(suggest.medianMs, 2),
      suggestWarmMs300Files: round(largest.medianMs, 2),
      indexPeakMB: round(peak.maxRssMB, 1),
      indexLongestBlockMs: round(longestBlock, 1),
      indexColdMsLoaded: round(loadedColdMs),
      gitLogFloorMsLoaded: round(loadedFloorMs),
      indexColdToFloorRatioLoaded: round(loadedRatio, 2),
      gitLogFileFloorMs: round(fileFloorMs),
      indexColdToFileFloorRatio: round(coldMs / fileFloorMs, 2),
      gitLogFileFloorMsLoaded: round(loadedFileFloorMs),
      indexColdToFileFloorRatioLoaded: round(loadedColdMs / loadedFileFloorMs, 2),
      indexLongestBlockMsLoaded: round(loadedBlock, 1),
      indexColdToFloorRatioRuns: runsOf(ratios({ floors, builds })),
      indexColdToFloorRatioLoadedRuns: runsOf(ratios(loaded)),
      indexLongestBlockMsRuns: runsOf(builds.map((b) => round(b.longestBlockMs, 1))),
      indexLongestBlockMsLoadedRuns: runsOf(loaded.builds.map((b) => round(b.longestBlockMs, 1))),
      indexIdleLongestBlockMsRuns: runsOf(idles.map((b) => round(b.longestBlockMs, 1))),
      indexIdleLongestBlockMsLoadedRuns: runsOf(loaded.idles.map((b) => round(b.longestBlockMs, 1))),
      indexHostBusyMs: round(hostBusy),
      indexHostBusyMsLoaded: round(loadedHostBusy),
      indexColdCpuMs: round(buildCpu),
      indexColdCpuMsLoaded: round(loadedBuildCpu),
      indexIncrementalMs100Commits: round(incrementalMs, 1),
      indexLoadFromStorageMs: round(store.loaded.ms),
      indexStorageLongestBlockMs: round(Math.max(store.loaded.longestBlockMs, store.saved.longestBlockMs), 1),
    },
    lines: [
      `history: ${fmt(COMMITS)} commits, ${fmt(b0.knownFiles ?? 0)} files touched, ${b0.people ?? 0} people after identity merging, ${fmt(warm.bytes / 1024)} KiB of git log output; ${generated} (${repo.dir})`,
      `cold index: ${fmt(coldMs)} ms for ${fmt(COMMITS)} commits, ${b0.pages} progress reports on the host (fresh process each, ${builds.map((b) => fmt(b.ms)).join(' / ')} ms); raw git log floor ${fmt(floorMs)} ms (${floors.map(fmt).join(' / ')} ms) → ${round(ratio, 2)}×, target ≤ 1.3×`,
      `  git log writing into a file, as the index builder's git does: ${fmt(fileFloorMs)} ms (${fileFloors.map(fmt).join(' / ')} ms) → ${round(coldMs / fileFloorMs, 2)}×; with one core busy ${fmt(loadedFileFloorMs)} ms (${loaded.fileFloors.map(fmt).join(' / ')} ms) → ${round(loadedColdMs / loadedFileFloorMs, 2)}×`,
      `  reading alone (the reader's pages, no index, one run): ${fmt(readOnly.ms)} ms, ${round(readOnly.ms / floorMs, 2)}× the floor, peak ${round(readOnly.maxRssMB, 1)} MB RSS; so indexing costs ~${fmt(coldMs - readOnly.ms)} ms`,
      ...(coldMs > EXTENSION_TIMEOUT_MS ? [`  slower than the extension's ${EXTENSION_TIMEOUT_MS / 1000} s deadline: the editor would give up on this repository`] : []),
      `with one core busy (a CPU-bound process): cold index ${fmt(loadedColdMs)} ms (${loaded.builds.map((b) => fmt(b.ms)).join(' / ')} ms), git log floor ${fmt(loadedFloorMs)} ms (${loaded.floors.map(fmt).join(' / ')} ms) → ${round(loadedRatio, 2)}×, target ≤ 1.5×; longest event-loop block ${round(loadedBlock, 1)} ms (${loaded.builds.map((b) => round(b.longestBlockMs, 1)).join(' / ')} ms), target ≤ 50 ms`,
      // Under load git shares the free core with the build's threads, so what they take of it is what stretches git's run.
      `  the build's own CPU time, all of its threads (parsing, indexing, the JIT compiler, the garbage collector), git's excluded: median ${fmt(buildCpu)} ms (${cpuOf(builds).map(fmt).join(' / ')} ms), ${round(buildCpu / floorMs, 2)}× git's own time (the idle floor); with one core busy ${fmt(loadedBuildCpu)} ms (${cpuOf(loaded.builds).map(fmt).join(' / ')} ms)`,
      `longest the host thread's event loop was held during a cold build: ${round(longestBlock, 1)} ms (worst of ${COLD_RUNS}; ${builds.map((b) => round(b.longestBlockMs, 1)).join(' / ')} ms): git runs in its own process, parsing and indexing on a worker thread, and the host restores the finished index in 10 ms slices`,
      `  an idle process watched as long right after each build (what the machine alone holds a thread for): ${idles.map((b) => round(b.longestBlockMs, 1)).join(' / ')} ms; with one core busy ${loaded.idles.map((b) => round(b.longestBlockMs, 1)).join(' / ')} ms`,
      `  the host thread's own work during a cold build (event-loop active time): median ${fmt(hostBusy)} ms (${builds.map((b) => fmt(b.hostBusyMs)).join(' / ')} ms); with one core busy ${fmt(loadedHostBusy)} ms (${loaded.builds.map((b) => fmt(b.hostBusyMs)).join(' / ')} ms); per-run ratios ${runsOf(ratios({ floors, builds }))} idle, ${runsOf(ratios(loaded))} loaded`,
      `peak memory of the cold build: ${round(peak.maxRssMB, 1)} MB RSS, the whole Node process (${round(peak.startRssMB, 1)} MB of it before the build: runtime and modules; git's own memory not included); the index keeps ${round(b0.heapAfterGcMB, 1)} MB of heap after GC; target ≤ 150 MB`,
      `warm suggestion for a ${PR_FILES}-file pull request: median ${round(suggest.medianMs, 2)} ms over ${SUGGEST_RUNS} runs (max ${round(suggest.maxMs, 2)}; first call ${round(suggest.firstMs, 1)} ms); target ≤ 50 ms; top: ${suggest.top.join(', ')}`,
      `  the largest the view ranks, ${LARGEST_PR_FILES} files: median ${round(largest.medianMs, 2)} ms (max ${round(largest.maxMs, 2)}; first call ${round(largest.firstMs, 1)} ms)`,
      `saved index (${fmt(store.bytes / 1024)} KiB gzipped in extension storage): loaded by a fresh store in ${fmt(store.loaded.ms)} ms, the event loop held at most ${round(store.loaded.longestBlockMs, 1)} ms; building and saving through the store held it at most ${round(store.saved.longestBlockMs, 1)} ms`,
      `incremental update after 100 new commits: median ${round(incrementalMs, 1)} ms over ${INCREMENTAL_RUNS} (${updates.map((t) => round(t, 1)).join(' / ')} ms)`,
    ],
  };
}
