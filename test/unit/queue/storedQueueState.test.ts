// What globalState hands back is whatever an older version, another tool or a damaged disk left
// there. The queue must still render from it, drop what it cannot use, and say so once.
import assert from 'node:assert/strict';
import { buildQueueView } from '../../../src/core/queue/grouping';
import { asLocalState, emptyLocalState } from '../../../src/core/queue/localState';
import { asStoredSnapshot } from '../../../src/core/queue/storedSnapshot';
import type { QueueSnapshot } from '../../../src/core/queue/queueTypes';
import { groupingOptions, inTimeZone, pr, snapshot, standardSearches } from './fixtures';

const now = new Date('2026-03-04T12:00:00Z');
const options = groupingOptions(now);

/** Reads a stored value the way the queue does, collecting what it reports. */
function read(value: unknown): { snapshot: QueueSnapshot | undefined; problems: string[] } {
  const problems: string[] = [];
  const result = asStoredSnapshot(value, (p) => problems.push(p));
  return { snapshot: result, problems };
}

/** JSON round trip: what globalState really returns, with no shared references to the fixtures. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const numbersIn = (s: QueueSnapshot | undefined) =>
  buildQueueView(s!, options)
    .groups.flatMap((g) => [...g.items, ...g.groups.flatMap((x) => x.items)])
    .map((i) => i.pr.number)
    .sort((a, b) => a - b);

describe('stored queue state', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  const good = pr({ number: 1 });
  const mine = pr({ number: 2 });

  it('takes a sound snapshot as it is, without a word', () => {
    const value = stored(snapshot({ reviewRequested: [good], direct: [good], mine: [mine] }));
    const { snapshot: s, problems } = read(value);
    assert.deepEqual(s, value);
    assert.deepEqual(problems, []);
    assert.deepEqual(read(undefined), { snapshot: undefined, problems: [] }, 'nothing stored yet is not a problem');
  });

  it('adversarial: a cached snapshot with a null result renders the other groups and says once what it dropped', () => {
    const value = stored(snapshot({ reviewRequested: [good], direct: [good], mine: [mine] })) as { results: Record<string, unknown> };
    value.results.reviewRequested = null;
    const { snapshot: s, problems } = read(value);
    assert.ok(s, 'the rest of the snapshot is still usable');
    assert.deepEqual(numbersIn(s), [2]);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /reviewRequested/);
  });

  it('adversarial: wrongly typed pull requests in a cached snapshot are dropped and the good ones kept', () => {
    const value = stored(snapshot({ reviewRequested: [good], direct: [good], mine: [mine] })) as { results: Record<string, { pullRequests: unknown[] }> };
    value.results.mine.pullRequests.push(
      null,
      'acme/web#3',
      { ...pr({ number: 4 }), number: '4' },
      { ...pr({ number: 5 }), updatedAt: 17 },
      { ...pr({ number: 6 }), history: { open: null, reviewedBy: [] } },
      { ...pr({ number: 7 }), history: { open: [{ reviewer: { kind: 'team' } }], reviewedBy: [] } },
      { ...pr({ number: 8 }), ci: 'purple' },
    );
    const { snapshot: s, problems } = read(value);
    assert.deepEqual(numbersIn(s), [1, 2]);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /7 pull requests/);
  });

  it('adversarial: searches that are not search records are dropped, with the results they name', () => {
    const value = stored(snapshot({ reviewRequested: [good], direct: [good], mine: [mine] })) as { searches: unknown[]; results: Record<string, unknown> };
    value.searches.push(null, { alias: 5, role: 'mine' }, { alias: 'x', role: 'boss', query: 'q', detail: 'basic' });
    value.results.x = { alias: 'x', total: 1, pullRequests: [pr({ number: 9 })], truncated: false };
    const { snapshot: s, problems } = read(value);
    assert.deepEqual(numbersIn(s), [1, 2]);
    assert.equal(s?.searches.length, standardSearches.length);
    assert.equal(problems.length, 1, problems.join('\n'));
  });

  it('keeps what it knows of the lead\'s last review, and drops a pull request whose record of it is damaged', () => {
    const reviewed = pr({ number: 5, headOid: 'bbb', myReview: { at: '2026-03-03T09:00:00Z', commit: 'aaa' } });
    const value = stored(snapshot({ reviewed: [reviewed, pr({ number: 6, headOid: 'bbb', myReview: { at: 'later', commit: 'aaa' } })] }));
    const { snapshot: s, problems } = read(value);
    assert.deepEqual(s?.results.reviewed.pullRequests.map((p) => [p.number, p.myReview?.commit, p.headOid]), [[5, 'aaa', 'bbb']]);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.deepEqual(numbersIn(s), [5]);
  });

  it('adversarial: a stored value of the wrong shape is dropped with one problem, never thrown', () => {
    const sound = stored(snapshot({ mine: [mine] })) as Record<string, unknown>;
    const damaged: unknown[] = [
      null,
      'a string',
      [],
      { version: 1 },
      { ...sound, version: 2 },
      { ...sound, fetchedAt: 'yesterday' },
      { ...sound, searches: 'all' },
      { ...sound, results: null },
      { ...sound, results: [] },
      { ...sound, requests: '1' },
      { ...sound, rateLimit: { cost: 'x' } },
    ];
    for (const value of damaged) {
      const { snapshot: s, problems } = read(value);
      assert.equal(s, undefined, JSON.stringify(value));
      assert.equal(problems.length, 1, `${JSON.stringify(value)}: ${problems.join('\n')}`);
    }
  });

  it('adversarial: stored snoozes and pins with wrong types are dropped with one problem', () => {
    const problems: string[] = [];
    const value = stored({
      pins: ['acme/web#1', 3, null, 'acme/web#1', 'acme/web#2'],
      snoozes: [
        { key: 'acme/web#1', kind: 'hour', snoozedAt: '2026-03-04T11:00:00.000Z', until: '2026-03-04T12:30:00.000Z' },
        { key: 'acme/web#2', kind: 'hour', snoozedAt: '2026-03-04T11:00:00.000Z', until: 12 },
        { key: 'acme/web#3', kind: 'tomorrow', snoozedAt: '2026-03-04T11:00:00.000Z' },
        { key: 'acme/web#4', kind: 'activity', snoozedAt: 'then', updatedAt: '2026-03-04T11:00:00.000Z' },
        { key: 'acme/web#5', kind: 'activity', snoozedAt: '2026-03-04T11:00:00.000Z', updatedAt: ['x'] },
        { key: 7, kind: 'hour', snoozedAt: '2026-03-04T11:00:00.000Z', until: '2026-03-04T12:30:00.000Z' },
        null,
      ],
    });
    const state = asLocalState(value, (p) => problems.push(p));
    assert.deepEqual(state.pins, ['acme/web#1', 'acme/web#2']);
    assert.deepEqual(
      state.snoozes.map((s) => s.key),
      ['acme/web#1'],
    );
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /3 pins? and 6 snoozes?/);

    const quiet: string[] = [];
    assert.deepEqual(asLocalState(undefined, (p) => quiet.push(p)), emptyLocalState);
    assert.deepEqual(asLocalState(stored(state), (p) => quiet.push(p)), state);
    assert.equal(quiet.length, 0, 'nothing stored, or sound state, is not a problem');
    asLocalState('garbage', (p) => quiet.push(p));
    assert.equal(quiet.length, 1);
  });
});
