// Streams one `git log --name-only` (through simple-git) over the window and parses it as it
// arrives, handing out pages of commits, instead of holding one giant string before parsing.
//
// One process, not pages of `--skip/-n`: each skipped page makes git walk every commit before it
// again, which made reading 50,000 commits several times slower than git itself. The tip is
// resolved to a sha once, so the read is a consistent snapshot while people commit, and the
// deadline and AbortSignal kill the process and are checked before each page is handed out.

import { DAY_MS } from '../core/delegation/decay';
import type { CommitRecord } from '../core/delegation/types';
import { UnknownRevisionError } from './gitErrors';
import { openGitSession } from './gitSession';
import type { GitSession, GitSessionOptions } from './gitSession';
import { CommitPager } from './commitPager';
import { countLogRecords, logArguments, parseLogOutput } from './logFormat';
import { inspectRepository, readMailmap, resolveCommit } from './repository';
import type { RepositoryInfo } from './repository';

export interface HistoryWindow {
  /** Only commits from the last N days; 0 for no date bound. */
  readonly sinceDays: number;
  /** Never more than this many commits. */
  readonly maxCommits: number;
}

export const defaultHistoryWindow: HistoryWindow = { sinceDays: 3 * 365, maxCommits: 30_000 };

/** The window the options ask for, the default where they are silent. */
export function historyWindowOf(options: Partial<HistoryWindow>): HistoryWindow {
  return { sinceDays: options.sinceDays ?? defaultHistoryWindow.sinceDays, maxCommits: options.maxCommits ?? defaultHistoryWindow.maxCommits };
}

export interface HistoryReadOptions extends Partial<HistoryWindow>, GitSessionOptions {
  /** Commits per page handed to the caller. */
  readonly pageSize?: number;
  /** Read only commits after this one (exclusive): `after..tip`. No date bound applies then. */
  readonly after?: string;
  /** Where to read from; HEAD by default. */
  readonly tip?: string;
  /**
   * The window's commits, newest first, read already (startWindowRead, for `tip`): handed out in
   * pages rather than read from git again.
   */
  readonly alreadyRead?: readonly CommitRecord[];
  readonly now?: () => number;
}

export interface HistoryRead {
  readonly repository: RepositoryInfo;
  /** The sha pages are read from, fixed when the read opened; undefined in an empty repository. */
  readonly tip: string | undefined;
  /** The repository's .mailmap text ('' if none), for identities in trailers. */
  readonly mailmap: string;
  /** Newest first, at most `pageSize` commits each. */
  pages(): AsyncGenerator<CommitRecord[]>;
  /** Known once pages() has finished: true when the commit cap cut the window short. */
  readonly truncated: boolean;
}

// Small pages: the caller indexes one while git writes the next (see CommitPager), so reading and
// indexing overlap and little parsed history is held at once. On 50,000 commits this was both
// faster and ~40 MB lighter than pages of 2,000; pages of 500 still let a waiting page outlive
// young-generation GCs often enough that 3 builds in 22 peaked ~35 MB higher (0 in 20 at 250).
const DEFAULT_PAGE_SIZE = 250;

export async function openHistory(dir: string, options: HistoryReadOptions = {}): Promise<HistoryRead> {
  return openHistoryIn(await openGitSession(dir, options), options);
}

/** As openHistory, within a session the caller already opened (one deadline for the whole job). */
export async function openHistoryIn(session: GitSession, options: Omit<HistoryReadOptions, keyof GitSessionOptions> = {}, known?: RepositoryInfo): Promise<HistoryRead> {
  const repository = known ?? (await inspectRepository(session));
  // HEAD's sha as the inspection found it needs no second look (the inspection may have been made
  // on another thread, in another session, which would otherwise ask git again).
  const tip = options.tip === undefined || options.tip === repository.headSha ? repository.headSha : await resolveCommit(session, options.tip);
  if (options.tip !== undefined && tip === undefined) throw new UnknownRevisionError(options.tip);
  let after: string | undefined;
  if (options.after !== undefined) {
    after = await resolveCommit(session, options.after);
    if (after === undefined) throw new UnknownRevisionError(options.after);
  }
  const mailmap = await readMailmap(repository.root);
  const window = historyWindowOf(options);
  const now = options.now ?? Date.now;
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  let truncated = false;

  return {
    repository,
    tip,
    mailmap,
    get truncated() {
      return truncated;
    },
    async *pages() {
      if (tip === undefined) return;
      const { alreadyRead } = options;
      if (alreadyRead) {
        for (let at = 0; at < alreadyRead.length; at += pageSize) {
          session.throwIfStopped();
          yield alreadyRead.slice(at, at + pageSize);
        }
        return;
      }
      // One git process for the whole window.
      const pager = new CommitPager(pageSize, window.maxCommits);
      const reading = session
        .stream(historyLogArguments(tip, window, now, after), pager.onBytes)
        .then(() => pager.end())
        .finally(() => pager.close());
      // A failure is thrown below, once the pages read before it are handed out.
      reading.catch(() => undefined);
      // The caller may have aborted while a page waited: no page after that.
      yield* pager.pages(() => session.throwIfStopped());
      await reading;
      truncated = pager.truncated;
    },
  };
}

/**
 * The `git log` that reads the window at `tip`, or every commit of `after..tip` when `after` is
 * given. One commit more than the cap is asked for, so that its arrival tells that the cap cut
 * the window short.
 */
export function historyLogArguments(tip: string, window: HistoryWindow, now: () => number, after?: string): string[] {
  const args = logArguments();
  // An incremental read wants every new commit, however old its author date claims to be.
  if (after === undefined) args.push(...sinceArguments(window.sinceDays, now));
  args.push(`--max-count=${window.maxCommits + 1}`, '--end-of-options', after === undefined ? tip : `${after}..${tip}`);
  return args;
}

/** git's date bound for a window of the last `sinceDays` days (none for 0). */
function sinceArguments(sinceDays: number, now: () => number): string[] {
  return sinceDays > 0 ? [`--since=${new Date(now() - sinceDays * DAY_MS).toISOString()}`] : [];
}

/** The start of the window at HEAD, asked for before HEAD's sha is known (startWindowRead). */
export interface WindowStart {
  /** The commits in the window, counted no further than the limit + 1: quick, for deciding on. */
  readonly count: Promise<number>;
  /**
   * All of the window, newest first (HEAD's commit first), when it holds no more than the limit;
   * undefined when it holds more, or the read was stopped or failed (it is then read as usual).
   */
  readonly commits: Promise<readonly CommitRecord[] | undefined>;
  /** Stops the read, when its commits will not be wanted (a large window, an index to update). */
  stop(): void;
}

/**
 * Counts the window at HEAD as far as `limit + 1` commits and, beside the count, reads it as far
 * as that: both beside the repository's inspection rather than after it (HEAD's sha is not known
 * yet). A small history is then read once, while the inspection runs; the caller checks the first
 * commit against HEAD's sha as the inspection found it (HEAD may have moved in between), and stops
 * the read when the count says the window is large. The count alone decides: a read of 501
 * commits' files takes git longer than counting them, and a large build should not wait for it.
 */
export function startWindowRead(session: GitSession, window: HistoryWindow, limit: number, now: () => number = Date.now): WindowStart {
  // Started first, and outside the queue the count and the inspection wait in.
  const read = session.collect(historyLogArguments('HEAD', { ...window, maxCommits: Math.min(window.maxCommits, limit) }, now));
  const commits = read.output.then((bytes) => (countLogRecords(bytes) > limit ? undefined : parseLogOutput(bytes)));
  return { count: countWindowCommits(session, 'HEAD', window, limit, now), commits: commits.catch(() => undefined), stop: read.stop };
}

/**
 * How many commits the window at `tip` holds, counted no further than `limit + 1`: enough to tell
 * whether it holds more than `limit`, at the cost of walking that many commits rather than all.
 */
export async function countWindowCommits(session: GitSession, tip: string, window: HistoryWindow, limit: number, now: () => number = Date.now): Promise<number> {
  const max = Math.min(window.maxCommits, limit + 1);
  // Beside the session's queue: asked before a first build, it need not wait for anything.
  const out = await session.collect(['rev-list', '--count', `--max-count=${max}`, ...sinceArguments(window.sinceDays, now), '--end-of-options', tip]).output;
  return Number.parseInt(out.toString('latin1').trim(), 10);
}

/** Convenience: the pages of `openHistory`, for callers that need nothing else. */
export async function* readHistory(dir: string, options: HistoryReadOptions = {}): AsyncGenerator<CommitRecord[]> {
  const history = await openHistory(dir, options);
  yield* history.pages();
}

/** Commits in `fromSha..tip` (HEAD by default), newest first: what an index at `fromSha` is missing. */
export async function readHistoryRange(dir: string, fromSha: string, options: Omit<HistoryReadOptions, 'after'> = {}): Promise<CommitRecord[]> {
  const history = await openHistory(dir, { ...options, after: fromSha });
  const out: CommitRecord[] = [];
  for await (const page of history.pages()) out.push(...page);
  return out;
}
