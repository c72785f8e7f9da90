// Who did what where, decayed by recency, per identity key and per path (file, each directory
// above it, and the repository root). Built once from history, then fed only new commits.

import { addDecayed, decayedAt } from './decay';
import type { DecayedValue } from './decay';
import { detachedString } from '../detachedString';
import { isFiniteNumber, isRecord, isString } from '../storedValues';
import { IdentityResolver } from './identityResolver';
import type { IdentityResolverJson } from './identityResolver';
import type { MailmapEntry } from './mailmap';
import { ancestorDirectories, isDirectoryKey, normalizePath } from './paths';
import type { CommitRecord } from './types';

export type Role = 'author' | 'review';

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

/** Kept per tally so reasons can say "5 changes in the last 6 months" without storing all history. */
const RECENT_TIMES_KEPT = 64;

export interface Tally extends DecayedValue {
  count: number;
  /** Most recent event times, ascending, at most RECENT_TIMES_KEPT. */
  times: number[];
}

export interface PathEntry {
  author?: Tally;
  review?: Tally;
}

/** [role, value, at, count, times]: compact because it is persisted. */
export type TallyJson = [Role, number, number, number, number[]];
/** Identity key → its tallies at one path. */
export type PathRowJson = Record<string, TallyJson[]>;

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

/** Identity key → what it did at one path. */
type Row = Map<string, PathEntry>;

/**
 * A row as crediting reaches it: its entries also by the number of their identity key (see
 * keyNumber), so crediting costs an array read rather than a string lookup, and the number of the
 * last commit that credited it, so "already credited by this commit" needs no set.
 */
interface RowSlot {
  readonly row: Row;
  readonly byKeyNumber: (PathEntry | undefined)[];
  creditedBy: number;
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
  private readonly paths = new Map<string, Row>();
  private files: string[] = [];
  /** File name as git wrote it → the rows its credit goes to (see chainOf). */
  private readonly chains = new Map<string, RowSlot[]>();
  /** Path → its row's slot, made when crediting first reaches the row. */
  private readonly slots = new Map<string, RowSlot>();
  /** Identity key → its number in every slot's byKeyNumber. */
  private readonly keyNumbers = new Map<string, number>();
  /** The distinct files' chains of the commit being added; kept to spare an array per commit. */
  private readonly commitChains: RowSlot[][] = [];
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
        const slot = chain[level];
        // A directory already credited by this commit was credited with everything above it.
        if (slot.creditedBy === stamp) break;
        slot.creditedBy = stamp;
        this.creditRow(slot, authorKeys, authors, reviewerKeys, reviewers, 1, commit.time);
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
    slot: RowSlot,
    authorKeys: readonly string[],
    authors: readonly number[],
    reviewerKeys: readonly string[],
    reviewers: readonly number[],
    weight: number,
    time: number,
  ): void {
    for (let i = 0; i < authors.length; i++) this.credit(this.entryOf(slot, authorKeys[i], authors[i]), 'author', weight, time);
    for (let i = 0; i < reviewers.length; i++) this.credit(this.entryOf(slot, reviewerKeys[i], reviewers[i]), 'review', weight, time);
  }

  private entryOf(slot: RowSlot, key: string, keyNumber: number): PathEntry {
    let e = slot.byKeyNumber[keyNumber];
    if (e === undefined) {
      // A row restored from a saved index may hold the key already.
      e = slot.row.get(key);
      if (e === undefined) slot.row.set(key, (e = {}));
      slot.byKeyNumber[keyNumber] = e;
    }
    return e;
  }

  private reviewerKeys(authorKeys: readonly string[], reviewers: readonly CommitRecord['author'][]): readonly string[] {
    const authorGroups = authorKeys.map((k) => this.identities.find(k));
    return uniqueKeys(this.identities, reviewers).filter((k) => !authorGroups.includes(this.identities.find(k)));
  }

  /**
   * The rows a file's credit goes to: its own, then each directory above it, nearest first, then
   * the root's. Made once per file name as git writes it (so it is normalised once), and only
   * for a commit that credits someone, since every row in it is credited straight away.
   */
  private chainOf(file: string): RowSlot[] {
    let chain = this.chains.get(file);
    if (!chain) {
      const path = normalizePath(file);
      chain = [path, ...ancestorDirectories(path)].map((p) => this.slotAt(p));
      this.chains.set(detachedString(file), chain);
    }
    return chain;
  }

  private slotAt(path: string): RowSlot {
    let slot = this.slots.get(path);
    if (!slot) {
      let row = this.paths.get(path);
      const kept = detachedString(path);
      if (!row) {
        this.paths.set(kept, (row = new Map<string, PathEntry>()));
        if (!isDirectoryKey(kept)) this.files.push(kept);
      }
      this.slots.set(kept, (slot = { row, byKeyNumber: [], creditedBy: -1 }));
    }
    return slot;
  }

  /** Entries recorded directly at a path (a file, `dir/`, or '' for the whole repository). */
  entriesAt(path: string): ReadonlyMap<string, PathEntry> | undefined {
    return this.paths.get(path);
  }

  /** Files anyone has touched, for path similarity with files nobody has. */
  knownFiles(): readonly string[] {
    return this.files;
  }

  /** The decayed value of one role at a path for a whole person (all of their keys), at `now`. */
  personValue(path: string, personId: string, role: Role, now: number): number {
    let sum = 0;
    for (const [k, e] of this.paths.get(path) ?? []) {
      const t = e[role];
      if (t && this.identities.find(k) === personId) sum += decayedAt(t, now, this.settings.halfLifeDays);
    }
    return sum;
  }

  /** Event times of one person and role at a path, merged over all their keys. */
  personTimes(path: string, personId: string, role: Role): { count: number; times: number[] } {
    let count = 0;
    const times: number[] = [];
    for (const [k, e] of this.paths.get(path) ?? []) {
      const t = e[role];
      if (t && this.identities.find(k) === personId) {
        count += t.count;
        times.push(...t.times);
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
    for (const [path, byKey] of this.paths) {
      const row: PathRowJson = {};
      for (const [k, e] of byKey) {
        const tallies: TallyJson[] = [];
        for (const role of ['author', 'review'] as const) {
          const t = e[role];
          if (t) tallies.push([role, t.value, t.at, t.count, t.times]);
        }
        row[k] = tallies;
      }
      yield [path, row];
    }
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
    const byKey = new Map<string, PathEntry>();
    for (const [k, tallies] of Object.entries(row)) {
      const e: PathEntry = {};
      for (const [role, value, at, count, times] of tallies) e[role] = { value, at, count, times: [...times] };
      byKey.set(k, e);
    }
    this.adoptPath(path, byKey);
  }

  /** The rows as the index holds them, for packing it (indexTransfer.ts); not to be changed. */
  pathEntries(): IterableIterator<[string, ReadonlyMap<string, PathEntry>]> {
    return this.paths.entries();
  }

  /** As restorePath, for a row made for this index alone (indexTransfer.ts): it is kept, not copied. */
  adoptPath(path: string, row: Map<string, PathEntry>): void {
    this.paths.set(path, row);
    // A chain or slot made before would still point at the row this one replaces.
    this.slots.delete(path);
    this.chains.clear();
    if (!isDirectoryKey(path)) this.files.push(path);
  }

  static fromJSON(json: ExpertiseIndexJson): ExpertiseIndex {
    const index = ExpertiseIndex.fromHeader(json);
    for (const [path, row] of Object.entries(json.paths)) index.restorePath(path, row);
    return index;
  }

  private credit(e: PathEntry, role: Role, weight: number, time: number): void {
    let t = e[role];
    if (!t) e[role] = t = { value: 0, at: time, count: 0, times: [] };
    addDecayed(t, weight, time, this.settings.halfLifeDays);
    t.count++;
    insertTime(t.times, time);
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

/** uniqueKeys for a commit with one author and no co-authors, the common case, without its set. */
function soleKey(resolver: IdentityResolver, person: CommitRecord['author']): readonly string[] {
  const k = resolver.add(person);
  return k === undefined ? NO_KEYS : [k];
}

function uniqueKeys(resolver: IdentityResolver, people: readonly CommitRecord['author'][]): string[] {
  const keys: string[] = [];
  const groups = new Set<string>();
  for (const p of people) {
    const k = resolver.add(p);
    if (k === undefined) continue;
    const g = resolver.find(k);
    if (groups.has(g)) continue;
    groups.add(g);
    keys.push(k);
  }
  return keys;
}

function insertTime(times: number[], time: number): void {
  // A full build adds commits newest first: once the list is full, older times would only be
  // inserted at the front to be dropped again. Until then they go to the front (unshift, which
  // unlike splice allocates no array of removed items), and an update's new commits to the back.
  const n = times.length;
  if (n >= RECENT_TIMES_KEPT && time <= times[0]) return;
  if (n === 0 || time >= times[n - 1]) times.push(time);
  else if (time <= times[0]) times.unshift(time);
  else {
    let i = n - 1;
    while (times[i - 1] > time) i--;
    times.splice(i, 0, time);
  }
  if (times.length > RECENT_TIMES_KEPT) times.shift();
}
