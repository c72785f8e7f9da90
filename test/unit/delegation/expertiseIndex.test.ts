import assert from 'node:assert/strict';
import { ExpertiseIndex, indexHeaderProblem, pathRowProblem } from '../../../src/core/delegation/expertiseIndex';
import { scoreExpertise } from '../../../src/core/delegation/expertiseScore';
import { applyNewCommits, planIndexUpdate } from '../../../src/core/delegation/indexUpdate';
import { NOW, alice, bob, carol, commit, daysAgo } from './commitFixtures';

const settings = { halfLifeDays: 60, largeCommitFiles: 20 };

function history() {
  return [
    commit({ author: alice, files: ['src/unix/fs.c', 'src/unix/core.c'], reviewers: [bob], time: daysAgo(40), sha: 'a'.repeat(40) }),
    commit({ author: bob, files: ['src/win/fs.c'], reviewers: [carol], time: daysAgo(30), sha: 'b'.repeat(40) }),
    commit({ author: carol, files: ['docs/api.md'], reviewers: [alice, { name: 'Bob Builder' }], time: daysAgo(20), sha: 'c'.repeat(40) }),
  ];
}

describe('ExpertiseIndex', () => {
  it('credits a file, every directory above it and the root once per commit', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(history()[0]);
    const aliceId = index.identities.lookup(alice) as string;
    for (const path of ['src/unix/fs.c', 'src/unix/', 'src/', '']) assert.equal(index.personTimes(path, aliceId, 'author').count, 1, path);
    assert.equal(index.personTimes('src/unix/', index.identities.lookup(bob) as string, 'review').count, 1);
  });

  it('keeps the newest 64 event times in ascending order, whatever order commits arrive in', () => {
    // Newest first (a full build), oldest first (updates), then shuffled, with repeated times.
    // Fewer events than are kept, so that none out of place can be dropped, and more.
    for (const length of [40, 150]) {
      const days = Array.from({ length }, (_, i) => (i * 37) % 100);
      for (const order of [[...days].sort((a, b) => a - b), [...days].sort((a, b) => b - a), days]) {
        const index = new ExpertiseIndex(settings);
        for (const d of order) index.addCommit(commit({ author: alice, files: ['a.c'], time: daysAgo(d) }));
        const expected = order.map(daysAgo).sort((a, b) => a - b).slice(-64);
        const kept = index.personTimes('a.c', index.identities.lookup(alice) as string, 'author');
        assert.deepEqual(kept.times, expected, `${length} events`);
        assert.equal(kept.count, length);
      }
    }
  });

  it('credits a row restored over one it had credited before, not the row it replaced', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: alice, files: ['src/a.c'], time: daysAgo(3) }));
    const aliceId = index.identities.lookup(alice) as string;
    const saved = [...index.pathRows()].find(([path]) => path === 'src/a.c');
    assert.ok(saved);
    index.restorePath('src/a.c', saved[1]);
    index.addCommit(commit({ author: alice, files: ['src/a.c'], time: daysAgo(1) }));
    assert.deepEqual(index.personTimes('src/a.c', aliceId, 'author'), { count: 2, times: [daysAgo(3), daysAgo(1)] });
  });

  it('does not count a self-review', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: alice, files: ['a.c'], reviewers: [{ name: 'Alice Liddell' }] }));
    assert.equal(index.personTimes('a.c', index.identities.lookup(alice) as string, 'review').count, 0);
  });

  it('spreads credit over the files of a very large commit', () => {
    const index = new ExpertiseIndex({ halfLifeDays: 60, largeCommitFiles: 2 });
    index.addCommit(commit({ author: alice, files: ['a.c', 'b.c', 'c.c', 'd.c'], time: NOW }));
    const id = index.identities.lookup(alice) as string;
    assert.equal(index.personValue('a.c', id, 'author', NOW), 0.5);
    assert.equal(index.personValue('', id, 'author', NOW), 1);
  });

  it('sums one person over all their identities, even when they merge after the fact', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: { name: 'Bob Builder', email: 'bob@work.example' }, files: ['x.c'], time: NOW }));
    index.addCommit(commit({ author: { name: 'bobb', email: 'bob@home.example' }, files: ['x.c'], time: NOW }));
    index.addCommit(commit({ author: { name: 'Bob Builder', email: 'bob@home.example' }, files: ['y.c'], time: NOW }));
    const id = index.identities.lookup({ email: 'bob@work.example' }) as string;
    assert.equal(id, index.identities.lookup({ email: 'bob@home.example' }));
    assert.equal(index.personValue('x.c', id, 'author', NOW), 2);
  });

  it('serialises to JSON and back without changing any score', () => {
    const index = new ExpertiseIndex(settings, 'repo');
    index.addCommits(history());
    index.headSha = 'c'.repeat(40);
    const back = ExpertiseIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    assert.equal(back.headSha, index.headSha);
    assert.equal(back.repo, 'repo');
    assert.deepEqual(scoreExpertise(back, ['src/unix/fs.c', 'docs/new.md'], NOW), scoreExpertise(index, ['src/unix/fs.c', 'docs/new.md'], NOW));
    assert.deepEqual([...back.knownFiles()].sort(), [...index.knownFiles()].sort());
  });

  it('rejects a stored index of an unknown version', () => {
    const json = { ...new ExpertiseIndex(settings).toJSON(), version: 2 } as unknown as ReturnType<ExpertiseIndex['toJSON']>;
    assert.throws(() => ExpertiseIndex.fromJSON(json), RangeError);
  });

  it('gives the same scores updated incrementally as built in one go', () => {
    const [c1, c2, c3] = history();
    const full = new ExpertiseIndex(settings, 'repo');
    applyNewCommits(full, [c1, c2, c3], c3.sha);

    const stored = new ExpertiseIndex(settings, 'repo');
    applyNewCommits(stored, [c1], c1.sha);
    const reloaded = ExpertiseIndex.fromJSON(JSON.parse(JSON.stringify(stored)));
    const plan = planIndexUpdate(reloaded, { repo: 'repo', headSha: c3.sha, settings });
    assert.deepEqual(plan, { kind: 'incremental', fromSha: c1.sha });
    // New commits arrive newest first from git; the update must not care.
    applyNewCommits(reloaded, [c3, c2], c3.sha);

    assert.equal(reloaded.headSha, c3.sha);
    assert.equal(reloaded.commitCount, 3);
    const paths = ['src/unix/fs.c', 'src/win/fs.c', 'docs/api.md'];
    const a = scoreExpertise(full, paths, NOW).people;
    const b = scoreExpertise(reloaded, paths, NOW).people;
    assert.deepEqual(b.map((p) => p.personId), a.map((p) => p.personId));
    b.forEach((p, i) => assert.ok(Math.abs(p.total - a[i].total) < 1e-12));
  });
});

describe('planIndexUpdate', () => {
  const target = { repo: 'repo', headSha: 'f'.repeat(40), settings };

  it('rebuilds without an index, for another repository, or when the half-life changed', () => {
    const index = new ExpertiseIndex(settings, 'repo');
    index.headSha = 'e'.repeat(40);
    assert.deepEqual(planIndexUpdate(undefined, target), { kind: 'rebuild', reason: 'noIndex' });
    assert.deepEqual(planIndexUpdate(index, { ...target, repo: 'other' }), { kind: 'rebuild', reason: 'otherRepository' });
    assert.deepEqual(planIndexUpdate(index, { ...target, settings: { ...settings, halfLifeDays: 180 } }), { kind: 'rebuild', reason: 'settingsChanged' });
  });

  it('reuses the index when HEAD has not moved, and reads on from its HEAD when it has', () => {
    const index = new ExpertiseIndex(settings, 'repo');
    index.headSha = target.headSha;
    assert.deepEqual(planIndexUpdate(index, target), { kind: 'upToDate' });
    index.headSha = 'e'.repeat(40);
    assert.deepEqual(planIndexUpdate(index, target), { kind: 'incremental', fromSha: 'e'.repeat(40) });
  });

  it('passes its own saved header and every saved row through the load-time checks', () => {
    const index = new ExpertiseIndex(settings, 'repo');
    index.addCommits(history());
    // More events at one path than the index keeps times for, added oldest and newest first.
    for (let i = 0; i < 80; i++) index.addCommit(commit({ author: i % 2 ? alice : bob, files: ['src/unix/fs.c'], time: daysAgo(i % 2 ? i : 200 - i), sha: i.toString(16).padStart(40, '0') }));
    index.headSha = 'f'.repeat(40);
    const saved = JSON.parse(JSON.stringify({ header: index.jsonHeader(), rows: [...index.pathRows()] })) as { header: unknown; rows: unknown[] };
    assert.equal(indexHeaderProblem(saved.header), undefined);
    assert.ok(saved.rows.length > 5);
    for (const row of saved.rows) assert.equal(pathRowProblem(row), undefined, JSON.stringify(row).slice(0, 200));
  });

  it('names what is wrong with a saved row or header of the wrong types', () => {
    const row = ['src/a.c', { k: [['author', 1.5, daysAgo(1), 2, [daysAgo(2), daysAgo(1)]]] }];
    assert.equal(pathRowProblem(row), undefined);
    assert.match(pathRowProblem(['src/a.c', { k: [['author', 1.5, daysAgo(1), 2, [daysAgo(1), daysAgo(2)]]] }]) ?? '', /"k" at "src\/a.c"/, 'times out of order');
    assert.match(pathRowProblem(['src/a.c', { k: [['author', -1, daysAgo(1), 2, []]] }]) ?? '', /tallies/, 'a negative value');
    assert.match(pathRowProblem(['src/a.c', { k: [['author', 1, daysAgo(1), 2.5, []]] }]) ?? '', /tallies/, 'a fractional count');
    assert.match(pathRowProblem('src/a.c') ?? '', /pair/);
    const header = new ExpertiseIndex(settings).jsonHeader();
    assert.equal(indexHeaderProblem(JSON.parse(JSON.stringify(header))), undefined);
    assert.match(indexHeaderProblem({ ...header, version: 2 }) ?? '', /version is 2/);
    assert.match(indexHeaderProblem({ ...header, lastTime: 'now' }) ?? '', /counters/);
    assert.match(indexHeaderProblem({ ...header, identities: { ...header.identities, names: { a: { Ana: 'x' } } } }) ?? '', /identities/);
  });
});
