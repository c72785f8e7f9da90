// The index keeps its rows flat (pathRow.ts) for speed. This checks it against the plainest fold
// one could write, a map of tally objects per path with every event time sorted in, on random
// histories: every reading of the index must answer the same, built, saved and restored, packed
// for another thread, and updated afterwards.

import assert from 'node:assert/strict';
import { addDecayed, DAY_MS, decayedAt } from '../../../src/core/delegation/decay';
import { ExpertiseIndex, type IndexSettings, type PathEntry, type Role, type Tally } from '../../../src/core/delegation/expertiseIndex';
import { IdentityResolver } from '../../../src/core/delegation/identityResolver';
import { IndexUnpacker, packIndex } from '../../../src/core/delegation/indexTransfer';
import { ancestorDirectories, normalizePath } from '../../../src/core/delegation/paths';
import type { CommitRecord, RawIdentity } from '../../../src/core/delegation/types';
import { seededRandom } from '../../sandbox/scenarios/seededRandom.mjs';
import { NOW, commit } from './commitFixtures';

const KEPT = 64;
const settings: IndexSettings = { halfLifeDays: 30, largeCommitFiles: 4 };

/** path → identity key → tallies, each tally's times all kept and sorted, cut to the newest KEPT when read. */
class ReferenceFold {
  readonly identities = new IdentityResolver();
  readonly paths = new Map<string, Map<string, PathEntry>>();

  add(c: CommitRecord): void {
    const authors = this.distinct([c.author, ...c.coAuthors]);
    const authorGroups = authors.map((k) => this.identities.find(k));
    const reviewers = c.reviewers.length === 0 ? [] : this.distinct(c.reviewers).filter((k) => !authorGroups.includes(this.identities.find(k)));
    if (c.files.length === 0 || authors.length + reviewers.length === 0) return;
    const files = [...new Set(c.files.map(normalizePath))];
    const weight = Math.min(1, settings.largeCommitFiles / files.length);
    const directories = new Set(files.flatMap((f) => ancestorDirectories(f)));
    for (const [path, w] of [...files.map((f) => [f, weight] as const), ...[...directories].map((d) => [d, 1] as const)]) {
      let row = this.paths.get(path);
      if (!row) this.paths.set(path, (row = new Map()));
      for (const [keys, role] of [[authors, 'author'], [reviewers, 'review']] as const) {
        for (const k of keys) {
          let entry = row.get(k);
          if (!entry) row.set(k, (entry = {}));
          const t = (entry[role] ??= { value: 0, at: c.time, count: 0, times: [] });
          addDecayed(t, w, c.time, settings.halfLifeDays);
          t.count++;
          t.times.push(c.time);
          t.times.sort((a, b) => a - b);
        }
      }
    }
  }

  private distinct(people: readonly RawIdentity[]): string[] {
    const keys: string[] = [];
    for (const p of people) {
      const k = this.identities.add(p);
      if (k !== undefined && !keys.some((other) => this.identities.find(other) === this.identities.find(k))) keys.push(k);
    }
    return keys;
  }

  entriesAt(path: string): Map<string, PathEntry> | undefined {
    const row = this.paths.get(path);
    if (!row) return undefined;
    const kept = (t: Tally | undefined): Tally | undefined => t && { ...t, times: t.times.slice(-KEPT) };
    return new Map([...row].map(([k, e]) => [k, { ...(e.author ? { author: kept(e.author) } : {}), ...(e.review ? { review: kept(e.review) } : {}) }]));
  }
}

const people: RawIdentity[] = [
  { name: 'Ana Lima', email: 'ana@example.com' },
  { name: 'Ana Lima', email: 'ana@home.example' }, // the same person, joined by name
  { name: 'Ben Okafor', email: 'ben@example.com' },
  { name: 'Chen Wei', email: 'chen@example.com' },
  { name: 'Dita Novak', email: 'dita@example.com' },
  { email: 'bot@example.com' },
  { name: 'Ben Okafor' }, // a trailer naming Ben without an email
];
const files = ['src/a.c', 'src/a.h', 'src/net/udp.c', 'src/net/tcp.c', './src/net/udp.c', 'docs/readme.md', 'top.txt', 'src\\win\\fs.c', 'test/net/udp.test.c'];

/** A random history, newest first as git gives it, with repeated and out-of-order times. */
function randomHistory(seed: number, count: number, newestDaysAgo: number): CommitRecord[] {
  const r = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const some = <T>(list: readonly T[], most: number): T[] => Array.from({ length: Math.floor(r() * (most + 1)) }, () => pick(list));
  const commits: CommitRecord[] = [];
  let day = newestDaysAgo;
  for (let i = 0; i < count; i++) {
    // Mostly older and older; sometimes the same time again, sometimes a step back in time.
    const step = r();
    if (step < 0.6) day += Math.floor(r() * 3);
    else if (step < 0.7) day -= Math.min(day - newestDaysAgo, 2);
    const hot = r() < 0.5;
    commits.push(
      commit({
        author: hot && r() < 0.7 ? people[2] : pick(people),
        coAuthors: r() < 0.15 ? some(people, 2) : [],
        reviewers: r() < 0.4 ? some(people, 3) : [],
        files: hot ? ['src/net/udp.c'] : r() < 0.05 ? [] : some(files, 7),
        time: NOW - day * DAY_MS,
      }),
    );
  }
  return commits;
}

function assertSameAsReference(index: ExpertiseIndex, reference: ReferenceFold, what: string): void {
  const paths = [...reference.paths.keys()].sort();
  assert.deepEqual([...index.pathRows()].map(([p]) => p).sort(), paths, `${what}: the paths`);
  const ids = [...new Set([...reference.paths.values()].flatMap((row) => [...row.keys()]).map((k) => reference.identities.find(k)))];
  for (const path of paths) {
    const expected = reference.entriesAt(path);
    const actual = index.entriesAt(path);
    assert.deepEqual(actual, expected, `${what}: the entries at "${path}"`);
    assert.deepEqual([...(actual?.keys() ?? [])], [...(expected?.keys() ?? [])], `${what}: the order of keys at "${path}"`);
    for (const id of ids) {
      for (const role of ['author', 'review'] as Role[]) {
        const mine = [...(expected ?? [])].filter(([k]) => reference.identities.find(k) === id).map(([, e]) => e[role]);
        const tallies = mine.filter((t): t is Tally => t !== undefined);
        const value = tallies.reduce((sum, t) => sum + decayedAt(t, NOW, settings.halfLifeDays), 0);
        assert.equal(index.personValue(path, id, role, NOW), value, `${what}: ${role} value of ${id} at "${path}"`);
        assert.deepEqual(index.personTimes(path, id, role), { count: tallies.reduce((n, t) => n + t.count, 0), times: tallies.flatMap((t) => t.times) }, `${what}: ${role} times of ${id} at "${path}"`);
      }
    }
  }
  assert.deepEqual(new Set(index.knownFiles()), new Set(paths.filter((p) => p !== '' && !p.endsWith('/'))), `${what}: the known files`);
}

function unpacked(index: ExpertiseIndex): ExpertiseIndex {
  const transfer = packIndex(index);
  const unpacker = new IndexUnpacker(transfer, ExpertiseIndex.fromHeader(transfer.header));
  for (let i = 0; i < transfer.paths.length; i++) unpacker.next();
  return unpacker.index;
}

function adopted(index: ExpertiseIndex): ExpertiseIndex {
  const copy = ExpertiseIndex.fromHeader(index.jsonHeader());
  for (const [path, row] of index.pathEntries()) copy.adoptPath(path, new Map([...row].map(([k, e]) => [k, structuredClone(e)])));
  return copy;
}

describe('the expertise index against a plain reference fold', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`answers the same for random history ${seed}, built, restored, packed and updated`, () => {
      const history = randomHistory(seed, 400, 30);
      const reference = new ReferenceFold();
      const index = new ExpertiseIndex(settings, 'repo');
      for (const c of history) {
        reference.add(c);
        index.addCommit(c);
      }
      assertSameAsReference(index, reference, 'built');
      assert.ok([...reference.paths.values()].some((row) => [...row.values()].some((e) => (e.author?.times.length ?? 0) > KEPT)), 'some tally has more events than are kept');

      // Updates come oldest first, newer than what was read, with a few older ones mixed in.
      const update = randomHistory(seed + 100, 120, 0).reverse();
      const copies: Array<[string, ExpertiseIndex]> = [
        ['saved as JSON', ExpertiseIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())))],
        ['packed', unpacked(index)],
        ['adopted', adopted(index)],
      ];
      for (const [what, copy] of copies) assertSameAsReference(copy, reference, what);
      for (const c of update) {
        reference.add(c);
        index.addCommit(c);
        for (const [, copy] of copies) copy.addCommit(c);
      }
      assertSameAsReference(index, reference, 'updated');
      for (const [what, copy] of copies) assertSameAsReference(copy, reference, `${what}, then updated`);
    });
  }
});
