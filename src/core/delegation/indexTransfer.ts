// An expertise index in a form that crosses threads cheaply: the rows' numbers in one
// Float64Array (moved, not copied, to the receiving thread) and their strings in two short tables.
// A structured clone of the rows as objects cost ~3× as much to decode on the receiving side, and
// it could only be decoded a whole message at a time; this form is restored a row at a time.
//
// Per path, in `numbers`: the path's number in `paths` is its position; then the count of keys,
// and per key: its number in `keys`, which roles follow (1 author, 2 review, 3 both), and per
// role: value, at, count, the count of times, the times.

import type { ExpertiseIndex, ExpertiseIndexHeader, PathEntry, Tally } from './expertiseIndex';

export interface IndexTransfer {
  readonly header: ExpertiseIndexHeader;
  readonly paths: string[];
  readonly keys: string[];
  readonly numbers: Float64Array;
}

/** The index packed for another thread (the sender's side). */
export function packIndex(index: ExpertiseIndex): IndexTransfer {
  const paths: string[] = [];
  const keys: string[] = [];
  const keyNumbers = new Map<string, number>();
  // Sized exactly first, so the numbers are written once, straight into the buffer that is sent.
  // Rows are walked with forEach and tallies written by a plain function: this runs once per
  // build, mostly before the optimising compiler steps in, where iterators and [key, value]
  // pairs cost an allocation each.
  const numbers = new Float64Array(packedLength(index));
  let at = 0;
  for (const [path, row] of index.pathEntries()) {
    paths.push(path);
    numbers[at++] = row.size;
    row.forEach((entry, key) => {
      let k = keyNumbers.get(key);
      if (k === undefined) {
        keyNumbers.set(key, (k = keys.length));
        keys.push(key);
      }
      numbers[at++] = k;
      numbers[at++] = (entry.author ? 1 : 0) | (entry.review ? 2 : 0);
      if (entry.author) at = writeTally(numbers, at, entry.author);
      if (entry.review) at = writeTally(numbers, at, entry.review);
    });
  }
  return { header: index.jsonHeader(), paths, keys, numbers };
}

/** Writes a tally at `at`; returns where the next number goes. */
function writeTally(numbers: Float64Array, at: number, t: Tally): number {
  numbers[at] = t.value;
  numbers[at + 1] = t.at;
  numbers[at + 2] = t.count;
  const times = t.times;
  numbers[at + 3] = times.length;
  numbers.set(times, at + 4);
  return at + 4 + times.length;
}

/** How many numbers packIndex writes for the index. */
function packedLength(index: ExpertiseIndex): number {
  let length = 0;
  for (const [, row] of index.pathEntries()) {
    length += 1 + 2 * row.size;
    row.forEach((entry) => {
      if (entry.author) length += 4 + entry.author.times.length;
      if (entry.review) length += 4 + entry.review.times.length;
    });
  }
  return length;
}

/**
 * Restores a packed index one path at a time (the receiver's side): `next()` restores the next
 * path, once per entry of `paths`, so the caller can pause between paths as it likes.
 */
export class IndexUnpacker {
  private path = 0;
  private at = 0;

  constructor(
    private readonly transfer: IndexTransfer,
    readonly index: ExpertiseIndex,
  ) {}

  next(): void {
    const { numbers, keys, paths } = this.transfer;
    const row = new Map<string, PathEntry>();
    const size = numbers[this.at++];
    for (let i = 0; i < size; i++) {
      const key = keys[numbers[this.at++]];
      const roles = numbers[this.at++];
      const entry: PathEntry = {};
      if (roles & 1) entry.author = this.tally();
      if (roles & 2) entry.review = this.tally();
      row.set(key, entry);
    }
    this.index.adoptPath(paths[this.path++], row);
  }

  private tally(): Tally {
    const numbers = this.transfer.numbers;
    const value = numbers[this.at];
    const at = numbers[this.at + 1];
    const count = numbers[this.at + 2];
    const length = numbers[this.at + 3];
    const start = this.at + 4;
    const times = new Array<number>(length);
    for (let i = 0; i < length; i++) times[i] = numbers[start + i];
    this.at = start + length;
    return { value, at, count, times };
  }
}
