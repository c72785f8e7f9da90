// What one path (a file, a directory or the repository root) of an expertise index holds, kept
// flat: per identity key and role, the decayed value, its time, the count and the recent event
// times sit in a few arrays at the key's place in the row, instead of an object per key, an
// object per tally and a map per row. A cold build of a big history credits rows some 400,000
// times and ends with ~60,000 tallies: as objects, allocating them and the garbage collector's
// copying of them cost about as much as the crediting itself.
//
// Readers that want objects (entries()) get them made once per row and kept until it changes.

import { valueAfter, valueAt } from './decay';
import type { DecayedValue } from './decay';

export type Role = 'author' | 'review';

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

/** Kept per tally so reasons can say "5 changes in the last 6 months" without storing all history. */
export const RECENT_TIMES_KEPT = 64;

/** A tally's number in its role: its slot is 2 × its key's place + this. */
export const AUTHOR = 0;
export const REVIEW = 1;
export type RoleNumber = typeof AUTHOR | typeof REVIEW;

const ROLES: readonly Role[] = ['author', 'review'];

/** Shared by every absent tally; a tally gets an array of its own when first credited. */
const NO_TIMES: number[] = [];

export function roleNumber(role: Role): RoleNumber {
  return role === 'author' ? AUTHOR : REVIEW;
}

export class PathRow {
  /** Identity keys, in the order they were first credited or restored. */
  readonly keys: string[] = [];
  // Per slot (2 × place + role number):
  readonly values: number[] = [];
  readonly ats: number[] = [];
  /** -1 where the key has no tally of that role. */
  readonly counts: number[] = [];
  /**
   * The most recent event times, newest first, at most RECENT_TIMES_KEPT: a full build reads
   * history newest first, so each time is appended rather than inserted at the front.
   */
  readonly times: number[][] = [];
  /** The number of the last commit that credited the row, so "already credited by this commit" needs no set. */
  creditedBy = -1;
  /** Key number (see ExpertiseIndex.numbered) → place + 1, filled in as crediting meets keys. */
  private readonly places: number[] = [];
  private view: Map<string, PathEntry> | undefined;

  /** The place of `key` (numbered `keyNumber` by the index), added if the row has none yet. */
  placeOf(key: string, keyNumber: number): number {
    const known = this.places[keyNumber];
    if (known !== undefined) return known - 1;
    // A restored row may hold the key already.
    let place = this.keys.indexOf(key);
    if (place < 0) place = this.addKey(key);
    this.places[keyNumber] = place + 1;
    return place;
  }

  addKey(key: string): number {
    const place = this.keys.length;
    this.keys.push(key);
    for (let r = 0; r < 2; r++) {
      this.values.push(0);
      this.ats.push(0);
      this.counts.push(-1);
      this.times.push(NO_TIMES);
    }
    this.view = undefined;
    return place;
  }

  /** Adds an event of `weight` at `time` (see addDecayed) to a key's tally of a role. */
  credit(place: number, role: RoleNumber, weight: number, time: number, halfLifeDays: number): void {
    const s = 2 * place + role;
    const count = this.counts[s];
    if (count < 0) {
      this.set(s, valueAfter(0, time, weight, time, halfLifeDays), time, 1, [time]);
      return;
    }
    const at = this.ats[s];
    this.values[s] = valueAfter(this.values[s], at, weight, time, halfLifeDays);
    if (time >= at) this.ats[s] = time;
    this.counts[s] = count + 1;
    keepTime(this.times[s], time);
    this.view = undefined;
  }

  /** Sets a key's tally of a role outright (restoring); the row keeps `timesNewestFirst`. */
  put(place: number, role: RoleNumber, value: number, at: number, count: number, timesNewestFirst: number[]): void {
    this.set(2 * place + role, value, at, count, timesNewestFirst);
  }

  private set(s: number, value: number, at: number, count: number, times: number[]): void {
    this.values[s] = value;
    this.ats[s] = at;
    this.counts[s] = count;
    this.times[s] = times;
    this.view = undefined;
  }

  has(place: number, role: RoleNumber): boolean {
    return this.counts[2 * place + role] >= 0;
  }

  /** The decayed value of a tally at `now` (0 for an absent one). */
  valueAt(place: number, role: RoleNumber, now: number, halfLifeDays: number): number {
    const s = 2 * place + role;
    return this.counts[s] < 0 ? 0 : valueAt(this.values[s], this.ats[s], now, halfLifeDays);
  }

  /** Appends a tally's event times, oldest first, to `into`. */
  timesInto(place: number, role: RoleNumber, into: number[]): void {
    const times = this.times[2 * place + role];
    for (let i = times.length - 1; i >= 0; i--) into.push(times[i]);
  }

  /** The row as a map of objects, made when first asked for after a change; not to be changed. */
  entries(): ReadonlyMap<string, PathEntry> {
    if (!this.view) {
      const view = new Map<string, PathEntry>();
      for (let place = 0; place < this.keys.length; place++) {
        const entry: PathEntry = {};
        if (this.has(place, AUTHOR)) entry.author = this.tally(2 * place + AUTHOR);
        if (this.has(place, REVIEW)) entry.review = this.tally(2 * place + REVIEW);
        view.set(this.keys[place], entry);
      }
      this.view = view;
    }
    return this.view;
  }

  private tally(s: number): Tally {
    const times: number[] = [];
    this.timesInto(s >> 1, (s & 1) as RoleNumber, times);
    return { value: this.values[s], at: this.ats[s], count: this.counts[s], times };
  }

  /** The row as persisted. */
  toJSON(): PathRowJson {
    const row: PathRowJson = {};
    for (let place = 0; place < this.keys.length; place++) {
      const tallies: TallyJson[] = [];
      for (const r of [AUTHOR, REVIEW] as const) {
        const s = 2 * place + r;
        if (this.counts[s] < 0) continue;
        const times: number[] = [];
        this.timesInto(place, r, times);
        tallies.push([ROLES[r], this.values[s], this.ats[s], this.counts[s], times]);
      }
      row[this.keys[place]] = tallies;
    }
    return row;
  }

  static fromJSON(json: PathRowJson): PathRow {
    const row = new PathRow();
    for (const [key, tallies] of Object.entries(json)) {
      const place = row.addKey(key);
      for (const [role, value, at, count, times] of tallies) row.put(place, roleNumber(role), value, at, count, [...times].reverse());
    }
    return row;
  }

  static fromEntries(entries: ReadonlyMap<string, PathEntry>): PathRow {
    const row = new PathRow();
    for (const [key, entry] of entries) {
      const place = row.addKey(key);
      for (const role of ROLES) {
        const t = entry[role];
        if (t) row.put(place, roleNumber(role), t.value, t.at, t.count, [...t.times].reverse());
      }
    }
    return row;
  }
}

/**
 * Keeps `time` among the newest RECENT_TIMES_KEPT of a newest-first list. Only the set of times
 * kept matters (equal times are the same number), so an event as old as the oldest kept one is
 * dropped from a full list, as it would be dropped again at once.
 */
function keepTime(times: number[], time: number): void {
  const n = times.length;
  // Older than all kept: every commit of a full build but the first at a row.
  if (n === 0 || time <= times[n - 1]) {
    if (n < RECENT_TIMES_KEPT) times.push(time);
    return;
  }
  if (time >= times[0]) times.unshift(time); // an update's new commits
  else {
    let i = 1;
    while (times[i] > time) i++;
    times.splice(i, 0, time);
  }
  if (times.length > RECENT_TIMES_KEPT) times.pop();
}
