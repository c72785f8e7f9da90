// Brings a stored expertise index up to date with a repository: reuse it when HEAD has not
// moved, read only `lastSha..HEAD` when HEAD descends from it, rebuild otherwise.

import { defaultIndexSettings } from '../core/delegation/expertiseIndex';
import type { ExpertiseIndex, IndexSettings } from '../core/delegation/expertiseIndex';
import { emptyIndex, oldestFirst, planIndexUpdate } from '../core/delegation/indexUpdate';
import { parseMailmap } from '../core/delegation/mailmap';
import { TimeSlicer, type SliceClock } from '../core/delegation/slicedFold';
import type { CommitRecord } from '../core/delegation/types';
import { openHistoryIn } from './historyReader';
import type { HistoryReadOptions } from './historyReader';
import { openGitSession, type GitSession } from './gitSession';
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
  /** A session the caller already opened on `dir` and what it found there: no second set of git processes to learn it again. */
  readonly opened?: { readonly session: GitSession; readonly info: RepositoryInfo };
  /** How indexing shares the event loop; tests pass a fake clock. */
  readonly slices?: SliceClock;
}

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
}

export async function refreshExpertiseIndex(dir: string, previous: ExpertiseIndex | undefined, options: RefreshOptions = {}): Promise<RefreshResult> {
  const settings = options.settings ?? defaultIndexSettings;
  const session = options.opened?.session ?? (await openGitSession(dir, options));
  const info = options.opened?.info ?? (await inspectRepository(session));
  const repo = options.repo ?? info.root;
  const target = { repo, headSha: info.headSha, settings };
  let plan = planIndexUpdate(previous, target);
  let rebuildReason: string | undefined = plan.kind === 'rebuild' ? plan.reason : undefined;

  if (plan.kind === 'upToDate' && previous) return { index: previous, mode: 'upToDate', commitsRead: 0, shallow: info.shallow, truncated: false };
  if (plan.kind === 'incremental' && info.headSha !== undefined && !(await isAncestor(session, plan.fromSha, info.headSha))) {
    plan = { kind: 'rebuild', reason: 'noBase' };
    rebuildReason = 'history was rewritten';
  }

  const slicer = new TimeSlicer(options.slices ?? hostSlices);
  const fold = (index: ExpertiseIndex) => (commit: CommitRecord) => index.addCommit(commit);
  const read = async (incremental: boolean) => {
    const index = incremental && previous ? previous : emptyIndex(target);
    const history = await openHistoryIn(session, { ...options, tip: info.headSha, ...(incremental && plan.kind === 'incremental' ? { after: plan.fromSha } : {}) }, info);
    index.addMailmap(parseMailmap(history.mailmap));
    let commitsRead = 0;
    const commits: CommitRecord[] = [];
    for await (const page of history.pages()) {
      commitsRead += page.length;
      if (incremental) commits.push(...page);
      else await slicer.each(page, fold(index)); // a full build folds pages in as they come, so memory stays one page
      await options.onPage?.(page);
    }
    return { index, commits, commitsRead, truncated: history.truncated };
  };

  let incremental = plan.kind === 'incremental' && previous !== undefined;
  let result = await read(incremental);
  if (incremental && result.truncated) {
    // More new commits than the window holds: the old index would mix with a cut-off window.
    incremental = false;
    rebuildReason = 'more new commits than the window holds';
    result = await read(false);
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
  };
}
