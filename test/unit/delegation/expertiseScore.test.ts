import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { defaultScoringOptions, scoreExpertise } from '../../../src/core/delegation/expertiseScore';
import type { PersonExpertise } from '../../../src/core/delegation/expertiseScore';
import { alice, bob, carol, commit, daysAgo, dave, NOW } from './commitFixtures';

const settings = { halfLifeDays: 60, largeCommitFiles: 20 };

function top(people: readonly PersonExpertise[], index: ExpertiseIndex): string[] {
  return people.map((p) => index.identities.describe(p.personId).name);
}

describe('scoreExpertise', () => {
  it('prefers who reviewed these files over who reviews elsewhere', () => {
    const index = new ExpertiseIndex(settings);
    for (let i = 0; i < 6; i++) index.addCommit(commit({ author: dave, files: [`src/win/f${i}.c`], reviewers: [bob], time: daysAgo(10 + i) }));
    for (let i = 0; i < 3; i++) index.addCommit(commit({ author: dave, files: ['src/unix/fs.c'], reviewers: [carol], time: daysAgo(20 + i) }));
    const reviewers = scoreExpertise(index, ['src/unix/fs.c'], NOW).people.filter((p) => p.review > 0);
    assert.deepEqual(top(reviewers, index), ['Carol Danvers', 'Bob Builder']);
    assert.ok(reviewers[0].review > 2 * reviewers[1].review, 'three reviews of the file beat six elsewhere clearly');
  });

  it('ranks a reviewer of the files above their author by default, and can be told otherwise', () => {
    const index = new ExpertiseIndex(settings);
    for (let i = 0; i < 3; i++) index.addCommit(commit({ author: alice, files: ['lib/a.ts'], reviewers: [bob], time: daysAgo(5 + i) }));
    assert.equal(top(scoreExpertise(index, ['lib/a.ts'], NOW).people, index)[0], 'Bob Builder');
    const authorsFirst = { ...defaultScoringOptions, reviewWeight: 0.2, authorWeight: 0.8 };
    assert.equal(top(scoreExpertise(index, ['lib/a.ts'], NOW, authorsFirst).people, index)[0], 'Alice Liddell');
  });

  it('lets recent work outweigh the same amount of old work', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: dave, files: ['a.c'], reviewers: [bob], time: daysAgo(400) }));
    index.addCommit(commit({ author: dave, files: ['a.c'], reviewers: [carol], time: daysAgo(5) }));
    const [first, second] = scoreExpertise(index, ['a.c'], NOW).people.filter((p) => p.review > 0);
    assert.equal(index.identities.describe(first.personId).name, 'Carol Danvers');
    assert.ok(first.review > 10 * second.review);
  });

  it('falls back to the directory for a new file in it', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: dave, files: ['src/unix/fs.c'], reviewers: [carol], time: daysAgo(5) }));
    index.addCommit(commit({ author: dave, files: ['test/test-x.c'], reviewers: [bob], time: daysAgo(5) }));
    const result = scoreExpertise(index, ['src/unix/brand-new.c'], NOW);
    const reviewers = result.people.filter((p) => p.review > 0);
    assert.equal(index.identities.describe(reviewers[0].personId).name, 'Carol Danvers');
  });

  it('uses similar paths for a file nobody touched, where the directory says nothing', () => {
    const index = new ExpertiseIndex(settings);
    // Both reviewers work everywhere at the top level; only the file names tell them apart.
    index.addCommit(commit({ author: dave, files: ['pkg/fs/readdir.ts'], reviewers: [carol], time: daysAgo(5) }));
    index.addCommit(commit({ author: dave, files: ['pkg/net/socket.ts'], reviewers: [bob], time: daysAgo(5) }));
    const result = scoreExpertise(index, ['lib/fs/readdir.ts'], NOW, { ...defaultScoringOptions, authorWeight: 0, reviewWeight: 1 });
    assert.deepEqual(result.similar.get('lib/fs/readdir.ts')?.map((s) => s.path)[0], 'pkg/fs/readdir.ts');
    assert.equal(top(result.people, index)[0], 'Carol Danvers');

    const without = scoreExpertise(index, ['lib/fs/readdir.ts'], NOW, { ...defaultScoringOptions, authorWeight: 0, reviewWeight: 1, similarityWeight: 0 });
    const [p, q] = without.people;
    assert.equal(p.total, q.total, 'without similarity the two are tied');
  });

  it('returns nobody for no paths', () => {
    const index = new ExpertiseIndex(settings);
    index.addCommit(commit({ author: alice, files: ['a.c'], reviewers: [bob] }));
    assert.deepEqual(scoreExpertise(index, [], NOW).people, []);
  });
});
