// An expertise index in a form that crosses threads cheaply: the rows' numbers in one
// Float64Array (moved, not copied, to the receiving thread) and their strings in two short tables.
// A structured clone of the rows as objects cost ~3× as much to decode on the receiving side, and
// it could only be decoded a whole message at a time; this form is restored a row at a time.
//
// Per path, in `numbers`: the path's number in `paths` is its position; then the count of keys,
// and per key: its number in `keys`, which roles follow (1 author, 2 review, 3 both), and per
// role: value, at, count, the count of times, the times newest first (as PathRow keeps them).

import type { ExpertiseIndex, ExpertiseIndexHeader } from './expertiseIndex';
import { AUTHOR, REVIEW, type PathRow, type RoleNumber } from './pathRow';

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
  const numbers = new Float64Array(packedLength(index));
  let at = 0;
  for (const [path, row] of index.rows()) {
    paths.push(path);
    numbers[at++] = row.keys.length;
    for (let place = 0; place < row.keys.length; place++) {
      const key = row.keys[place];
      let k = keyNumbers.get(key);
      if (k === undefined) {
        keyNumbers.set(key, (k = keys.length));
        keys.push(key);
      }
      numbers[at++] = k;
      numbers[at++] = (row.has(place, AUTHOR) ? 1 : 0) | (row.has(place, REVIEW) ? 2 : 0);
      for (const role of [AUTHOR, REVIEW] as const) {
        if (!row.has(place, role)) continue;
        const s = row.slot(place, role);
        const length = row.timesLength(s);
        numbers[at] = row.value(s);
        numbers[at + 1] = row.at(s);
        numbers[at + 2] = row.count(s);
        numbers[at + 3] = length;
        row.copyTimes(s, numbers, at + 4);
        at += 4 + length;
      }
    }
  }
  return { header: index.jsonHeader(), paths, keys, numbers };
}

/** How many numbers packIndex writes for the index. */
function packedLength(index: ExpertiseIndex): number {
  let length = 0;
  for (const [, row] of index.rows()) {
    length += 1 + 2 * row.keys.length;
    for (let s = 0; s < 2 * row.keys.length; s++) if (row.count(s) >= 0) length += 4 + row.timesLength(s);
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
    const row = this.index.newRow();
    const size = numbers[this.at++];
    row.roomForKeys(size);
    for (let i = 0; i < size; i++) {
      const place = row.addKey(keys[numbers[this.at++]]);
      const roles = numbers[this.at++];
      if (roles & 1) this.tally(row, place, AUTHOR);
      if (roles & 2) this.tally(row, place, REVIEW);
    }
    this.index.adoptRow(paths[this.path++], row);
  }

  private tally(row: PathRow, place: number, role: RoleNumber): void {
    const numbers = this.transfer.numbers;
    const length = numbers[this.at + 3];
    row.put(place, role, numbers[this.at], numbers[this.at + 1], numbers[this.at + 2], numbers, this.at + 4, length);
    this.at += 4 + length;
  }
}
