import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { IndexUnpacker, packIndex } from '../../../src/core/delegation/indexTransfer';
import { suggestReviewers } from '../../../src/core/delegation/suggestReviewers';
import { NOW, alice, bob, carol, commit, daysAgo } from './commitFixtures';

function built(): ExpertiseIndex {
  const index = new ExpertiseIndex({ halfLifeDays: 60, largeCommitFiles: 20 }, 'repo');
  // 70 commits on one file: more event times than a tally keeps, both roles for Bob.
  for (let i = 70; i > 0; i--) index.addCommit(commit({ author: i % 2 ? alice : bob, reviewers: i % 3 ? [bob] : [carol], files: ['src/unix/fs.c', `docs/${i % 4}.md`], time: daysAgo(i) }));
  index.addCommit(commit({ author: carol, files: ['src/naïve "name".c'], time: daysAgo(1) }));
  index.headSha = 'f'.repeat(40);
  return index;
}

function unpack(index: ExpertiseIndex): ExpertiseIndex {
  const transfer = packIndex(index);
  const unpacker = new IndexUnpacker(transfer, ExpertiseIndex.fromHeader(transfer.header));
  for (let i = 0; i < transfer.paths.length; i++) unpacker.next();
  return unpacker.index;
}

describe('an expertise index packed for another thread', () => {
  it('unpacks to the same rows, header, files and suggestions', () => {
    const index = built();
    const copy = unpack(index);
    assert.deepEqual(copy.toJSON(), index.toJSON());
    assert.deepEqual([...copy.knownFiles()], [...index.knownFiles()]);
    const ask = (i: ExpertiseIndex) => suggestReviewers(i, { touchedPaths: ['src/unix/fs.c', 'docs/1.md'], now: NOW, exclude: [alice] }, undefined).map((c) => [c.person.name, c.score]);
    assert.deepEqual(ask(copy), ask(index));
  });

  it('packs the numbers and the times into two buffers that can be moved between threads', () => {
    const transfer = packIndex(built());
    for (const numbers of [transfer.numbers, transfer.times]) {
      assert.ok(numbers instanceof Float64Array);
      assert.equal(numbers.buffer.byteLength, numbers.byteLength, 'each buffer holds nothing else');
    }
    assert.ok(transfer.keys.length < 10, `identity keys are listed once: ${transfer.keys.length}`);
    // 70 commits on one file keep the latest 64 times for each of its tallies, and fewer elsewhere.
    assert.ok(transfer.times.length >= 64, `${transfer.times.length} times`);
  });

  it('shares no times with the index it was packed from, either way', () => {
    const index = built();
    const before = index.toJSON();
    const copy = unpack(index);
    // Newer than all kept: every full tally of the copy moves its times along in place.
    copy.addCommit(commit({ author: alice, reviewers: [bob], files: ['src/unix/fs.c'], time: NOW }));
    assert.deepEqual(index.toJSON(), before, 'the packed index is as it was');
    index.addCommit(commit({ author: bob, reviewers: [carol], files: ['src/unix/fs.c'], time: NOW + 1000 }));
    assert.notDeepEqual(copy.toJSON(), index.toJSON());
    const fs = copy.toJSON().paths['src/unix/fs.c'];
    assert.ok(Object.values(fs).flat().every(([, , , , times]) => !times.includes(NOW + 1000)), 'the copy did not see the other index\'s event');
  });

  it('keeps tallies apart from the index it was packed from', () => {
    const index = built();
    const copy = unpack(index);
    copy.addCommit(commit({ author: alice, files: ['src/unix/fs.c'], time: NOW }));
    assert.notDeepEqual(copy.toJSON().paths['src/unix/fs.c'], index.toJSON().paths['src/unix/fs.c']);
  });
});
