// The index builder's own bundle (dist/indexWorker.js), run only on a worker thread: it reads the
// history git writes (a git the host started before this thread, see buildOffThread, or else its
// own), parses and folds it without slicing (nothing else waits on this thread), and hands the
// finished index to the extension host packed in one buffer (indexTransfer.ts).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { SliceClock } from '../core/delegation/slicedFold';
import { refreshExpertiseIndex } from './expertiseRefresh';
import { BUFFERED_OUTPUT_ENV, openGitSession, type StartedOutput } from './gitSession';
import { packIndex } from '../core/delegation/indexTransfer';
import { COLD_BUILD_THROUGH_FILE, INDEX_WORKER_FLAG, receivedError, sendableError, type ColdBuildRequest, type HostMessage, type WorkerMessage } from './indexWorkerProtocol';

/**
 * Progress goes to the host at most this often. Every message wakes the host's thread (which is
 * every other extension's too): once per page, 200 of them for 50,000 commits, took 40–50 ms of
 * its time; a count that moves 20 times a second reads just as well.
 */
const PROGRESS_EVERY_MS = 50;

/** Folds on without pausing: on this thread a pause would only make the build longer. */
const unsliced: SliceClock = { now: () => 0, pause: () => Promise.resolve(), budgetMs: Number.POSITIVE_INFINITY };

interface Port {
  postMessage(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: HostMessage) => void): void;
}

/** The git the host started for this build, if it did: its file, and its exit as the host tells it. */
function startedBy(request: ColdBuildRequest, port: Port): { started?: StartedOutput } {
  if (!request.log) return {};
  const { args, fd } = request.log;
  const exited = new Promise<void>((resolve, reject) => {
    port.on('message', (message) => {
      if (message.kind !== 'logEnded') return;
      if (message.error) reject(receivedError(message.error));
      else resolve();
    });
  });
  // Heard by the read that follows the file; a failure before it starts is not an unhandled one.
  exited.catch(() => undefined);
  return { started: { args, fd, exited } };
}

async function serveBuild(port: Port, request: ColdBuildRequest): Promise<void> {
  try {
    const session = await openGitSession(request.dir, { throughFile: COLD_BUILD_THROUGH_FILE, ...startedBy(request, port), ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}), ...(request.binary !== undefined ? { binary: request.binary } : {}) });
    const built = await refreshExpertiseIndex(request.dir, undefined, {
      repo: request.repo,
      settings: request.settings,
      ...(request.sinceDays !== undefined ? { sinceDays: request.sinceDays } : {}),
      ...(request.maxCommits !== undefined ? { maxCommits: request.maxCommits } : {}),
      ...(request.pageSize !== undefined ? { pageSize: request.pageSize } : {}),
      now: () => request.nowMs,
      opened: { session, info: request.info },
      indexWorker: false,
      slices: unsliced,
      ...(request.sendPages ? { onPage: (page) => port.postMessage({ kind: 'page', commits: [...page] }) } : {}),
      ...(request.sendProgress ? { onProgress: everySoOften((commitsRead) => port.postMessage({ kind: 'progress', commitsRead })) } : {}),
    });
    const index = packIndex(built.index);
    const message: WorkerMessage = { kind: 'built', index, commitsRead: built.commitsRead, truncated: built.truncated, latest: [...built.latestShaByEmail] };
    port.postMessage(message, [index.numbers.buffer as ArrayBuffer, index.times.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ kind: 'failed', error: sendableError(err) });
  }
}

/** `report` for the first call and then for a call at least PROGRESS_EVERY_MS after the last one it passed on. */
function everySoOften(report: (commitsRead: number) => void): (commitsRead: number) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (commitsRead) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    report(commitsRead);
  };
}

if (!isMainThread && parentPort !== null && (workerData as Record<string, unknown> | null)?.[INDEX_WORKER_FLAG] === true) {
  // This thread's environment is a copy of the host's: the host's own stays as it is.
  Object.assign(process.env, BUFFERED_OUTPUT_ENV);
  void serveBuild(parentPort, (workerData as { request: ColdBuildRequest }).request);
}
