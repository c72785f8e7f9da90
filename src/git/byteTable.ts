// Values found by a run of bytes of a buffer, without making a string of it first. The log
// parser looks up every file name and author of every commit this way (see SeenValues in
// logFormat.ts): a history names the same few thousand files and few hundred people over and
// over, so nearly every lookup finds a value, and only a name seen for the first time is decoded.
//
// Cut into strings first, each name became a view into git's output that a Map then hashed and
// compared a character at a time through the view: on a 50,000-commit history those lookups took
// more of the parser's thread than crediting the commits did. Here the caller hashes the bytes as
// it scans them anyway (hashByte), and a match is confirmed against the bytes in place.

/** Where a hash starts (FNV-1a's offset basis). */
export const HASH_START = 0x811c9dc5 | 0;

/** The hash so far, with one more byte (FNV-1a). */
export function hashByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, 0x01000193);
}

// Room for a few thousand keys and their bytes from the start (~0.4 MB a table). Growing is rare,
// but its first time, in code compiled before it ever happened, throws the compiled parser away.
const FIRST_SLOTS = 8192;
const FIRST_ARENA = 256 * 1024;

/**
 * Open addressing with linear probing, at most half full. The keys' bytes sit one after another
 * in one buffer; a slot holds where its key starts, its length (0 for a free slot: no key is
 * empty) and its hash.
 */
export class ByteTable<V> {
  private hashes = new Int32Array(FIRST_SLOTS);
  private starts = new Int32Array(FIRST_SLOTS);
  private lengths = new Int32Array(FIRST_SLOTS);
  private values: (V | undefined)[] = new Array<V | undefined>(FIRST_SLOTS).fill(undefined);
  private arena = new Uint8Array(FIRST_ARENA);
  private used = 0;
  private size = 0;

  /** The value kept for bytes[from, to), whose hash (HASH_START, then hashByte per byte) is `hash`. */
  get(bytes: Uint8Array, from: number, to: number, hash: number): V | undefined {
    const mask = this.lengths.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const kept = this.lengths[slot];
      if (kept === 0) return undefined;
      if (kept === length && this.hashes[slot] === hash && this.sameBytes(this.starts[slot], bytes, from, length)) return this.values[slot];
    }
  }

  /** Keeps `value` for bytes[from, to) (not empty, and not kept already), whose hash is `hash`. */
  set(bytes: Uint8Array, from: number, to: number, hash: number, value: V): void {
    if (2 * (this.size + 1) > this.lengths.length) this.grow();
    const length = to - from;
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(2 * this.arena.length, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(from, to), this.used);
    this.place(this.used, length, hash, value);
    this.used += length;
    this.size++;
  }

  private sameBytes(start: number, bytes: Uint8Array, from: number, length: number): boolean {
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[start + i] !== bytes[from + i]) return false;
    return true;
  }

  private place(start: number, length: number, hash: number, value: V | undefined): void {
    const mask = this.lengths.length - 1;
    let slot = hash & mask;
    while (this.lengths[slot] !== 0) slot = (slot + 1) & mask;
    this.starts[slot] = start;
    this.lengths[slot] = length;
    this.hashes[slot] = hash;
    this.values[slot] = value;
  }

  private grow(): void {
    const { hashes, starts, lengths, values } = this;
    const slots = 2 * lengths.length;
    this.hashes = new Int32Array(slots);
    this.starts = new Int32Array(slots);
    this.lengths = new Int32Array(slots);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    for (let i = 0; i < lengths.length; i++) if (lengths[i] !== 0) this.place(starts[i], lengths[i], hashes[i], values[i]);
  }
}
