// The `git log` format we read and its parser. Fields are split by ASCII unit/record separators
// (which do not occur in names, emails or trailers), and -z NUL-terminates file names, so paths
// with spaces, quotes or newlines come through unquoted and unambiguous.
//
// The parser reads git's bytes as Latin-1, one character per byte, and decodes UTF-8 only in what
// it keeps (see SeenValues). The separators are ASCII, which no byte of a multi-byte UTF-8
// character can be mistaken for, so the fields are cut in the same places. Decoded as UTF-8,
// one name beyond Latin-1 ("Łukasz") made a whole chunk a two-byte string, and every name and
// path cut from it had to be hashed a character at a time to be looked up: a sixth of a big
// build's parsing and indexing went to that. A chunk may also end inside a character now.

import { TRAILER_KEYS, parseTrailers } from '../core/delegation/trailers';
import { detachedString } from '../core/detachedString';
import type { CommitRecord, RawIdentity } from '../core/delegation/types';
import type { ParsedTrailers } from '../core/delegation/trailers';

const RS = '\x1e';
const US = '\x1f';

/** %aN/%aE apply .mailmap; %at is the author time; only the trailers we use are asked for. */
export const LOG_FORMAT = `${RS}%H${US}%P${US}%aN${US}%aE${US}%at${US}%(trailers:${TRAILER_KEYS.map((k) => `key=${k}`).join(',')},unfold)${US}`;

/** `git log` with our format. */
export function logArguments(): string[] {
  return ['-c', 'log.showSignature=false', 'log', '--no-color', '-z', '--name-only', '--no-renames', '--encoding=UTF-8', `--format=${LOG_FORMAT}`];
}

/**
 * Parses output as it streams in. A commit is complete only once the next one starts (its file
 * list runs up to there), so the last, possibly partial, record waits for more text or end().
 */
export class LogStreamParser {
  private pending = '';
  private readonly seen = new SeenValues();

  /** The commits completed by these bytes of git's output. */
  push(bytes: Uint8Array): CommitRecord[] {
    this.pending += asLatin1(bytes);
    const cut = this.pending.lastIndexOf(RS);
    if (cut <= 0) return [];
    const complete = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return parseRecords(complete, this.seen);
  }

  /** The last commit, once git has exited. */
  end(): CommitRecord[] {
    const rest = this.pending;
    this.pending = '';
    return parseRecords(rest, this.seen);
  }
}

const asLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * A value cut from the Latin-1 reading of git's output, as the UTF-8 text git wrote. The result
 * is a new string, so what is kept does not point into git's output (see detachedString).
 */
const fromLatin1 = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/**
 * What a history repeats, kept once per read: a history names the same few hundred people and
 * few thousand files over and over. Each commit then costs no author object, trailer parse or
 * path string of its own, nor any UTF-8 decoding, and what the index keeps does not point into
 * git's output. Values are shared between commits, which is why CommitRecord is read-only.
 * Keys are the bytes as read (Latin-1); values are decoded.
 */
class SeenValues {
  /** `name US email` → the author. */
  readonly people = new Map<string, RawIdentity>();
  readonly files = new Map<string, string>();
  /** The trailer block as git wrote it → who it names. */
  readonly trailers = new Map<string, ParsedTrailers>();

  person(key: string, nameEnd: number): RawIdentity {
    let person = this.people.get(key);
    if (!person) {
      const name = fromLatin1(key.slice(0, nameEnd));
      const email = fromLatin1(key.slice(nameEnd + 1));
      // Literals, not spreads: the usual author (a name and an email) always gets the same shape,
      // which the code that reads authors is compiled for; spread-built objects varied in it.
      person = name && email ? { name, email } : name ? { name } : email ? { email } : {};
      this.people.set(detachedString(key), person);
    }
    return person;
  }

  file(name: string): string {
    let kept = this.files.get(name);
    if (kept === undefined) this.files.set(detachedString(name), (kept = fromLatin1(name)));
    return kept;
  }

  trailersOf(text: string): ParsedTrailers {
    if (text === '') return NO_TRAILERS;
    let parsed = this.trailers.get(text);
    // Parsed from the decoded copy, so the names and emails it keeps do not point into git's output.
    if (!parsed) this.trailers.set(detachedString(text), (parsed = parseTrailers(fromLatin1(text))));
    return parsed;
  }
}

const NO_TRAILERS: ParsedTrailers = { reviewers: [], coAuthors: [] };

/** Parses whole records of output, as text or as git's bytes (tests and one-off reads; a stream keeps its SeenValues across chunks). */
export function parseLogOutput(output: string | Uint8Array): CommitRecord[] {
  return parseRecords(asLatin1(typeof output === 'string' ? Buffer.from(output, 'utf8') : output), new SeenValues());
}

/**
 * Walks the text with indexOf and cuts only what a record keeps: no arrays of fields, no regex
 * per commit, and nothing cut for the parents but a look for a second one.
 */
function parseRecords(text: string, seen: SeenValues): CommitRecord[] {
  const commits: CommitRecord[] = [];
  let next = text.indexOf(RS);
  while (next >= 0) {
    const start = next + 1;
    next = text.indexOf(RS, start);
    const end = next < 0 ? text.length : next;
    // Field ends: sha, parents, name, email, time, trailers.
    const shaEnd = fieldEnd(text, start, end);
    const parentsEnd = fieldEnd(text, shaEnd + 1, end);
    const nameEnd = fieldEnd(text, parentsEnd + 1, end);
    const emailEnd = fieldEnd(text, nameEnd + 1, end);
    const timeEnd = fieldEnd(text, emailEnd + 1, end);
    const trailersEnd = fieldEnd(text, timeEnd + 1, end);
    if (trailersEnd < 0) continue;
    const { reviewers, coAuthors } = seen.trailersOf(text.slice(timeEnd + 1, trailersEnd));
    commits.push({
      sha: text.slice(start, shaEnd),
      time: Number(text.slice(emailEnd + 1, timeEnd)) * 1000,
      author: seen.person(text.slice(parentsEnd + 1, emailEnd), nameEnd - parentsEnd - 1),
      coAuthors,
      reviewers,
      files: fileList(text, trailersEnd + 1, end, seen),
      merge: hasSecondParent(text, shaEnd + 1, parentsEnd),
    });
  }
  return commits;
}

/** Where the field starting at `from` ends (its unit separator), or -1 past the record's end or after a missing field. */
function fieldEnd(text: string, from: number, end: number): number {
  if (from <= 0) return -1;
  const cut = text.indexOf(US, from);
  return cut < 0 || cut >= end ? -1 : cut;
}

/** Parent shas are separated by spaces: a non-space after a space means a second parent. */
function hasSecondParent(text: string, from: number, to: number): boolean {
  let word = false;
  let gap = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) gap = word;
    else if (gap) return true;
    else word = true;
  }
  return false;
}

/**
 * The NUL-terminated names in text[from, to). -z ends the formatted part with a NUL and git puts a
 * newline before the first name; only that newline is dropped, since a name may begin with one.
 */
function fileList(text: string, from: number, to: number, seen: SeenValues): string[] {
  const files: string[] = [];
  let at = from;
  if (at < to && text.charCodeAt(at) === 0) at++;
  if (at < to && text.charCodeAt(at) === 10) at++;
  while (at < to) {
    let cut = text.indexOf('\0', at);
    if (cut < 0 || cut > to) cut = to;
    if (cut > at) files.push(seen.file(text.slice(at, cut)));
    at = cut + 1;
  }
  return files;
}
