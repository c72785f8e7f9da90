// One cold expertise-index build in a fresh process, for delegation.bench.ts: a fresh process so
// the timing includes cold JIT (as the extension's first build does) and so the peak RSS belongs
// to this build alone. Prints one JSON line (ChildReport).
//
//   node --expose-gc <this file bundled by esbuild> <build|read> <dir> <sinceDays> <maxCommits> <timeoutMs>
//   node <this file bundled by esbuild> idle <ms>
//
// `build` does what the extension does on a cache miss (refreshExpertiseIndex with no previous
// index, yielding to the event loop after every page): with the index builder's bundle beside this
// one (out/bench/indexWorker.js), on a worker thread as in the editor; `read` only reads the same history
// through the reader and drops it, to split the build's time into reading and indexing; `idle` only
// watches its event loop for as long, with nothing to do: on a busy machine the scheduler alone
// holds a thread for tens of milliseconds, and this shows how long at that moment.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { refreshExpertiseIndex } from '../../../src/git/expertiseRefresh';
import { BUFFERED_OUTPUT_ENV } from '../../../src/git/gitSession';
import { openHistory } from '../../../src/git/historyReader';

export interface ChildReport {
  readonly mode: 'build' | 'read' | 'idle';
  readonly ms: number;
  readonly commitsRead: number;
  /** Pages read (read mode), or progress reports the host received (build mode; the worker sends at most one per 50 ms). */
  readonly pages: number;
  readonly truncated: boolean;
  /** What the index says it holds (build only). */
  readonly indexCommits?: number;
  readonly knownFiles?: number;
  readonly people?: number;
  readonly refreshMode?: string;
  /** The build ran on a worker thread, so longestBlockMs is the host thread's alone (build only). */
  readonly offThread?: boolean;
  /** Peak resident set of this process (not its git children), MB. */
  readonly maxRssMB: number;
  /** RSS once modules were loaded, before the build, MB. */
  readonly startRssMB: number;
  /** Heap still used after a full GC with the index alive, MB: what keeping the index costs. */
  readonly heapAfterGcMB: number;
  /**
   * The longest the event loop was held during the build or read, ms: in the editor, the longest
   * the extension host could not answer anything else (its other extensions, its UI requests).
   */
  readonly longestBlockMs: number;
  /** CPU time of all of this process's threads during the build or read (git's excluded), ms. */
  readonly cpuMs?: number;
  /** How long this thread (the one that would be the extension host) was busy rather than idle during the build or read, ms. */
  readonly hostBusyMs: number;
}

const MB = 1024 * 1024;
const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function main(): Promise<void> {
  const [mode, dir, sinceDays, maxCommits, timeoutMs] = process.argv.slice(2);
  if (mode === 'idle') return idle(Number(dir));
  if ((mode !== 'build' && mode !== 'read') || !dir) throw new Error('usage: delegationIndexChild.ts <build|read> <dir> <sinceDays> <maxCommits> <timeoutMs>');
  const window = { sinceDays: Number(sinceDays), maxCommits: Number(maxCommits), timeoutMs: Number(timeoutMs) };
  const startRssMB = process.memoryUsage().rss / MB;
  let pages = 0;
  let report: Omit<ChildReport, 'maxRssMB' | 'startRssMB' | 'heapAfterGcMB' | 'longestBlockMs' | 'hostBusyMs'>;

  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const utilization = performance.eventLoopUtilization();
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  if (mode === 'build') {
    const result = await refreshExpertiseIndex(dir, undefined, {
      ...window,
      repo: 'bench',
      onProgress: async () => {
        pages++;
        await yieldToHost();
      },
    });
    const ms = performance.now() - started;
    const people = new Set<string>();
    for (const key of result.index.entriesAt('')?.keys() ?? []) people.add(result.index.identities.find(key));
    report = {
      mode,
      ms,
      commitsRead: result.commitsRead,
      pages,
      truncated: result.truncated,
      indexCommits: result.index.commitCount,
      knownFiles: result.index.knownFiles().length,
      people: people.size,
      refreshMode: result.mode,
      offThread: result.offThread === true,
    };
    // Keeps the index reachable through the GC below, so the heap figure includes it.
    (globalThis as { keep?: unknown }).keep = result.index;
  } else {
    // Read as the index builder's thread reads: git buffering its output, into a file.
    Object.assign(process.env, BUFFERED_OUTPUT_ENV);
    const history = await openHistory(dir, { ...window, throughFile: true });
    let commitsRead = 0;
    for await (const page of history.pages()) {
      commitsRead += page.length;
      pages++;
      await yieldToHost();
    }
    report = { mode, ms: performance.now() - started, commitsRead, pages, truncated: history.truncated };
  }

  loop.disable();
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const hostBusyMs = performance.eventLoopUtilization(utilization).active;
  const longestBlockMs = loop.max / 1e6;
  const maxRssMB = (process.resourceUsage().maxRSS * 1024) / MB; // maxRSS is in KiB
  globalThis.gc?.();
  const heapAfterGcMB = process.memoryUsage().heapUsed / MB;
  const out: ChildReport = { ...report, maxRssMB, startRssMB, heapAfterGcMB, longestBlockMs, hostBusyMs, cpuMs };
  console.log(JSON.stringify(out));
}

/** The event loop of a process with nothing to do, watched for `ms`. */
async function idle(ms: number): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const utilization = performance.eventLoopUtilization();
  await new Promise((resolve) => setTimeout(resolve, ms));
  loop.disable();
  const hostBusyMs = performance.eventLoopUtilization(utilization).active;
  const rssMB = process.memoryUsage().rss / MB;
  const out: ChildReport = { mode: 'idle', ms, commitsRead: 0, pages: 0, truncated: false, maxRssMB: rssMB, startRssMB: rssMB, heapAfterGcMB: 0, longestBlockMs: loop.max / 1e6, hostBusyMs };
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
