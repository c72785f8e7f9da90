import assert from 'node:assert/strict';
import { chronological, defaultBacktestOptions, replayBacktest } from '../../../src/core/delegation/backtestReplay';
import { RecentReviewersBaseline } from '../../../src/core/delegation/recentReviewersBaseline';
import { IdentityResolver } from '../../../src/core/delegation/identityResolver';
import { alice, bob, carol, commit, daysAgo, dave, erin, NOW } from './commitFixtures';

describe('replayBacktest', () => {
  it('suggests from earlier history only: a first-time reviewer cannot be hit', () => {
    const report = replayBacktest([commit({ author: alice, files: ['a.c'], reviewers: [bob], time: daysAgo(3) })]);
    assert.equal(report.evaluated, 1);
    assert.equal(report.engine.top5, 0);
    assert.equal(report.baseline.top5, 0);
  });

  it('never counts the author as a hit, even when they reviewed the area most', () => {
    const history = [
      ...[10, 9, 8].map((d) => commit({ author: carol, files: ['net/tcp.c'], reviewers: [alice], time: daysAgo(d) })),
      commit({ author: alice, files: ['net/tcp.c'], reviewers: [bob], time: daysAgo(7) }),
      commit({ author: alice, files: ['net/tcp.c'], reviewers: [bob, alice], time: daysAgo(6) }),
    ];
    const report = replayBacktest(history);
    // Evaluated: the three carol commits (first miss, then alice hits), and alice's two, where only bob counts.
    assert.equal(report.evaluated, 5);
    assert.equal(report.engine.top1, 3 / 5);
  });

  it('beats the frequency baseline when expertise is local', () => {
    const history = [];
    // Bob reviews a lot everywhere else; Carol is the one who reviews net/.
    for (let i = 0; i < 40; i++) history.push(commit({ author: dave, files: [`ui/f${i % 5}.ts`], reviewers: [bob], time: daysAgo(100 - i) }));
    for (let i = 0; i < 10; i++) history.push(commit({ author: erin, files: ['net/tcp.c'], reviewers: [carol], time: daysAgo(59.5 - i) }));
    const report = replayBacktest(history);
    assert.ok(report.engine.top1 > report.baseline.top1, `${report.engine.top1} > ${report.baseline.top1}`);
    assert.ok(report.engine.mrr > report.baseline.mrr);
    assert.ok(report.actualGini >= 0 && report.actualGini <= 1);
  });

  it('orders a newest-first dataset oldest first, keeping ties in history order', () => {
    const a = commit({ author: alice, files: ['x'], time: 1, sha: 'a'.repeat(40) });
    const b = commit({ author: alice, files: ['x'], time: 2, sha: 'b'.repeat(40) });
    const c = commit({ author: alice, files: ['x'], time: 2, sha: 'c'.repeat(40) });
    assert.deepEqual(chronological([c, b, a], true).map((x) => x.sha[0]), ['a', 'b', 'c']);
  });

  it('uses the options it is given', () => {
    assert.equal(defaultBacktestOptions.concentrationDepth, 3);
  });
});

describe('RecentReviewersBaseline', () => {
  it('ranks by reviews in the window, then all-time, without the excluded', () => {
    const ids = new IdentityResolver();
    const b = new RecentReviewersBaseline(ids, 90);
    for (let i = 0; i < 5; i++) b.add(commit({ author: dave, files: ['a'], reviewers: [bob], time: daysAgo(400 + i) }));
    for (let i = 0; i < 2; i++) b.add(commit({ author: dave, files: ['a'], reviewers: [carol], time: daysAgo(10 + i) }));
    b.add(commit({ author: dave, files: ['a'], reviewers: [erin], time: daysAgo(20) }));
    const name = (id: string): string => ids.describe(id).name;
    assert.deepEqual(b.suggest(NOW, new Set(), 3).map(name), ['Carol Danvers', 'Erin Brockovich', 'Bob Builder']);
    assert.deepEqual(b.suggest(NOW, new Set([ids.lookup(carol) as string]), 1).map(name), ['Erin Brockovich']);
  });
});
