import assert from 'node:assert/strict';
import { formatReason, windowLabel } from '../../../src/core/delegation/reasonText';

const base = { area: 'src/unix/', recentCommits: 0, recentCommitsCapped: false, lastCommit: undefined, reviewsOnFiles: 0, reviewsInArea: 0, similarFile: undefined };

describe('formatReason', () => {
  it('joins commits, reviews and load like a person would say them', () => {
    assert.equal(formatReason({ evidence: { ...base, recentCommits: 14, reviewsOnFiles: 5 }, windowDays: 182, codeOwner: false, openReviews: 2 }), '14 commits in src/unix/ in the last 6 months · reviewed 5 changes on these files · 2 open reviews');
  });

  it('says when someone last committed when they have not lately', () => {
    assert.equal(formatReason({ evidence: { ...base, lastCommit: Date.UTC(2021, 2, 5) }, windowDays: 182, codeOwner: false }), 'last committed to src/unix/ in Mar 2021');
  });

  it('falls back to reviews in the area, then to similar files', () => {
    assert.equal(formatReason({ evidence: { ...base, reviewsInArea: 1 }, windowDays: 182, codeOwner: false }), 'reviewed 1 change in src/unix/');
    assert.equal(formatReason({ evidence: { ...base, similarFile: 'src/unix/fs.c' }, windowDays: 182, codeOwner: false }), 'worked on similar files such as src/unix/fs.c');
  });

  it('marks capped counts as lower bounds', () => {
    assert.equal(formatReason({ evidence: { ...base, reviewsOnFiles: 64, reviewsCapped: true }, windowDays: 182, codeOwner: false }), 'reviewed 64+ changes on these files');
  });

  it('marks a capped count and a busy person', () => {
    assert.equal(formatReason({ evidence: { ...base, recentCommits: 64, recentCommitsCapped: true }, windowDays: 30, codeOwner: true, openReviews: 0, busy: {} }), '64+ commits in src/unix/ in the last month · code owner · no open reviews · busy');
  });

  it('labels windows in days, months and years', () => {
    assert.equal(windowLabel(14), '14 days');
    assert.equal(windowLabel(91), '3 months');
    assert.equal(windowLabel(730), '2 years');
  });
});
