// What one path (a file, a directory or the repository root) of an expertise index holds, kept
// flat: per identity key and role, the decayed value, its time and the count sit at the key's
// place in one typed array per row, and the recent event times in one buffer per index (see
// TimesPool), instead of an object per key, an object and an array per tally and a map per row.
// A cold build of a big history credits rows some 450,000 times and ends with ~57,000 tallies: as
// objects, allocating them and the garbage collector's copying of them cost about as much as the
// crediting itself.
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

// A tally's numbers, at SLOT × its slot (2 × its key's place + its role number) in `slots`.
const SLOT = 6;
/** How many numbers a key takes in a row's slots: a tally's for each role. */
export const NUMBERS_PER_KEY = 2 * SLOT;
const VALUE = 0;
const AT = 1;
/** -1 where the key has no tally of that role. */
const COUNT = 2;
/** Where its times sit in `pool`, how many fit there, and how many there are. */
const START = 3;
const ROOM = 4;
const LENGTH = 5;
/** Room given to a tally's first time: most tallies of a big history hold only a few. */
const FIRST_ROOM = 4;
/** Room a row is first given for keys: a file's row of a big history holds about ten. */
const FIRST_KEYS = 8;

export function roleNumber(role: Role): RoleNumber {
  return role === 'author' ? AUTHOR : REVIEW;
}

/**
 * The recent event times of every tally of one index's rows, newest first per tally (a full
 * build reads history newest first, so each time is appended). One buffer for them all rather
 * than an array per tally: it sits outside the heap the garbage collector copies about, and it
 * is allocated a dozen times per build rather than ~100,000 times. A tally that outgrows its
 * room moves to the end with twice as much; the room it leaves is not reused (at most as much
 * again as the times, until the index is packed or saved and loaded).
 */
export class TimesPool {
  buffer: Float64Array<ArrayBufferLike> = new Float64Array(1024);
  private used = 0;

  /** Room for `n` times at the end; where it starts. */
  reserve(n: number): number {
    if (this.used + n > this.buffer.length) {
      const buffer = new Float64Array(Math.max(2 * this.buffer.length, this.used + n));
      buffer.set(this.buffer.subarray(0, this.used));
      this.buffer = buffer;
    }
    const start = this.used;
    this.used += n;
    return start;
  }

  /** The times in use, copied: with the rows' slots, all that another index needs to share none of this one's. */
  copy(): Float64Array {
    return this.buffer.slice(0, this.used);
  }

  /**
   * Takes over another pool's times (a copy(), moved from another thread) for rows restored with
   * PathRow.restored; only an empty pool can, as their slots say where their times sit.
   */
  adopt(times: Float64Array): void {
    // Not translated: a mistake in the code, never shown for anything the lead did.
    if (this.used > 0) throw new Error('Only an empty pool of times can adopt another.');
    this.buffer = times;
    this.used = times.length;
  }
}

export class PathRow {
  /** Identity keys, in the order they were first credited or restored. */
  readonly keys: string[] = [];
  /** The number of the last commit that credited the row, so "already credited by this commit" needs no set. */
  creditedBy = -1;
  /**
   * In a typed array, grown by doubling: rows are made by the thousand when an index is restored,
   * and arrays grown a number at a time left as much garbage behind as they held.
   */
  private slots: Float64Array<ArrayBufferLike> = new Float64Array(0);
  /** Key number (see ExpertiseIndex.keyNumbers) → place + 1, filled in as crediting meets keys. */
  private readonly places: number[] = [];
  /**
   * Whether the row holds keys that `places` does not know (it was restored): only then can a key
   * crediting meets for the first time be one the row holds already. A row that crediting built
   * spares itself the search, ~43,000 of them in a cold build of 50,000 commits.
   */
  private unplacedKeys = false;
  private view: Map<string, PathEntry> | undefined;

  /** A row whose times go in `pool`, its index's. */
  constructor(private readonly pool: TimesPool) {}

  /**
   * A row from the keys and slots of another (see packedSlots), whose times `pool` has adopted.
   * The slots are kept, not copied.
   */
  static restored(pool: TimesPool, keys: readonly string[], slots: Float64Array): PathRow {
    const row = new PathRow(pool);
    row.keys.push(...keys);
    row.slots = slots;
    row.unplacedKeys = true;
    return row;
  }

  /** The row's numbers for its keys (a view, not a copy); they point at its times in the pool. */
  packedSlots(): Float64Array {
    return this.slots.subarray(0, NUMBERS_PER_KEY * this.keys.length);
  }

  /** The place of `key` (numbered `keyNumber` by the index), added if the row has none yet. */
  placeOf(key: string, keyNumber: number): number {
    const known = this.places[keyNumber];
    if (known !== undefined) return known - 1;
    let place = this.unplacedKeys ? this.keys.indexOf(key) : -1;
    if (place < 0) place = this.appendKey(key);
    this.places[keyNumber] = place + 1;
    return place;
  }

  /** Adds a key that crediting has not met here (restoring a row); its place. */
  addKey(key: string): number {
    this.unplacedKeys = true;
    return this.appendKey(key);
  }

  private appendKey(key: string): number {
    const place = this.keys.length;
    this.keys.push(key);
    const end = SLOT * 2 * this.keys.length;
    if (end > this.slots.length) this.roomForKeys(Math.max(2 * place, FIRST_KEYS));
    this.slots[end - SLOT + COUNT] = -1;
    this.slots[end - 2 * SLOT + COUNT] = -1;
    this.view = undefined;
    return place;
  }

  /** Makes room for `n` keys in all, so that adding as many grows nothing (restoring a row). */
  roomForKeys(n: number): void {
    if (SLOT * 2 * n <= this.slots.length) return;
    const slots = new Float64Array(SLOT * 2 * n);
    slots.set(this.slots);
    this.slots = slots;
  }

  /**
   * Adds the event in `event`, [time, weight, half-life in days] (see addDecayed), to a key's
   * tally of a role. Its numbers come in a typed array, not as arguments: V8 allocated a box for
   * each fractional number passed to a function it did not inline, some 450,000 per cold build.
   */
  credit(place: number, role: RoleNumber, event: Float64Array): void {
    const s = SLOT * (2 * place + role);
    const d = this.slots;
    const count = d[s + COUNT];
    const time = event[0];
    const weight = event[1];
    this.view = undefined;
    if (count < 0) {
      d[s + VALUE] = weight;
      d[s + AT] = time;
      d[s + COUNT] = 1;
      const start = this.pool.reserve(FIRST_ROOM);
      this.pool.buffer[start] = time;
      d[s + START] = start;
      d[s + ROOM] = FIRST_ROOM;
      d[s + LENGTH] = 1;
      return;
    }
    const at = d[s + AT];
    d[s + VALUE] = valueAfter(d[s + VALUE], at, weight, time, event[2]);
    if (time >= at) d[s + AT] = time;
    d[s + COUNT] = count + 1;
    this.keepTime(s, event);
  }

  /**
   * Keeps `time` among the newest RECENT_TIMES_KEPT of a tally. Only the set of times kept
   * matters (equal times are the same number), so an event as old as the oldest kept one is
   * dropped from a full tally, as it would be dropped again at once.
   */
  private keepTime(s: number, event: Float64Array): void {
    const time = event[0];
    const d = this.slots;
    const length = d[s + LENGTH];
    let start = d[s + START];
    // As old as all kept or older: every commit of a full build but the first at a row.
    if (length === 0 || time <= this.pool.buffer[start + length - 1]) {
      if (length === RECENT_TIMES_KEPT) return;
      if (length === d[s + ROOM]) start = this.move(s);
      this.pool.buffer[start + length] = time;
      d[s + LENGTH] = length + 1;
      return;
    }
    // Newer than the oldest kept (an update's commits): older ones step back to make way, and
    // the oldest drops off a full tally.
    if (length < RECENT_TIMES_KEPT) {
      if (length === d[s + ROOM]) start = this.move(s);
      d[s + LENGTH] = length + 1;
    }
    // The last place is a new one, or holds the oldest time, which drops off.
    let i = start + Math.min(length, RECENT_TIMES_KEPT - 1);
    const times = this.pool.buffer;
    while (i > start && times[i - 1] < time) {
      times[i] = times[i - 1];
      i--;
    }
    times[i] = time;
  }

  /** Moves a tally's times to the end of the pool with twice the room; where they now start. */
  private move(s: number): number {
    const d = this.slots;
    const room = Math.min(RECENT_TIMES_KEPT, Math.max(FIRST_ROOM, 2 * d[s + ROOM]));
    const from = d[s + START];
    const start = this.pool.reserve(room);
    this.pool.buffer.copyWithin(start, from, from + d[s + LENGTH]);
    d[s + START] = start;
    d[s + ROOM] = room;
    return start;
  }

  /**
   * Sets a key's tally of a role outright (restoring): its times are `length` numbers of
   * `source` from `from`, newest first; they are copied.
   */
  put(place: number, role: RoleNumber, value: number, at: number, count: number, source: ArrayLike<number>, from: number, length: number): void {
    const s = SLOT * (2 * place + role);
    const d = this.slots;
    d[s + VALUE] = value;
    d[s + AT] = at;
    d[s + COUNT] = count;
    const start = this.pool.reserve(length);
    const times = this.pool.buffer;
    for (let i = 0; i < length; i++) times[start + i] = source[from + i];
    d[s + START] = start;
    d[s + ROOM] = length;
    d[s + LENGTH] = length;
    this.view = undefined;
  }

  /** The slot of a key's tally of a role, for the readers below. */
  slot(place: number, role: RoleNumber): number {
    return 2 * place + role;
  }

  has(place: number, role: RoleNumber): boolean {
    return this.count(this.slot(place, role)) >= 0;
  }

  value(slot: number): number {
    return this.slots[SLOT * slot + VALUE];
  }

  at(slot: number): number {
    return this.slots[SLOT * slot + AT];
  }

  /** -1 for an absent tally. */
  count(slot: number): number {
    return this.slots[SLOT * slot + COUNT];
  }

  timesLength(slot: number): number {
    return this.slots[SLOT * slot + LENGTH];
  }

  /** Copies a tally's times, newest first, into `target` from `at`. */
  copyTimes(slot: number, target: Float64Array, at: number): void {
    const start = this.slots[SLOT * slot + START];
    const length = this.slots[SLOT * slot + LENGTH];
    const times = this.pool.buffer;
    for (let i = 0; i < length; i++) target[at + i] = times[start + i];
  }

  /** The decayed value of a tally at `now` (0 for an absent one). */
  valueAt(place: number, role: RoleNumber, now: number, halfLifeDays: number): number {
    const s = this.slot(place, role);
    return this.count(s) < 0 ? 0 : valueAt(this.value(s), this.at(s), now, halfLifeDays);
  }

  /** Appends a tally's event times, oldest first, to `into`. */
  timesInto(place: number, role: RoleNumber, into: number[]): void {
    const s = SLOT * this.slot(place, role);
    const start = this.slots[s + START];
    const times = this.pool.buffer;
    for (let i = start + this.slots[s + LENGTH] - 1; i >= start; i--) into.push(times[i]);
  }

  /** The row as a map of objects, made when first asked for after a change; not to be changed. */
  entries(): ReadonlyMap<string, PathEntry> {
    if (!this.view) {
      const view = new Map<string, PathEntry>();
      for (let place = 0; place < this.keys.length; place++) {
        const entry: PathEntry = {};
        if (this.has(place, AUTHOR)) entry.author = this.tally(place, AUTHOR);
        if (this.has(place, REVIEW)) entry.review = this.tally(place, REVIEW);
        view.set(this.keys[place], entry);
      }
      this.view = view;
    }
    return this.view;
  }

  private tally(place: number, role: RoleNumber): Tally {
    const s = this.slot(place, role);
    const times: number[] = [];
    this.timesInto(place, role, times);
    return { value: this.value(s), at: this.at(s), count: this.count(s), times };
  }

  /** The row as persisted. */
  toJSON(): PathRowJson {
    const row: PathRowJson = {};
    for (let place = 0; place < this.keys.length; place++) {
      const tallies: TallyJson[] = [];
      for (const r of [AUTHOR, REVIEW] as const) {
        if (!this.has(place, r)) continue;
        const { value, at, count, times } = this.tally(place, r);
        tallies.push([ROLES[r], value, at, count, times]);
      }
      row[this.keys[place]] = tallies;
    }
    return row;
  }

  static fromJSON(json: PathRowJson, pool: TimesPool): PathRow {
    const row = new PathRow(pool);
    for (const [key, tallies] of Object.entries(json)) {
      const place = row.addKey(key);
      for (const [role, value, at, count, times] of tallies) row.put(place, roleNumber(role), value, at, count, [...times].reverse(), 0, times.length);
    }
    return row;
  }

  static fromEntries(entries: ReadonlyMap<string, PathEntry>, pool: TimesPool): PathRow {
    const row = new PathRow(pool);
    for (const [key, entry] of entries) {
      const place = row.addKey(key);
      for (const role of ROLES) {
        const t = entry[role];
        if (t) row.put(place, roleNumber(role), t.value, t.at, t.count, [...t.times].reverse(), 0, t.times.length);
      }
    }
    return row;
  }
}
