import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
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
});
