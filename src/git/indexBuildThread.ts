// Runs a cold index build on a worker thread. Reading 50,000 commits means parsing ~10 MB of git
// output and crediting every file of every commit: even cut into slices, that is seconds of the
// extension host's thread, shared with every other extension and the UI. On a worker the host only
// receives progress and restores the finished index in slices. When no worker can
// start (no bundle beside this one, as under a TypeScript loader), the caller builds on its thread.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExpertiseIndex } from '../core/delegation/expertiseIndex';
import { IndexUnpacker } from '../core/delegation/indexTransfer';
import type { TimeSlicer } from '../core/delegation/slicedFold';
import type { CommitRecord } from '../core/delegation/types';
import { GitAbortedError } from './gitErrors';
import type { FileOutput } from './fileStream';
import { INDEX_WORKER_FLAG, receivedError, sendableError, type ColdBuildRequest, type HostMessage, type WorkerMessage } from './indexWorkerProtocol';

/**
 * The worker's young generation. What it allocates is short-lived (git's text, parsed commits
 * folded a page later), so a small one is collected as cheaply; V8's default let the whole
 * process peak ~10–15 MB higher on 50,000 commits (146–150 MB against 160–161 MB, same CPU time).
 */
const YOUNG_GENERATION_MB = 8;

export interface OffThreadBuild {
  readonly index: ExpertiseIndex;
  readonly commitsRead: number;
  readonly truncated: boolean;
  readonly latestShaByEmail: ReadonlyMap<string, string>;
}

/** The build's `git log`, started on this thread before the worker (GitSession.startIntoFile). */
export interface StartedLog {
  readonly args: readonly string[];
  readonly output: FileOutput;
}

export interface OffThreadHooks {
  readonly onPage?: (page: readonly CommitRecord[]) => void | Promise<void>;
  readonly onProgress?: (commitsRead: number) => void | Promise<void>;
  readonly signal?: AbortSignal;
  /** How restoring the index shares the host's event loop. */
  readonly slicer: TimeSlicer;
}

/** The worker's bundle beside this one (dist/indexWorker.js beside dist/features.js), if there is one. */
export function bundledIndexWorker(): string | undefined {
  if (typeof __filename !== 'string' || !/\.c?js$/.test(__filename)) return undefined;
  const script = join(dirname(__filename), 'indexWorker.js');
  return existsSync(script) ? script : undefined;
}

/**
 * The build's result, or undefined when the worker could not start (the caller then builds on
 * its own thread). Once the worker has said anything, its failures are the build's: a fallback
 * then would read the history twice and show its pages twice.
 *
 * With `log`, the worker reads the git already started rather than starting one: git works while
 * the worker thread starts up (~50 ms, a twentieth of git's time on 50,000 commits). Its end is
 * passed on to the worker; once the worker has exited, it is stopped if it still runs and its
 * file is closed, before the build settles: nothing of the build is left running or open then.
 */
export function buildOffThread(script: string, request: ColdBuildRequest, hooks: OffThreadHooks, log?: StartedLog): Promise<OffThreadBuild | undefined> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      const data = { [INDEX_WORKER_FLAG]: true, request: log ? { ...request, log: { args: log.args, fd: log.output.fd } } : request };
      worker = new Worker(script, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    } catch {
      if (log) void log.output.release().then(() => resolve(undefined));
      else resolve(undefined);
      return;
    }
    const released = log ? followedBy(worker, log.output) : Promise.resolve();
    let heard = false;
    let settled = false;
    // Messages are handled one after another, each after the last one's awaits.
    let handled = Promise.resolve();

    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      void released.then(settle);
    };
    const onAbort = (): void => finish(() => reject(new GitAbortedError()));

    const handle = async (message: WorkerMessage): Promise<void> => {
      if (settled) return;
      switch (message.kind) {
        case 'page':
          await hooks.onPage?.(message.commits);
          return;
        case 'progress':
          await hooks.onProgress?.(message.commitsRead);
          return;
        case 'built': {
          // Everything the worker had is in this message: its memory can go before the restore.
          void worker.terminate();
          const unpacker = new IndexUnpacker(message.index, ExpertiseIndex.fromHeader(message.index.header));
          await hooks.slicer.each(message.index.paths, () => unpacker.next());
          const { commitsRead, truncated, latest } = message;
          return finish(() => resolve({ index: unpacker.index, commitsRead, truncated, latestShaByEmail: new Map(latest) }));
        }
        case 'failed':
          return finish(() => reject(receivedError(message.error)));
      }
    };

    worker.on('message', (message: WorkerMessage) => {
      heard = true;
      handled = handled.then(() => handle(message)).catch((err: unknown) => finish(() => reject(asError(err))));
    });
    // After the messages already sent: a failure reported just before the end is the one to give.
    const stopped = (err: unknown): void => {
      handled = handled.then(() => finish(() => (heard ? reject(asError(err)) : resolve(undefined))));
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`Building the expertise index stopped before it finished (its thread exited with code ${code}). Ask again to rebuild it.`)));
    if (hooks.signal?.aborted) onAbort();
    else hooks.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Tells the worker when the git it reads has exited; once the worker is gone, stops git and closes
 * its file. Resolves when that is done.
 */
function followedBy(worker: Worker, output: FileOutput): Promise<void> {
  let running = true;
  const tell = (message: HostMessage): void => {
    if (running) worker.postMessage(message);
  };
  output.exited.then(
    () => tell({ kind: 'logEnded' }),
    (err: unknown) => tell({ kind: 'logEnded', error: sendableError(err) }),
  );
  return new Promise((resolve) => {
    worker.once('exit', () => {
      running = false;
      void output.release().then(resolve);
    });
  });
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
