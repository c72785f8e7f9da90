import assert from 'node:assert/strict';
import { RankingAccumulator, firstHitRank, gini } from '../../../src/core/delegation/rankingMetrics';

describe('ranking metrics', () => {
  it('finds the rank of the first actual reviewer', () => {
    assert.equal(firstHitRank(['a', 'b', 'c'], new Set(['c', 'b'])), 2);
    assert.equal(firstHitRank(['a'], new Set(['z'])), undefined);
  });

  it('accumulates top-k and MRR', () => {
    const acc = new RankingAccumulator();
    for (const r of [1, 2, 4, undefined]) acc.add(r);
    assert.deepEqual(acc.scores(), { top1: 0.25, top3: 0.5, top5: 0.75, mrr: (1 + 0.5 + 0.25) / 4 });
    assert.equal(acc.count, 4);
  });

  it('computes Gini: 0 for equal shares, (n-1)/n when one person has everything', () => {
    assert.equal(gini([3, 3, 3]), 0);
    assert.ok(Math.abs(gini([0, 0, 0, 8]) - 0.75) < 1e-12);
    assert.ok(Math.abs(gini([1, 2, 3, 4]) - 0.25) < 1e-12);
    assert.equal(gini([]), 0);
  });
});
