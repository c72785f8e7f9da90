// The `git log` format we read and its parser. Fields are split by ASCII unit/record separators
// (which do not occur in names, emails or trailers), and -z NUL-terminates file names, so paths
// with spaces, quotes or newlines come through unquoted and unambiguous.
//
// The parser walks git's bytes and decodes UTF-8 only in what it keeps: a name or a path is
// looked up by its bytes (see SeenValues), and decoded the first time it is seen. The separators
// are ASCII, which no byte of a multi-byte UTF-8 character can be mistaken for, so a field is cut
// where its text would be; a chunk may end inside a character. Made into text first (as UTF-8,
// then as Latin-1), every name and path of every commit had to be cut out and hashed as a string
// to be looked up, which took more of a big build's thread than crediting the commits.

import { TRAILER_KEYS, parseTrailers } from '../core/delegation/trailers';
import type { CommitRecord, RawIdentity } from '../core/delegation/types';
import type { ParsedTrailers } from '../core/delegation/trailers';
import { ByteTable, HASH_START, hashByte } from './byteTable';

const RS = '\x1e';
const US = '\x1f';
const RS_BYTE = 0x1e;
const US_BYTE = 0x1f;

/** %aN/%aE apply .mailmap; %at is the author time; only the trailers we use are asked for. */
export const LOG_FORMAT = `${RS}%H${US}%P${US}%aN${US}%aE${US}%at${US}%(trailers:${TRAILER_KEYS.map((k) => `key=${k}`).join(',')},unfold)${US}`;

/** `git log` with our format. */
export function logArguments(): string[] {
  return ['-c', 'log.showSignature=false', 'log', '--no-color', '-z', '--name-only', '--no-renames', '--encoding=UTF-8', `--format=${LOG_FORMAT}`];
}

/**
 * Parses output as it streams in. A commit is complete only once the next one starts (its file
 * list runs up to there), so the last, possibly partial, record waits for more bytes or end().
 */
export class LogStreamParser {
  /** The bytes of the record not yet complete, as they came. */
  private pending: Uint8Array[] = [];
  private readonly seen = new SeenValues();

  /** The commits completed by these bytes of git's output. */
  push(bytes: Uint8Array): CommitRecord[] {
    const cut = bytes.lastIndexOf(RS_BYTE);
    // No record starts here: the one waiting goes on (a chunk is never copied for that alone, so a
    // commit of many files costs no copying over and over).
    if (cut < 0 || (cut === 0 && this.pending.length === 0)) {
      if (bytes.length > 0) this.pending.push(bytes);
      return [];
    }
    const complete = joined([...this.pending, bytes.subarray(0, cut)]);
    this.pending = [bytes.subarray(cut)];
    return parseRecords(complete, complete.length, this.seen);
  }

  /** The last commit, once git has exited. */
  end(): CommitRecord[] {
    const rest = joined(this.pending);
    this.pending = [];
    return parseRecords(rest, rest.length, this.seen);
  }
}

function joined(parts: readonly Uint8Array[]): Buffer {
  if (parts.length === 1) return Buffer.from(parts[0].buffer, parts[0].byteOffset, parts[0].byteLength);
  return Buffer.concat(parts);
}

/**
 * What a history repeats, kept once per read: a history names the same few hundred people and
 * few thousand files over and over. Each commit then costs no author object, trailer parse or
 * path string of its own, nor any UTF-8 decoding, and what is kept is a string of its own, not a
 * view into git's output. Values are shared between commits, which is why CommitRecord is
 * read-only. Keys are the bytes as git wrote them.
 */
class SeenValues {
  /** `name US email` → the author. */
  private readonly people = new ByteTable<RawIdentity>();
  private readonly files = new ByteTable<string>();
  /** The trailer block → who it names. */
  private readonly trailers = new ByteTable<ParsedTrailers>();

  /** The author written as `name US email` in bytes[from, to), the unit separator at `nameEnd`. */
  person(bytes: Buffer, from: number, nameEnd: number, to: number): RawIdentity {
    const hash = hashOf(bytes, from, to);
    let person = this.people.get(bytes, from, to, hash);
    if (!person) {
      const name = bytes.toString('utf8', from, nameEnd);
      const email = bytes.toString('utf8', nameEnd + 1, to);
      // Literals, not spreads: the usual author (a name and an email) always gets the same shape,
      // which the code that reads authors is compiled for; spread-built objects varied in it.
      person = name && email ? { name, email } : name ? { name } : email ? { email } : {};
      this.people.set(bytes, from, to, hash, person);
    }
    return person;
  }

  /** The file named by bytes[from, to), whose hash is `hash` (see fileList). */
  file(bytes: Buffer, from: number, to: number, hash: number): string {
    let name = this.files.get(bytes, from, to, hash);
    if (name === undefined) this.files.set(bytes, from, to, hash, (name = bytes.toString('utf8', from, to)));
    return name;
  }

  /** Who the trailer block in bytes[from, to) names. */
  trailersOf(bytes: Buffer, from: number, to: number): ParsedTrailers {
    if (from === to) return NO_TRAILERS;
    const hash = hashOf(bytes, from, to);
    let parsed = this.trailers.get(bytes, from, to, hash);
    if (!parsed) this.trailers.set(bytes, from, to, hash, (parsed = parseTrailers(bytes.toString('utf8', from, to))));
    return parsed;
  }
}

const NO_TRAILERS: ParsedTrailers = { reviewers: [], coAuthors: [] };

function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = HASH_START;
  for (let i = from; i < to; i++) hash = hashByte(hash, bytes[i]);
  return hash;
}

/** How many records (commits) whole output holds, without parsing them. */
export function countLogRecords(output: Uint8Array): number {
  let count = 0;
  for (let at = output.indexOf(RS_BYTE); at >= 0; at = output.indexOf(RS_BYTE, at + 1)) count++;
  return count;
}

/** Parses whole records of output, as text or as git's bytes (tests and one-off reads; a stream keeps its SeenValues across chunks). */
export function parseLogOutput(output: string | Uint8Array): CommitRecord[] {
  const bytes = typeof output === 'string' ? Buffer.from(output, 'utf8') : Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  return parseRecords(bytes, bytes.length, new SeenValues());
}

/**
 * Walks the records in bytes[0, end), each from its record separator to the next, and cuts only
 * what a record keeps: no arrays of fields, no regex per commit, and nothing cut for the parents
 * but a look for a second one. A record missing a field is skipped.
 */
function parseRecords(bytes: Buffer, end: number, seen: SeenValues): CommitRecord[] {
  const commits: CommitRecord[] = [];
  let at = nextRecord(bytes, 0, end);
  while (at < end) {
    const start = at + 1;
    // Field ends: sha, parents, name, email, time, trailers.
    const shaEnd = fieldEnd(bytes, start, end);
    const parentsEnd = fieldEnd(bytes, shaEnd + 1, end);
    const nameEnd = fieldEnd(bytes, parentsEnd + 1, end);
    const emailEnd = fieldEnd(bytes, nameEnd + 1, end);
    const timeEnd = fieldEnd(bytes, emailEnd + 1, end);
    const trailersEnd = fieldEnd(bytes, timeEnd + 1, end);
    if (trailersEnd < 0) {
      at = nextRecord(bytes, start, end);
      continue;
    }
    const { reviewers, coAuthors } = seen.trailersOf(bytes, timeEnd + 1, trailersEnd);
    const files: string[] = [];
    at = fileList(bytes, trailersEnd + 1, end, seen, files);
    commits.push({
      sha: bytes.toString('latin1', start, shaEnd),
      time: seconds(bytes, emailEnd + 1, timeEnd) * 1000,
      author: seen.person(bytes, parentsEnd + 1, nameEnd, emailEnd),
      coAuthors,
      reviewers,
      files,
      merge: hasSecondParent(bytes, shaEnd + 1, parentsEnd),
    });
  }
  return commits;
}

/** Where the next record starts (its separator) at or after `from`, or `end`. */
function nextRecord(bytes: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && bytes[i] !== RS_BYTE) i++;
  return i;
}

/**
 * Where the field starting at `from` ends (its unit separator), or -1 when the record ends first
 * (or `from` is -1 + 1, after a field already missing).
 */
function fieldEnd(bytes: Uint8Array, from: number, end: number): number {
  if (from <= 0) return -1;
  for (let i = from; i < end; i++) {
    const b = bytes[i];
    if (b === US_BYTE) return i;
    if (b === RS_BYTE) return -1;
  }
  return -1;
}

/** The author time, a count of seconds (as Number() reads it, should git ever write anything else). */
function seconds(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = bytes[i] - 48;
    if (digit < 0 || digit > 9) return Number(bytes.toString('latin1', from, to));
    n = n * 10 + digit;
  }
  return n;
}

/** Parent shas are separated by spaces: a non-space after a space means a second parent. */
function hasSecondParent(bytes: Uint8Array, from: number, to: number): boolean {
  let word = false;
  let gap = false;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === 32 || c === 9 || c === 10 || c === 13) gap = word;
    else if (gap) return true;
    else word = true;
  }
  return false;
}

/**
 * Adds the NUL-terminated names from `from` to the end of the record to `files`, and returns where
 * the record ends (the next one's separator, or `end`). -z ends the formatted part with a NUL and
 * git puts a newline before the first name; only that newline is dropped, since a name may begin
 * with one. Each name is hashed as it is scanned for its end, to be looked up where it is.
 */
function fileList(bytes: Buffer, from: number, end: number, seen: SeenValues, files: string[]): number {
  let at = from;
  if (at < end && bytes[at] === 0) at++;
  if (at < end && bytes[at] === 10) at++;
  while (at < end) {
    let hash = HASH_START;
    let cut = at;
    let b = bytes[cut];
    while (b !== 0 && b !== RS_BYTE) {
      hash = hashByte(hash, b);
      if (++cut === end) break;
      b = bytes[cut];
    }
    if (cut > at) files.push(seen.file(bytes, at, cut, hash));
    if (cut === end || b === RS_BYTE) return cut;
    at = cut + 1;
  }
  return at;
}
