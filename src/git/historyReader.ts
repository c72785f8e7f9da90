// Streams `git log --name-only` page by page instead of buffering one giant string.
//
// Why pages rather than one streamed process: simple-git buffers a command's whole stdout before
// resolving, even when an outputHandler watches the stream, so a single `git log` over 30,000
// commits would hold all of it in memory twice. Paging `--skip/-n` from a tip resolved once to a
// sha keeps memory to one page, gives a consistent snapshot while people commit, and leaves a
// point between pages to honour the deadline and AbortSignal. Skipped commits are only walked,
// not diffed, so the cost of skipping is small next to the diffs themselves.

import { DAY_MS } from '../core/delegation/decay';
import type { CommitRecord } from '../core/delegation/types';
import { UnknownRevisionError } from './gitErrors';
import { openGitSession } from './gitSession';
import type { GitSession, GitSessionOptions } from './gitSession';
import { logArguments, parseLogOutput } from './logFormat';
import { inspectRepository, readMailmap, resolveCommit } from './repository';
import type { RepositoryInfo } from './repository';

export interface HistoryWindow {
  /** Only commits from the last N days; 0 for no date bound. */
  readonly sinceDays: number;
  /** Never more than this many commits. */
  readonly maxCommits: number;
}

export const defaultHistoryWindow: HistoryWindow = { sinceDays: 3 * 365, maxCommits: 30_000 };

export interface HistoryReadOptions extends Partial<HistoryWindow>, GitSessionOptions {
  /** Commits per git process. */
  readonly pageSize?: number;
  /** Read only commits after this one (exclusive): `after..tip`. No date bound applies then. */
  readonly after?: string;
  /** Where to read from; HEAD by default. */
  readonly tip?: string;
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

const DEFAULT_PAGE_SIZE = 2_000;

export async function openHistory(dir: string, options: HistoryReadOptions = {}): Promise<HistoryRead> {
  return openHistoryIn(await openGitSession(dir, options), options);
}

/** As openHistory, within a session the caller already opened (one deadline for the whole job). */
export async function openHistoryIn(session: GitSession, options: Omit<HistoryReadOptions, keyof GitSessionOptions> = {}, known?: RepositoryInfo): Promise<HistoryRead> {
  const repository = known ?? (await inspectRepository(session));
  const tip = options.tip === undefined ? repository.headSha : await resolveCommit(session, options.tip);
  if (options.tip !== undefined && tip === undefined) throw new UnknownRevisionError(options.tip);
  let after: string | undefined;
  if (options.after !== undefined) {
    after = await resolveCommit(session, options.after);
    if (after === undefined) throw new UnknownRevisionError(options.after);
  }
  const mailmap = await readMailmap(repository.root);
  const window: HistoryWindow = {
    sinceDays: options.sinceDays ?? defaultHistoryWindow.sinceDays,
    maxCommits: options.maxCommits ?? defaultHistoryWindow.maxCommits,
  };
  const now = options.now ?? Date.now;
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  let truncated = false;

  const baseArgs = (probe = false): string[] => {
    const args = logArguments(probe);
    // An incremental read wants every new commit, however old its author date claims to be.
    if (after === undefined && window.sinceDays > 0) args.push(`--since=${new Date(now() - window.sinceDays * DAY_MS).toISOString()}`);
    return args;
  };
  const range = (): string => (after === undefined ? (tip as string) : `${after}..${tip as string}`);

  return {
    repository,
    tip,
    mailmap,
    get truncated() {
      return truncated;
    },
    async *pages() {
      if (tip === undefined) return;
      let read = 0;
      while (read < window.maxCommits) {
        const n = Math.min(pageSize, window.maxCommits - read);
        const page = parseLogOutput(await session.run([...baseArgs(), `--skip=${read}`, `--max-count=${n}`, '--end-of-options', range()]));
        read += page.length;
        if (page.length > 0) yield page;
        if (page.length < n) return;
        session.throwIfStopped();
      }
      const probe = await session.run([...baseArgs(true), `--skip=${read}`, '--max-count=1', '--end-of-options', range()]);
      truncated = probe.trim() !== '';
    },
  };
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
