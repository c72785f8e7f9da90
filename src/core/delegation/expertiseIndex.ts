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
  // What the commit being added credits, in arrays kept from commit to commit rather than made
  // for each: a cold build adds ~50,000 commits, and their short-lived arrays were a fifth of what
  // it allocated. Only the first places are the commit's; the rest are a former commit's.
  /** The distinct files' chains. */
  private readonly commitChains: PathRow[][] = [];
  /** One identity key per person credited, the authors' first, then each key's group and number. */
  private readonly commitKeys: string[] = [];
  private readonly commitGroups: string[] = [];
  private readonly commitNumbers: number[] = [];
  /** The event being credited, [time, weight, half-life in days] (see PathRow.credit). */
  private readonly event = new Float64Array(3);

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
    let credited = this.withPerson(commit.author, 0);
    for (const coAuthor of commit.coAuthors) credited = this.withPerson(coAuthor, credited);
    const authors = credited;
    if (commit.reviewers.length > 0) {
      // A trailer naming an author (self-ack) is not a second pair of eyes. The authors' groups as
      // they are now: a co-author may have joined two of them.
      for (let i = 0; i < authors; i++) this.commitGroups[i] = this.identities.find(this.commitKeys[i]);
      for (const reviewer of commit.reviewers) credited = this.withPerson(reviewer, credited);
    }
    if (commit.files.length === 0 || credited === 0) return;

    // Each path (file or directory) is credited once per commit, however many files below it
    // changed. Rows are found through each file's chain, so a commit costs no new path strings,
    // no map per commit and one lookup per file rather than one per level.
    const stamp = this.commitCount;
    const chains = this.commitChains;
    let count = 0;
    for (const f of commit.files) {
      const chain = this.chainOf(f);
      if (chain[0].creditedBy === stamp) continue;
      chain[0].creditedBy = stamp;
      chains[count++] = chain;
    }
    const event = this.event;
    event[0] = commit.time;
    event[2] = this.settings.halfLifeDays;
    const fileWeight = Math.min(1, this.settings.largeCommitFiles / count);
    for (let c = 0; c < count; c++) {
      const chain = chains[c];
      event[1] = fileWeight;
      this.creditRow(chain[0], authors, credited);
      event[1] = 1;
      for (let level = 1; level < chain.length; level++) {
        const row = chain[level];
        // A directory already credited by this commit was credited with everything above it.
        if (row.creditedBy === stamp) break;
        row.creditedBy = stamp;
        this.creditRow(row, authors, credited);
      }
    }
  }

  /**
   * Records `person` and, unless they are one of the first `count` people of the commit already,
   * adds their key to the commit's (commitKeys), with its group and number; how many it has then.
   */
  private withPerson(person: CommitRecord['author'], count: number): number {
    const key = this.identities.add(person);
    if (key === undefined) return count;
    const group = this.identities.find(key);
    const groups = this.commitGroups;
    for (let i = 0; i < count; i++) if (groups[i] === group) return count;
    let n = this.keyNumbers.get(key);
    if (n === undefined) this.keyNumbers.set(key, (n = this.keyNumbers.size));
    this.commitKeys[count] = key;
    groups[count] = group;
    this.commitNumbers[count] = n;
    return count + 1;
  }

  /** Credits the commit's first `authors` keys as authors and the rest of its first `credited` as reviewers. */
  private creditRow(row: PathRow, authors: number, credited: number): void {
    const keys = this.commitKeys;
    const numbers = this.commitNumbers;
    const event = this.event;
    for (let i = 0; i < credited; i++) row.credit(row.placeOf(keys[i], numbers[i]), i < authors ? AUTHOR : REVIEW, event);
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
