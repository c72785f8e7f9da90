// Brings a stored expertise index up to date with a repository: reuse it when HEAD has not
// moved, read only `lastSha..HEAD` when HEAD descends from it, rebuild otherwise.

import { defaultIndexSettings } from '../core/delegation/expertiseIndex';
import type { ExpertiseIndex, IndexSettings } from '../core/delegation/expertiseIndex';
import { emptyIndex, oldestFirst, planIndexUpdate } from '../core/delegation/indexUpdate';
import { parseMailmap } from '../core/delegation/mailmap';
import { TimeSlicer, type SliceClock } from '../core/delegation/slicedFold';
import type { CommitRecord } from '../core/delegation/types';
import { countWindowCommits, historyLogArguments, historyWindowOf, openHistoryIn, startWindowRead, type WindowStart } from './historyReader';
import { buildOffThread, bundledIndexWorker, type StartedLog } from './indexBuildThread';
import { noteLatestCommits } from './latestCommits';
import type { HistoryReadOptions } from './historyReader';
import { openGitSession, type GitSession } from './gitSession';
import { COLD_BUILD_THROUGH_FILE, type ColdBuildRequest } from './indexWorkerProtocol';
import { inspectRepository, isAncestor, type RepositoryInfo } from './repository';

export interface RefreshOptions extends Omit<HistoryReadOptions, 'after' | 'tip'> {
  readonly settings?: IndexSettings;
  /** How the index names the repository; its root path by default. */
  readonly repo?: string;
  /**
   * Called with every page of commits read, newest first, before the next page is read: for
   * progress, for yielding to an editor's event loop, or for noting facts the index does not keep.
   */
  readonly onPage?: (page: readonly CommitRecord[]) => void | Promise<void>;
  /**
   * Called after every page with the number of commits read so far: progress (and a yield to the
   * host) without the pages themselves, which a build on a worker thread would have to copy over.
   */
  readonly onProgress?: (commitsRead: number) => void | Promise<void>;
  /** A session the caller already opened on `dir` and what it found there: no second set of git processes to learn it again. */
  readonly opened?: { readonly session: GitSession; readonly info: RepositoryInfo };
  /** How indexing shares the event loop; tests pass a fake clock. */
  readonly slices?: SliceClock;
  /**
   * The worker script a cold build runs in (see indexBuildThread.ts); by default the bundle beside
   * this one, when there is one. false builds on this thread.
   */
  readonly indexWorker?: string | false;
  /**
   * A cold build of a window holding at most this many commits stays on this thread, worker or
   * not (default SMALL_HISTORY_COMMITS); 0 sends every cold build to the worker.
   */
  readonly hostBuildCommits?: number;
  /**
   * The start of the window as readBeforeBuild asked for it from HEAD, when the caller asked early
   * (beside its own inspection); counted here otherwise.
   */
  readonly windowStart?: WindowStart;
}

/**
 * Up to here a cold build costs the host less than a worker does. Starting a worker and restoring
 * the index it hands back costs ~25 ms before any work, about what folding 500 commits here costs
 * (in slices, so the host is never held); a first answer on a small repository should not wait
 * for it. Above it, the worker keeps seconds of parsing and crediting off the host.
 */
export const SMALL_HISTORY_COMMITS = 500;

/**
 * Indexing runs in slices of at most this long, with the host's pending work run in between: the
 * extension host is shared with every other extension, so it is never held much longer (a slice,
 * plus a garbage collection that may fall in it), well under the 50 ms a hold is felt at.
 */
const SLICE_BUDGET_MS = 10;

const hostSlices: SliceClock = {
  now: () => performance.now(),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  budgetMs: SLICE_BUDGET_MS,
};

export interface RefreshResult {
  readonly index: ExpertiseIndex;
  readonly mode: 'upToDate' | 'incremental' | 'rebuilt';
  /** Why a rebuild was needed, for the log. */
  readonly rebuildReason?: string;
  readonly commitsRead: number;
  /** History stops early in a shallow clone: say so rather than present partial expertise as whole. */
  readonly shallow: boolean;
  /** The commit cap cut the history window short. */
  readonly truncated: boolean;
  /** The history was read and folded on a worker thread. */
  readonly offThread?: boolean;
  /** The most recent commit read per author email (lower case), for asking GitHub whose email it is. */
  readonly latestShaByEmail: ReadonlyMap<string, string>;
}

export async function refreshExpertiseIndex(dir: string, previous: ExpertiseIndex | undefined, options: RefreshOptions = {}): Promise<RefreshResult> {
  const settings = options.settings ?? defaultIndexSettings;
  const session = options.opened?.session ?? (await openGitSession(dir, options));
  const script = options.indexWorker ?? bundledIndexWorker();
  // A first build may go to the worker, which depends on the window's size: read beside the
  // inspection rather than after it, as one more git process in line would delay the build.
  const windowStart = options.windowStart ?? (previous === undefined && options.opened === undefined && script ? readBeforeBuild(session, options) : undefined);
  const info = options.opened?.info ?? (await inspectRepository(session));
  const repo = options.repo ?? info.root;
  const target = { repo, headSha: info.headSha, settings };
  let plan = planIndexUpdate(previous, target);
  let rebuildReason: string | undefined = plan.kind === 'rebuild' ? plan.reason : undefined;

  // A first build's early read of the window is for a rebuild only.
  if (plan.kind !== 'rebuild') windowStart?.stop();
  if (plan.kind === 'upToDate' && previous) return { index: previous, mode: 'upToDate', commitsRead: 0, shallow: info.shallow, truncated: false, latestShaByEmail: new Map() };
  if (plan.kind === 'incremental' && info.headSha !== undefined && !(await isAncestor(session, plan.fromSha, info.headSha))) {
    plan = { kind: 'rebuild', reason: 'noBase' };
    rebuildReason = 'history was rewritten';
  }

  const slicer = new TimeSlicer(options.slices ?? hostSlices);
  const fold = (index: ExpertiseIndex) => (commit: CommitRecord) => index.addCommit(commit);
  const read = async (incremental: boolean, alreadyRead?: readonly CommitRecord[]) => {
    const index = incremental && previous ? previous : emptyIndex(target);
    const history = await openHistoryIn(session, { ...options, tip: info.headSha, ...(incremental && plan.kind === 'incremental' ? { after: plan.fromSha } : {}), ...(alreadyRead ? { alreadyRead } : {}) }, info);
    index.addMailmap(parseMailmap(history.mailmap));
    let commitsRead = 0;
    const commits: CommitRecord[] = [];
    const latestShaByEmail = new Map<string, string>();
    for await (const page of history.pages()) {
      commitsRead += page.length;
      noteLatestCommits(latestShaByEmail, page);
      if (incremental) commits.push(...page);
      else await slicer.each(page, fold(index)); // a full build folds pages in as they come, so memory stays one page
      await options.onPage?.(page);
      await options.onProgress?.(commitsRead);
    }
    return { index, commits, commitsRead, truncated: history.truncated, latestShaByEmail };
  };

  // A full build goes to a worker thread when one can start. An update of a few commits stays
  // here: starting a worker and handing the whole index back would cost more than it saves.
  let offThread = false;
  const rebuild = async () => {
    if (script && info.headSha !== undefined && !(await holdsFewCommits(session, info.headSha, options, windowStart))) {
      windowStart?.stop();
      const request = coldBuildRequest(dir, info, repo, settings, options);
      const built = await buildOffThread(script, request, { onPage: options.onPage, onProgress: options.onProgress, signal: options.signal, slicer }, await startColdLog(session, request));
      offThread = built !== undefined;
      if (built) return { ...built, commits: [] as CommitRecord[] };
    }
    return read(false, await startOfWindow(windowStart, info.headSha));
  };

  let incremental = plan.kind === 'incremental' && previous !== undefined;
  let result = incremental ? await read(true) : await rebuild();
  if (incremental && result.truncated) {
    // More new commits than the window holds: the old index would mix with a cut-off window.
    incremental = false;
    rebuildReason = 'more new commits than the window holds';
    result = await rebuild();
  }
  if (info.headSha !== undefined) {
    await slicer.each(oldestFirst(result.commits), fold(result.index));
    result.index.headSha = info.headSha;
  }
  return {
    index: result.index,
    mode: incremental ? 'incremental' : 'rebuilt',
    ...(rebuildReason !== undefined && !incremental ? { rebuildReason } : {}),
    commitsRead: result.commitsRead,
    shallow: info.shallow,
    truncated: result.truncated,
    latestShaByEmail: result.latestShaByEmail,
    ...(offThread ? { offThread } : {}),
  };
}

/**
 * The start of the window from HEAD as a first build wants it (RefreshOptions.windowStart): how
 * many commits it holds, and all of them when they are few enough to be folded on this thread.
 * For a caller to ask beside the repository's inspection; undefined when no count will be wanted.
 */
export function readBeforeBuild(session: GitSession, options: Pick<RefreshOptions, 'sinceDays' | 'maxCommits' | 'hostBuildCommits' | 'now'>): WindowStart | undefined {
  const limit = options.hostBuildCommits ?? SMALL_HISTORY_COMMITS;
  if (limit !== SMALL_HISTORY_COMMITS || historyWindowOf(options).maxCommits <= limit) return undefined;
  const start = startWindowRead(session, historyWindowOf(options), limit, options.now);
  // An empty repository has no HEAD to count from; it is never built on the worker anyway.
  start.count.catch(() => undefined);
  return start;
}

/**
 * Whether the window at `tip` is small enough to build on this thread (see SMALL_HISTORY_COMMITS).
 * `early` is the start of the window read from HEAD early (see RefreshOptions.windowStart).
 */
async function holdsFewCommits(session: GitSession, tip: string, options: RefreshOptions, early: WindowStart | undefined): Promise<boolean> {
  const limit = options.hostBuildCommits ?? SMALL_HISTORY_COMMITS;
  const window = historyWindowOf(options);
  if (window.maxCommits <= limit) return true;
  if (limit <= 0) return false;
  const counted = limit === SMALL_HISTORY_COMMITS ? await early?.count.catch(() => undefined) : undefined;
  return (counted ?? (await countWindowCommits(session, tip, window, limit, options.now))) <= limit;
}

/**
 * The window's commits as read early from HEAD, when that read holds all of them and began at
 * `headSha`, the commit the inspection found; undefined otherwise, and the window is read again
 * from `headSha`: HEAD moved in between, or the read found nothing, which tells nothing about
 * where it began.
 */
async function startOfWindow(early: WindowStart | undefined, headSha: string | undefined): Promise<readonly CommitRecord[] | undefined> {
  const commits = await early?.commits;
  return commits && commits.length > 0 && commits[0].sha === headSha ? commits : undefined;
}

/**
 * The worker's `git log`, started here and now where it writes into a file, so that git works
 * while the worker starts up; undefined where it does not (the worker then starts it).
 */
async function startColdLog(session: GitSession, request: ColdBuildRequest): Promise<StartedLog | undefined> {
  if (!COLD_BUILD_THROUGH_FILE || request.info.headSha === undefined) return undefined;
  const args = historyLogArguments(request.info.headSha, historyWindowOf(request), () => request.nowMs);
  const output = await session.startIntoFile(args);
  return output && { args, output };
}

/** The build as plain data for the worker: the clock is read now, the window and deadline passed on. */
function coldBuildRequest(dir: string, info: RepositoryInfo, repo: string, settings: IndexSettings, options: RefreshOptions): ColdBuildRequest {
  return {
    dir,
    info,
    repo,
    settings,
    nowMs: (options.now ?? Date.now)(),
    sendPages: options.onPage !== undefined,
    sendProgress: options.onProgress !== undefined,
    ...(options.sinceDays !== undefined ? { sinceDays: options.sinceDays } : {}),
    ...(options.maxCommits !== undefined ? { maxCommits: options.maxCommits } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.binary !== undefined ? { binary: options.binary } : {}),
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
  };
}
