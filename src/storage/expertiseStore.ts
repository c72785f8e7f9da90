// The expertise index of each repository, built from git history once and then kept up to date:
// it is saved in extension storage stamped with the repository and the HEAD it was built from,
// and a new HEAD that descends from that one costs only the commits in between.

import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ExpertiseIndex, defaultIndexSettings, indexHeaderProblem, pathRowProblem, type ExpertiseIndexHeader, type PathRowJson } from '../core/delegation/expertiseIndex';
import type { Logger } from '../core/logger';
import { isRecord, isString } from '../core/storedValues';
import { openGitSession } from '../git/gitSession';
import { readBeforeBuild, refreshExpertiseIndex } from '../git/expertiseRefresh';
import { inspectRepository } from '../git/repository';
import { readGzipLines, writeGzipLines } from './gzipLinesFile';
import { errorText } from '../core/errorText';

// 2: one JSON line for the header, then one per path, so a big index is saved and loaded in
// slices that yield to the host (v1 was one document, a single parse of ~200 ms at 50k commits).
const STORE_VERSION = 2;
/** Paths saved or restored between yields: a few ms of work each time at most (~45 ms at 500 on 50k commits). */
const ROWS_PER_SLICE = 100;

export interface HistoryWindowSettings {
  readonly historyDays: number;
  readonly maxCommits: number;
  /** Deadline for one build or update. */
  readonly timeoutMs: number;
}

export interface RepositoryExpertise {
  readonly index: ExpertiseIndex;
  /** The work tree's top folder, as git reports it. */
  readonly root: string;
  readonly headSha: string | undefined;
  /** History is cut short by a shallow clone: suggestions come from what exists. */
  readonly shallow: boolean;
  /** The commit cap ended the window before the date bound did. */
  readonly truncated: boolean;
  /** A recent commit per author email (lower case), to ask GitHub whose email it is. */
  readonly sampleShas: ReadonlyMap<string, string>;
  /** How this call got the index: from memory or disk as it was, updated, or built from scratch. */
  readonly how: 'cached' | 'updated' | 'built';
  /** Commits read from git by this call. */
  readonly commitsRead: number;
}

interface EntryMeta {
  readonly window: string;
  readonly root: string;
  readonly shallow: boolean;
  readonly truncated: boolean;
}

interface Entry {
  readonly meta: EntryMeta;
  readonly index: ExpertiseIndex;
  readonly samples: Map<string, string>;
}

/** The file's first line; each further line is one `[path, row]` of the index. */
interface StoredHeader extends EntryMeta {
  readonly version: number;
  readonly sampleShas: Record<string, string>;
  readonly index: ExpertiseIndexHeader;
}

/** Why a saved file's first line cannot be used, or undefined when it can. */
function storedHeaderProblem(header: Record<string, unknown>): string | undefined {
  if (!isString(header.window) || typeof header.shallow !== 'boolean' || typeof header.truncated !== 'boolean') return 'the history window it was built for is not readable';
  if (!isRecord(header.sampleShas) || !Object.values(header.sampleShas).every(isString)) return 'the sample commits per email are not commit ids';
  return indexHeaderProblem(header.index);
}

export interface BuildProgress {
  (commitsRead: number): void;
}

function windowKey(w: HistoryWindowSettings): string {
  return `${w.historyDays}d/${w.maxCommits}`;
}

/** Gives control back to the extension host between pages, so a long build never freezes it. */
const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Saves still being written, by file: one store's save is waited for by any store that reads it. */
const pendingSaves = new Map<string, Promise<void>>();

/**
 * A save starts this long after the build: by then the answer the index was built for has been
 * ranked and its questions to GitHub sent. Started at once, its gzip came first, and a first
 * "Who Knows This File?" on a small repository waited ~10 ms for a file nobody needed yet.
 */
const SAVE_DELAY_MS = 50;
const afterTheAnswer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS));

export class ExpertiseStore {
  private readonly memory = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<RepositoryExpertise>>();

  /** @param storageDir where index files go (extension storage); undefined keeps them in memory only. */
  constructor(
    private readonly storageDir: string | undefined,
    private readonly log: Logger,
  ) {}

  /**
   * The index for the repository containing `dir`, built or brought up to date as needed. Calls
   * for the same folder while one is running share it.
   */
  get(dir: string, window: HistoryWindowSettings, progress?: BuildProgress, signal?: AbortSignal): Promise<RepositoryExpertise> {
    const key = `${dir}\n${windowKey(window)}`;
    let running = this.inFlight.get(key);
    if (!running) {
      running = this.load(dir, window, progress, signal).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  /**
   * The index already in memory for the repository at `root` (git's top folder, or a folder
   * whose real path is it), without touching git or the disk: for callers on a hot path.
   */
  peek(root: string): RepositoryExpertise | undefined {
    const entry = this.memory.get(root) ?? [...this.memory.values()].find((e) => e.meta.root === root);
    return entry ? this.result(entry, entry.meta.shallow, 'cached', 0) : undefined;
  }

  /** Whether an index in memory covers `dir` (its repository's top folder or a folder below it). */
  private knows(dir: string): boolean {
    return [...this.memory.values()].some((e) => {
      const inside = path.relative(e.meta.root, dir);
      return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside));
    });
  }

  /**
   * Brings the index up to date with refreshExpertiseIndex, adding what the editor needs on top:
   * progress and a yield to the host after every page, and keeping the recent commit per author
   * email it found, for asking GitHub who that email belongs to.
   */
  private async load(dir: string, window: HistoryWindowSettings, progress: BuildProgress | undefined, signal: AbortSignal | undefined): Promise<RepositoryExpertise> {
    const session = await openGitSession(dir, { timeoutMs: window.timeoutMs, signal });
    // With nothing in memory for this folder a first build is likely, and where it runs depends
    // on how many commits the window holds: that is asked beside the inspection, not after it
    // (and a small window is read then, whole).
    const windowStart = this.knows(dir) ? undefined : readBeforeBuild(session, { sinceDays: window.historyDays, maxCommits: window.maxCommits });
    const repository = await inspectRepository(session);
    const wkey = windowKey(window);
    const cached = this.memory.get(repository.root) ?? (await this.readFile(repository.root));
    const usable = cached && cached.meta.window === wkey ? cached : undefined;

    const refreshed = await refreshExpertiseIndex(dir, usable?.index, {
      opened: { session, info: repository },
      repo: repository.root,
      settings: defaultIndexSettings,
      sinceDays: window.historyDays,
      maxCommits: window.maxCommits,
      timeoutMs: window.timeoutMs,
      signal,
      ...(windowStart ? { windowStart } : {}),
      onProgress: async (read) => {
        progress?.(read);
        await yieldToHost();
      },
    });
    if (usable && refreshed.mode === 'upToDate') {
      this.memory.set(repository.root, usable);
      return this.result(usable, repository.shallow, 'cached', 0);
    }
    const incremental = usable !== undefined && refreshed.mode === 'incremental';
    const latest = refreshed.latestShaByEmail;
    const samples = incremental ? new Map([...usable.samples, ...latest]) : new Map(latest);
    const entry: Entry = { index: refreshed.index, samples, meta: { window: wkey, root: repository.root, shallow: repository.shallow, truncated: incremental ? usable.meta.truncated : refreshed.truncated } };
    this.memory.set(repository.root, entry);
    // The answer does not wait for the save (on a first build of a large history, seconds of
    // gzip and disk); whoever reads the file next, in this host, waits for it instead.
    this.save(repository.root, entry);
    this.log.info(`expertise index for ${repository.root}: ${incremental ? `${refreshed.commitsRead} new commits` : `built from ${refreshed.commitsRead} commits${refreshed.rebuildReason ? ` (${refreshed.rebuildReason})` : ''}${refreshed.offThread ? ' on a worker thread' : " on the host's thread"}`}${repository.shallow ? ' (shallow clone)' : ''}${refreshed.truncated ? ' (commit cap reached)' : ''}`);
    return this.result(entry, repository.shallow, incremental ? 'updated' : 'built', refreshed.commitsRead);
  }

  private result(entry: Entry, shallow: boolean, how: RepositoryExpertise['how'], commitsRead: number): RepositoryExpertise {
    return { index: entry.index, root: entry.meta.root, headSha: entry.index.headSha, shallow, truncated: entry.meta.truncated, sampleShas: entry.samples, how, commitsRead };
  }

  /** Resolves once every save started so far has finished. */
  async saved(): Promise<void> {
    await Promise.all(pendingSaves.values());
  }

  private save(root: string, entry: Entry): void {
    const file = this.fileFor(root);
    if (!file) return;
    const previous = pendingSaves.get(file) ?? Promise.resolve();
    const saving: Promise<void> = previous.then(afterTheAnswer).then(() => this.writeFile(root, entry)).finally(() => {
      if (pendingSaves.get(file) === saving) pendingSaves.delete(file);
    });
    pendingSaves.set(file, saving);
  }

  private fileFor(root: string): string | undefined {
    if (!this.storageDir) return undefined;
    const hash = createHash('sha256').update(root).digest('hex').slice(0, 20);
    return path.join(this.storageDir, `expertise-${hash}.json.gz`);
  }

  private async readFile(root: string): Promise<Entry | undefined> {
    const file = this.fileFor(root);
    if (!file) return undefined;
    await pendingSaves.get(file);
    try {
      let stored: StoredHeader | undefined;
      let index: ExpertiseIndex | undefined;
      let rows = 0;
      for await (const line of readGzipLines(file)) {
        if (!stored || !index) {
          const header: unknown = JSON.parse(line);
          // An older format is not damage: the rebuild replaces it without a word.
          if (!isRecord(header) || header.version !== STORE_VERSION || header.root !== root) return undefined;
          const problem = storedHeaderProblem(header);
          if (problem) throw new Error(problem);
          stored = header as unknown as StoredHeader;
          index = ExpertiseIndex.fromHeader(stored.index);
          continue;
        }
        const row: unknown = JSON.parse(line);
        const problem = pathRowProblem(row);
        if (problem) throw new Error(problem);
        const [path, tallies] = row as [string, PathRowJson];
        index.restorePath(path, tallies);
        if (++rows % ROWS_PER_SLICE === 0) await yieldToHost();
      }
      if (!stored || !index) throw new Error('the file is empty');
      const meta: EntryMeta = { window: stored.window, root: stored.root, shallow: stored.shallow, truncated: stored.truncated };
      return { meta, index, samples: new Map(Object.entries(stored.sampleShas)) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A damaged file only costs a rebuild. It is removed now, so that if the rebuild fails too
      // the next look does not warn about the same file again.
      this.log.warn(`ignoring the saved expertise index for ${root} and rebuilding it from git history: ${errorText(err)}`);
      await rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
  }

  private async writeFile(root: string, entry: Entry): Promise<void> {
    const file = this.fileFor(root);
    if (!file) return;
    const header: StoredHeader = { version: STORE_VERSION, ...entry.meta, sampleShas: Object.fromEntries(entry.samples), index: entry.index.jsonHeader() };
    async function* lines(): AsyncGenerator<string> {
      yield JSON.stringify(header);
      let rows = 0;
      for (const row of entry.index.pathRows()) {
        yield JSON.stringify(row);
        if (++rows % ROWS_PER_SLICE === 0) await yieldToHost();
      }
    }
    try {
      // Another update of this index ran while we yielded: its rows no longer match the header,
      // and that update saves the index itself.
      await writeGzipLines(file, lines(), () => entry.index.commitCount === header.index.commitCount);
    } catch (err) {
      this.log.warn(`could not save the expertise index for ${root}: ${errorText(err)}`);
    }
  }
}
