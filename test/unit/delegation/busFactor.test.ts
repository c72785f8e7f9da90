import assert from 'node:assert/strict';
import { nearbyFiles, soleKeeper, spanText } from '../../../src/core/delegation/busFactor';
import { DAY_MS } from '../../../src/core/delegation/decay';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { findCandidates, type FindCandidatesInput } from '../../../src/core/delegation/findCandidates';
import { alice, bob, carol, commit, daysAgo, NOW } from './commitFixtures';

const lead = { name: 'Lee Adams', email: 'lee@corp.example' };

/** The lead alone wrote src/billing/tax.ts; Alice and Bob work on the rest of src/billing/, Carol elsewhere and most. */
function history(): ExpertiseIndex {
  const index = new ExpertiseIndex();
  index.addCommit(commit({ author: carol, files: ['docs/guide.md'], time: daysAgo(3 * 365 + 20) }));
  for (let d = 0; d < 4; d++) index.addCommit(commit({ author: lead, files: ['src/billing/tax.ts'], time: daysAgo(400 - d * 90) }));
  for (let d = 0; d < 5; d++) index.addCommit(commit({ author: alice, files: ['src/billing/invoice.ts'], time: daysAgo(60 - d) }));
  for (let d = 0; d < 3; d++) index.addCommit(commit({ author: bob, files: ['src/billing/currency.ts'], time: daysAgo(30 - d), reviewers: [alice] }));
  for (let d = 0; d < 30; d++) index.addCommit(commit({ author: carol, files: [`src/ui/page${d}.tsx`], time: daysAgo(20 - d / 2) }));
  index.addCommit(commit({ author: bob, files: ['tools/release.sh'], time: daysAgo(5) }));
  return index;
}

function input(extra: Partial<FindCandidatesInput>): FindCandidatesInput {
  return { index: history(), touchedPaths: ['src/billing/tax.ts'], now: NOW, me: 'lee-gh', mapping: { 'lee@corp.example': 'lee-gh' }, knownEmails: new Map(), sampleSha: () => undefined, busFactor: true, ...extra };
}

describe('bus factor: a file one person alone knows', () => {
  it('says "Only you have changed this file" with the real span, and suggests the people who know its folder', async () => {
    const found = await findCandidates(input({}), {});
    assert.deepEqual(found.busFactor, { text: 'Only you have changed this file in 3 years.', folder: 'src/billing/' });
    assert.deepEqual(found.rows.map((r) => r.name).sort(), ['Alice Liddell', 'Bob Builder']);
    assert.ok(!found.rows.some((r) => r.name === 'Carol Danvers'), 'the most active person of the repository is not offered for a folder she never touched');
  });

  it('names the one person when it is someone else, over the history actually read', async () => {
    const index = new ExpertiseIndex();
    index.addCommit(commit({ author: alice, files: ['src/billing/tax.ts'], time: daysAgo(100) }));
    index.addCommit(commit({ author: bob, files: ['src/billing/invoice.ts'], time: daysAgo(40) }));
    const found = await findCandidates(input({ index }), {});
    assert.equal(found.busFactor?.text, 'Only Alice Liddell has changed this file in 3 months.');
    assert.equal(found.busFactor?.folder, 'src/billing/');
    assert.ok(found.rows.some((r) => r.name === 'Bob Builder'));
  });

  it('says nothing of the kind when two people know the file, or for a pull request', async () => {
    const index = history();
    index.addCommit(commit({ author: alice, files: ['src/billing/tax.ts'], time: daysAgo(2) }));
    assert.equal((await findCandidates(input({ index }), {})).busFactor, undefined);
    assert.equal((await findCandidates(input({ busFactor: false }), {})).busFactor, undefined);
  });

  it('recognises the lead by a GitHub name when no mapping links the work email', () => {
    const index = history();
    const me = index.identities.lookup({ name: 'Lee Adams' });
    const keeper = soleKeeper(index, 'src/billing/tax.ts', (id) => id === me);
    assert.deepEqual(keeper && { name: keeper.name, isMe: keeper.isMe, changed: keeper.changed }, { name: 'Lee Adams', isMe: true, changed: true });
    assert.equal(soleKeeper(index, 'src/billing/currency.ts', () => false), undefined, 'Bob wrote it and Alice reviewed it');
  });

  it('walks up to the nearest folder with other files, and says when there is none', () => {
    const index = new ExpertiseIndex();
    index.addCommit(commit({ author: alice, files: ['src/deep/alone/only.ts', 'src/other.ts'] }));
    assert.deepEqual(nearbyFiles(index, 'src/deep/alone/only.ts', 10), { folder: 'src/', files: ['src/other.ts'] });
    const single = new ExpertiseIndex();
    single.addCommit(commit({ author: alice, files: ['README.md'] }));
    assert.equal(nearbyFiles(single, 'README.md', 10), undefined);
  });

  it('puts a span in the largest whole unit', () => {
    assert.equal(spanText(3 * 365 * DAY_MS + 5 * DAY_MS), '3 years');
    assert.equal(spanText(364 * DAY_MS), '12 months');
    assert.equal(spanText(20 * DAY_MS), '2 weeks');
    assert.equal(spanText(1 * DAY_MS), '1 day');
  });
});
