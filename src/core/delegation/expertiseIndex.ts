// Who did what where, decayed by recency, per identity key and per path (file, each directory
// above it, and the repository root). Built once from history, then fed only new commits.

import { detachedString } from '../detachedString';
import { isFiniteNumber, isRecord, isString } from '../storedValues';
import { IdentityResolver } from './identityResolver';
import type { IdentityResolverJson } from './identityResolver';
import type { MailmapEntry } from './mailmap';
import { ancestorDirectories, isDirectoryKey, normalizePath } from './paths';
import { AUTHOR, PathRow, RECENT_TIMES_KEPT, REVIEW, TimesPool, roleNumber } from './pathRow';
import type { PathEntry, PathRowJson, Role, TallyJson } from './pathRow';
import type { CommitRecord } from './types';

// The row types are pathRow.ts's; readers of the index know them from here.
export type { PathEntry, PathRowJson, Role, Tally, TallyJson } from './pathRow';

export interface IndexSettings {
  readonly halfLifeDays: number;
  /**
   * Commits touching more files than this spread a fixed amount of credit over their files, so
   * a tree-wide rename or reformat does not make its author the expert on everything.
   */
  readonly largeCommitFiles: number;
}

// 60 days: reviewing is done by whoever is active now. The backtests on libuv and node-addon-api
// are flat between 30 and 60 days and clearly worse at 180 (people's attention moves on).
export const defaultIndexSettings: IndexSettings = { halfLifeDays: 60, largeCommitFiles: 20 };

export interface ExpertiseIndexHeader {
  readonly version: 1;
  readonly repo: string;
  readonly headSha: string | undefined;
  readonly settings: IndexSettings;
  readonly commitCount: number;
  readonly lastTime: number | undefined;
  /** The oldest commit read: how far back "nobody else has changed this" reaches. Absent in files saved before it was kept. */
  readonly firstTime?: number;
  readonly identities: IdentityResolverJson;
}

export interface ExpertiseIndexJson extends ExpertiseIndexHeader {
  /** path → identity key → tallies. */
  readonly paths: Record<string, PathRowJson>;
}

const NO_KEYS: readonly string[] = [];

export class ExpertiseIndex {
  readonly identities: IdentityResolver;
  repo: string;
  /** The newest commit folded in; the next update reads `headSha..HEAD`. */
  headSha: string | undefined;
  commitCount = 0;
  lastTime: number | undefined;
  firstTime: number | undefined;
  private readonly paths = new Map<string, PathRow>();
  /** Where every row keeps its tallies' event times. */
  private readonly times = new TimesPool();
  private files: string[] = [];
  /** File name as git wrote it → the rows its credit goes to (see chainOf). */
  private readonly chains = new Map<string, PathRow[]>();
  /** Identity key → its number, by which every row finds the key's place (PathRow.placeOf). */
  private readonly keyNumbers = new Map<string, number>();
  /** The distinct files' chains of the commit being added; kept to spare an array per commit. */
  private readonly commitChains: PathRow[][] = [];
  private readonly authorNumbers: number[] = [];
  private readonly reviewerNumbers: number[] = [];

  constructor(
    readonly settings: IndexSettings = defaultIndexSettings,
    repo = '',
    identities: IdentityResolver = new IdentityResolver(),
  ) {
    this.repo = repo;
    this.identities = identities;
  }

  addMailmap(entries: readonly MailmapEntry[]): void {
    for (const e of entries) this.identities.link(e.proper, e.commit);
  }

  addCommits(commits: Iterable<CommitRecord>): void {
    for (const c of commits) this.addCommit(c);
  }

  addCommit(commit: CommitRecord): void {
    this.commitCount++;
    if (this.lastTime === undefined || commit.time > this.lastTime) this.lastTime = commit.time;
    if (this.firstTime === undefined || commit.time < this.firstTime) this.firstTime = commit.time;
    const authorKeys = commit.coAuthors.length === 0 ? soleKey(this.identities, commit.author) : uniqueKeys(this.identities, [commit.author, ...commit.coAuthors]);
    // A trailer naming the author (self-ack) is not a second pair of eyes.
    const reviewerKeys = commit.reviewers.length === 0 ? NO_KEYS : this.reviewerKeys(authorKeys, commit.reviewers);
    if (commit.files.length === 0 || (authorKeys.length === 0 && reviewerKeys.length === 0)) return;

    // Each path (file or directory) is credited once per commit, however many files below it
    // changed. Rows are found through each file's chain, so a commit costs no new path strings,
    // no map per commit and one lookup per file rather than one per level.
    const stamp = this.commitCount;
    const chains = this.commitChains;
    chains.length = 0;
    for (const f of commit.files) {
      const chain = this.chainOf(f);
      if (chain[0].creditedBy === stamp) continue;
      chain[0].creditedBy = stamp;
      chains.push(chain);
    }
    const authors = this.numbered(authorKeys, this.authorNumbers);
    const reviewers = this.numbered(reviewerKeys, this.reviewerNumbers);
    const fileWeight = Math.min(1, this.settings.largeCommitFiles / chains.length);
    for (const chain of chains) {
      this.creditRow(chain[0], authorKeys, authors, reviewerKeys, reviewers, fileWeight, commit.time);
      for (let level = 1; level < chain.length; level++) {
        const row = chain[level];
        // A directory already credited by this commit was credited with everything above it.
        if (row.creditedBy === stamp) break;
        row.creditedBy = stamp;
        this.creditRow(row, authorKeys, authors, reviewerKeys, reviewers, 1, commit.time);
      }
    }
  }

  /** The keys' numbers (see keyNumbers), written into `into`, which is reused commit after commit. */
  private numbered(keys: readonly string[], into: number[]): number[] {
    into.length = keys.length;
    for (let i = 0; i < keys.length; i++) {
      let n = this.keyNumbers.get(keys[i]);
      if (n === undefined) this.keyNumbers.set(keys[i], (n = this.keyNumbers.size));
      into[i] = n;
    }
    return into;
  }

  private creditRow(
    row: PathRow,
    authorKeys: readonly string[],
    authors: readonly number[],
    reviewerKeys: readonly string[],
    reviewers: readonly number[],
    weight: number,
    time: number,
  ): void {
    const halfLife = this.settings.halfLifeDays;
    for (let i = 0; i < authors.length; i++) row.credit(row.placeOf(authorKeys[i], authors[i]), AUTHOR, weight, time, halfLife);
    for (let i = 0; i < reviewers.length; i++) row.credit(row.placeOf(reviewerKeys[i], reviewers[i]), REVIEW, weight, time, halfLife);
  }

  /** The reviewers' keys, one per person, less the authors. */
  private reviewerKeys(authorKeys: readonly string[], reviewers: readonly CommitRecord['author'][]): readonly string[] {
    const authorGroups = authorKeys.map((k) => this.identities.find(k));
    return uniqueKeys(this.identities, reviewers, authorGroups);
  }


  /**
   * The rows a file's credit goes to: its own, then each directory above it, nearest first, then
   * the root's. Made once per file name as git writes it (so it is normalised once), and only
   * for a commit that credits someone, since every row in it is credited straight away.
   */
  private chainOf(file: string): PathRow[] {
    let chain = this.chains.get(file);
    if (!chain) {
      const path = normalizePath(file);
      // Pushed one by one: arrays made by spread and map came in two kinds, and code compiled
      // for the chains of the first commits was thrown away at the first chain of the other.
      chain = [this.rowAt(path)];
      for (const directory of ancestorDirectories(path)) chain.push(this.rowAt(directory));
      // Kept under the very string given, not a copy: the reader hands the same string for a
      // name every time (see CommitRecord.files), and a map finds that one by identity, without
      // comparing characters (a copy cost a string comparison per file of every commit).
      this.chains.set(file, chain);
    }
    return chain;
  }

  private rowAt(path: string): PathRow {
    let row = this.paths.get(path);
    if (!row) {
      const kept = detachedString(path);
      this.paths.set(kept, (row = this.newRow()));
      if (!isDirectoryKey(kept)) this.files.push(kept);
    }
    return row;
  }

  /** Entries recorded directly at a path (a file, `dir/`, or '' for the whole repository). */
  entriesAt(path: string): ReadonlyMap<string, PathEntry> | undefined {
    return this.paths.get(path)?.entries();
  }

  /** Files anyone has touched, for path similarity with files nobody has. */
  knownFiles(): readonly string[] {
    return this.files;
  }

  /** The decayed value of one role at a path for a whole person (all of their keys), at `now`. */
  personValue(path: string, personId: string, role: Role, now: number): number {
    let sum = 0;
    const row = this.paths.get(path);
    if (!row) return sum;
    const r = roleNumber(role);
    for (let place = 0; place < row.keys.length; place++) {
      if (row.has(place, r) && this.identities.find(row.keys[place]) === personId) sum += row.valueAt(place, r, now, this.settings.halfLifeDays);
    }
    return sum;
  }

  /** Event times of one person and role at a path, merged over all their keys. */
  personTimes(path: string, personId: string, role: Role): { count: number; times: number[] } {
    let count = 0;
    const times: number[] = [];
    const row = this.paths.get(path);
    if (!row) return { count, times };
    const r = roleNumber(role);
    for (let place = 0; place < row.keys.length; place++) {
      if (row.has(place, r) && this.identities.find(row.keys[place]) === personId) {
        count += row.count(row.slot(place, r));
        row.timesInto(place, r, times);
      }
    }
    return { count, times };
  }

  /**
   * Everything but the per-path rows. With pathRows() and restorePath() it lets a caller save and
   * load a big index in slices (yielding in between) instead of one long toJSON/fromJSON.
   */
  jsonHeader(): ExpertiseIndexHeader {
    return {
      version: 1,
      repo: this.repo,
      headSha: this.headSha,
      settings: this.settings,
      commitCount: this.commitCount,
      lastTime: this.lastTime,
      ...(this.firstTime !== undefined ? { firstTime: this.firstTime } : {}),
      identities: this.identities.toJSON(),
    };
  }

  /** One persisted row per recorded path (file, directory or root). */
  *pathRows(): Generator<[string, PathRowJson]> {
    for (const [path, row] of this.paths) yield [path, row.toJSON()];
  }

  toJSON(): ExpertiseIndexJson {
    return { ...this.jsonHeader(), paths: Object.fromEntries(this.pathRows()) };
  }

  /** An index with the header's identities and counters and no paths yet; restorePath() adds them. */
  static fromHeader(header: ExpertiseIndexHeader): ExpertiseIndex {
    if (header.version !== 1) throw new RangeError(`Unsupported expertise index version ${String(header.version)}`);
    const index = new ExpertiseIndex(header.settings, header.repo, IdentityResolver.fromJSON(header.identities));
    index.headSha = header.headSha;
    index.commitCount = header.commitCount;
    index.lastTime = header.lastTime;
    index.firstTime = header.firstTime;
    return index;
  }

  restorePath(path: string, row: PathRowJson): void {
    this.adoptRow(path, PathRow.fromJSON(row, this.times));
  }

  /** Every row as a map of objects; not to be changed. */
  *pathEntries(): Generator<[string, ReadonlyMap<string, PathEntry>]> {
    for (const [path, row] of this.paths) yield [path, row.entries()];
  }

  /** As restorePath, for a row of objects. */
  adoptPath(path: string, row: ReadonlyMap<string, PathEntry>): void {
    this.adoptRow(path, PathRow.fromEntries(row, this.times));
  }

  /** The rows as the index holds them, for packing it (indexTransfer.ts); not to be changed. */
  rows(): IterableIterator<[string, PathRow]> {
    return this.paths.entries();
  }

  private newRow(): PathRow {
    return new PathRow(this.times);
  }

  /** Every row's event times, copied (indexTransfer.ts). */
  timesCopy(): Float64Array {
    return this.times.copy();
  }

  /** Takes over the times of a packed index, before its rows are restored (indexTransfer.ts). */
  adoptTimes(times: Float64Array): void {
    this.times.adopt(times);
  }

  /** A row of a packed index whose times this one adopted, to be adopted (indexTransfer.ts). */
  restoredRow(keys: readonly string[], slots: Float64Array): PathRow {
    return PathRow.restored(this.times, keys, slots);
  }

  /** As restorePath, for a row made by newRow(): it is kept, not copied. */
  adoptRow(path: string, row: PathRow): void {
    this.paths.set(path, row);
    // A chain made before would still point at the row this one replaces.
    this.chains.clear();
    if (!isDirectoryKey(path)) this.files.push(path);
  }

  static fromJSON(json: ExpertiseIndexJson): ExpertiseIndex {
    const index = ExpertiseIndex.fromHeader(json);
    for (const [path, row] of Object.entries(json.paths)) index.restorePath(path, row);
    return index;
  }
}

// Saved indexes are read back from extension storage, where a damaged or foreign file may sit: a
// row of the wrong types would load silently and skew every suggestion, so rows are checked first.

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function isTally(v: unknown): v is TallyJson {
  if (!Array.isArray(v) || v.length !== 5) return false;
  const [role, value, at, count, times] = v as unknown[];
  return (
    (role === 'author' || role === 'review') &&
    isFiniteNumber(value) &&
    value >= 0 &&
    isFiniteNumber(at) &&
    isCount(count) &&
    Array.isArray(times) &&
    times.length <= RECENT_TIMES_KEPT &&
    times.every((t, i) => isFiniteNumber(t) && (i === 0 || t >= (times[i - 1] as number)))
  );
}

/** Why a saved `[path, row]` line cannot be restored, or undefined when restorePath() may take it. */
export function pathRowProblem(line: unknown): string | undefined {
  if (!Array.isArray(line) || line.length !== 2 || !isString(line[0])) return 'a line is not a [path, row] pair';
  const [path, row] = line as [string, unknown];
  if (!isRecord(row)) return `the row of "${path}" is not a record`;
  for (const [key, tallies] of Object.entries(row)) {
    if (!Array.isArray(tallies) || !tallies.every(isTally)) return `the tallies of "${key}" at "${path}" are not [role, value, at, count, times]`;
  }
  return undefined;
}

function isStringMap(v: unknown): boolean {
  return isRecord(v) && Object.values(v).every(isString);
}

/** Why a saved header cannot be restored, or undefined when fromHeader() may take it. */
export function indexHeaderProblem(header: unknown): string | undefined {
  if (!isRecord(header)) return 'the index header is not a record';
  if (header.version !== 1) return `the index version is ${JSON.stringify(header.version) ?? 'missing'}, not 1`;
  const { settings, identities } = header;
  if (!isString(header.repo) || !(header.headSha === undefined || isString(header.headSha))) return 'the index does not name its repository and HEAD';
  if (!isCount(header.commitCount) || !(header.lastTime === undefined || isFiniteNumber(header.lastTime)) || !(header.firstTime === undefined || isFiniteNumber(header.firstTime))) {
    return 'the index counters are not numbers';
  }
  if (!isRecord(settings) || !isFiniteNumber(settings.halfLifeDays) || settings.halfLifeDays <= 0 || !isFiniteNumber(settings.largeCommitFiles) || settings.largeCommitFiles <= 0) {
    return 'the index settings are not positive numbers';
  }
  const names = isRecord(identities) ? identities.names : undefined;
  const namesOk = isRecord(names) && Object.values(names).every((m) => isRecord(m) && Object.values(m).every(isCount));
  if (!isRecord(identities) || !isStringMap(identities.parent) || !isStringMap(identities.logins) || !namesOk) return 'the identities of the index are damaged';
  return undefined;
}

/** uniqueKeys for a commit with one author and no co-authors, the common case, without its lists. */
function soleKey(resolver: IdentityResolver, person: CommitRecord['author']): readonly string[] {
  const k = resolver.add(person);
  return k === undefined ? NO_KEYS : [k];
}

/**
 * One key per person among `people`, leaving out anyone in `taken` (groups already credited, which
 * it is added to). A plain loop over short lists: the map, set and filter it replaced for a commit's
 * reviewers took more of a big build's compiling than any other function.
 */
function uniqueKeys(resolver: IdentityResolver, people: readonly CommitRecord['author'][], taken: string[] = []): string[] {
  const keys: string[] = [];
  for (let i = 0; i < people.length; i++) {
    const k = resolver.add(people[i]);
    if (k === undefined) continue;
    const g = resolver.find(k);
    if (taken.includes(g)) continue;
    taken.push(g);
    keys.push(k);
  }
  return keys;
}
