// An expertise index in a form that crosses threads cheaply: the rows' numbers and the event
// times each in one Float64Array (moved, not copied, to the receiving thread) and their strings
// in two short tables. A structured clone of the rows as objects cost ~3× as much to decode on
// the receiving side, and it could only be decoded a whole message at a time; this form is
// restored a row at a time.
//
// The numbers are the rows' own (PathRow.packedSlots), each row's block copied whole, and the
// times are the index's pool as it is (TimesPool.copy), so the slots' places in it stay right:
// neither side walks the tallies or their times, which is what a cold build's last step costs.
// Per path, in `numbers`: the count of keys, each key's number in `keys`, then the row's slots.

import type { ExpertiseIndex, ExpertiseIndexHeader } from './expertiseIndex';
import { NUMBERS_PER_KEY } from './pathRow';

export interface IndexTransfer {
  readonly header: ExpertiseIndexHeader;
  readonly paths: string[];
  readonly keys: string[];
  readonly numbers: Float64Array;
  readonly times: Float64Array;
}

/** The index packed for another thread (the sender's side). Nothing in it is shared with the index. */
export function packIndex(index: ExpertiseIndex): IndexTransfer {
  const paths: string[] = [];
  const keys: string[] = [];
  const keyNumbers = new Map<string, number>();
  // Sized exactly first, so the numbers are written once, straight into the buffer that is sent.
  let length = 0;
  for (const [, row] of index.rows()) length += 1 + row.keys.length + row.packedSlots().length;
  const numbers = new Float64Array(length);
  let at = 0;
  for (const [path, row] of index.rows()) {
    paths.push(path);
    numbers[at++] = row.keys.length;
    for (const key of row.keys) {
      let k = keyNumbers.get(key);
      if (k === undefined) {
        keyNumbers.set(key, (k = keys.length));
        keys.push(key);
      }
      numbers[at++] = k;
    }
    const slots = row.packedSlots();
    numbers.set(slots, at);
    at += slots.length;
  }
  return { header: index.jsonHeader(), paths, keys, numbers, times: index.timesCopy() };
}

/**
 * Restores a packed index one path at a time (the receiver's side): `next()` restores the next
 * path, once per entry of `paths`, so the caller can pause between paths as it likes. The rows
 * keep views of the transfer's numbers and the index adopts its times: a transfer is restored once.
 */
export class IndexUnpacker {
  private path = 0;
  private at = 0;

  constructor(
    private readonly transfer: IndexTransfer,
    readonly index: ExpertiseIndex,
  ) {
    index.adoptTimes(transfer.times);
  }

  next(): void {
    const { numbers, keys, paths } = this.transfer;
    const size = numbers[this.at++];
    const rowKeys: string[] = [];
    for (let i = 0; i < size; i++) rowKeys.push(keys[numbers[this.at++]]);
    const slots = numbers.subarray(this.at, this.at + NUMBERS_PER_KEY * size);
    this.at += slots.length;
    this.index.adoptRow(paths[this.path++], this.index.restoredRow(rowKeys, slots));
  }
}
