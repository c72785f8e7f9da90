import assert from 'node:assert/strict';
import { ExpertiseIndex } from '../../../src/core/delegation/expertiseIndex';
import { scoreExpertise } from '../../../src/core/delegation/expertiseScore';
import { defaultRankingOptions, rankCandidates } from '../../../src/core/delegation/rankCandidates';
import type { RankingRequest } from '../../../src/core/delegation/rankCandidates';
import { suggestReviewers } from '../../../src/core/delegation/suggestReviewers';
import { NOW, alice, bob, carol, commit, daysAgo, dave, erin } from './commitFixtures';

const settings = { halfLifeDays: 60, largeCommitFiles: 20 };
const touched = ['src/unix/fs.c', 'src/unix/core.c'];

// Carol reviews src/unix most, Bob a little, Dave wrote most of it; Alice is the lead.
function team(): ExpertiseIndex {
  const index = new ExpertiseIndex(settings);
  for (let i = 0; i < 5; i++) index.addCommit(commit({ author: dave, files: ['src/unix/fs.c'], reviewers: [carol], time: daysAgo(10 + i * 20) }));
  index.addCommit(commit({ author: dave, files: ['src/unix/core.c'], reviewers: [bob], time: daysAgo(30) }));
  index.addCommit(commit({ author: erin, files: ['src/unix/core.c'], reviewers: [alice], time: daysAgo(40) }));
  index.addCommit(commit({ author: alice, files: ['docs/x.md'], reviewers: [erin], time: daysAgo(50) }));
  return index;
}

function rank(index: ExpertiseIndex, extra: Partial<RankingRequest> = {}) {
  return rankCandidates({ index, expertise: scoreExpertise(index, touched, NOW), touchedPaths: touched, now: NOW, ...extra });
}

const names = (r: ReturnType<typeof rank>): string[] => r.map((c) => c.person.name);

describe('rankCandidates', () => {
  it('never suggests the PR author or me, however much they know', () => {
    const index = team();
    const all = names(rank(index));
    assert.ok(all.includes('Dave Lister') && all.includes('Alice Liddell'));
    const r = names(rank(index, { exclude: [{ name: 'Dave Lister' }, { email: 'ALICE@example.com' }] }));
    assert.ok(!r.includes('Dave Lister'));
    assert.ok(!r.includes('Alice Liddell'));
    assert.equal(r[0], 'Carol Danvers');
  });

  it('puts busy people below available ones but still lists them, marked unavailable', () => {
    const index = team();
    const r = rank(index, { exclude: [dave], availability: [{ who: carol, busy: true, message: 'On holiday' }] });
    assert.notEqual(r[0].person.name, 'Carol Danvers');
    const c = r.find((x) => x.person.name === 'Carol Danvers');
    assert.ok(c);
    assert.equal(c.available, false);
    assert.equal(c.busyMessage, 'On holiday');
    assert.ok(r.indexOf(c) > r.findIndex((x) => x.available));
    assert.ok(r.slice(r.indexOf(c)).every((x) => !x.available), 'nobody available sorts after a busy person');
    assert.match(c.reason, /busy: On holiday$/);
  });

  it('takes a stated penalty off overloaded people, enough to reorder close calls', () => {
    const index = team();
    const before = rank(index, { exclude: [dave] });
    const carolBefore = before.find((c) => c.person.name === 'Carol Danvers');
    assert.ok(carolBefore);
    const r = rank(index, { exclude: [dave], load: [{ who: carol, openReviews: 9 }, { who: bob, openReviews: 1 }] });
    const c = r.find((x) => x.person.name === 'Carol Danvers');
    assert.ok(c);
    assert.equal(c.breakdown.loadPenalty, defaultRankingOptions.maxLoadPenalty);
    assert.ok(Math.abs(c.score - (carolBefore.score - defaultRankingOptions.maxLoadPenalty)) < 1e-12);
    assert.equal(r.find((x) => x.person.name === 'Bob Builder')?.breakdown.loadPenalty, 0, 'within free reviews');
    assert.match(c.reason, /9 open reviews/);
  });

  it('boosts code owners, including ones with no history here', () => {
    const index = team();
    const r = rank(index, { exclude: [dave], codeOwners: ['@bob', '@newcomer', '@org/unix'], teamMembers: { '@org/unix': ['erin-gh'] } });
    const b = r.find((x) => x.person.name === 'Bob Builder');
    // "@bob" is not an identity in history: Bob Builder is only known by name and email.
    assert.equal(b?.codeOwner ?? false, false);
    const newcomer = r.find((x) => x.person.logins.includes('newcomer'));
    assert.ok(newcomer);
    assert.equal(newcomer.codeOwner, true);
    assert.equal(newcomer.breakdown.codeOwner, defaultRankingOptions.codeOwnerBoost);
    assert.equal(newcomer.reason, 'code owner');
    assert.ok(r.some((x) => x.person.logins.includes('erin-gh') && x.codeOwner), 'team members count as owners');
  });

  it('raises a code owner with history above an equal non-owner', () => {
    const index = team();
    const plain = rank(index, { exclude: [dave] });
    const owned = rank(index, { exclude: [dave], codeOwners: ['erin@example.com'] });
    const at = (r: ReturnType<typeof rank>): number => r.findIndex((x) => x.person.name === 'Erin Brockovich');
    assert.ok(at(owned) < at(plain));
    assert.equal(owned[at(owned)].codeOwner, true);
  });

  it('explains each suggestion in one line of counts', () => {
    const index = team();
    const r = rank(index, { exclude: [alice], load: [{ who: carol, openReviews: 2 }] });
    const carolRow = r.find((x) => x.person.name === 'Carol Danvers');
    assert.equal(carolRow?.reason, 'reviewed 5 changes on these files · 2 open reviews');
    const daveRow = r.find((x) => x.person.name === 'Dave Lister');
    assert.equal(daveRow?.reason, '5 commits in src/unix/ in the last 6 months');
    assert.equal(daveRow?.evidence?.recentCommits, 5);
  });

  it('gives a score breakdown that adds up', () => {
    const r = rank(team(), { exclude: [dave], load: [{ who: bob, openReviews: 4 }], codeOwners: ['carol@example.com'] });
    for (const c of r) {
      const b = c.breakdown;
      assert.ok(Math.abs(c.score - (b.review + b.authorship + b.codeOwner - b.loadPenalty)) < 1e-12);
    }
    assert.ok(Math.abs(r[0].breakdown.review + r[0].breakdown.authorship - 1) < 1e-12, 'the strongest expertise is 1');
  });

  it('is what suggestReviewers returns for the same request', () => {
    const index = team();
    const direct = rank(index, { exclude: [dave] });
    const viaEntry = suggestReviewers(index, { touchedPaths: touched, now: NOW, exclude: [dave] });
    assert.deepEqual(viaEntry, direct);
  });
});
