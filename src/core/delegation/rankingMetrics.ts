// Accuracy and concentration of reviewer suggestions, as the backtest reports them.

export interface RankingScores {
  readonly top1: number;
  readonly top3: number;
  readonly top5: number;
  readonly mrr: number;
}

/** 1-based rank of the first suggestion that is an actual reviewer, or undefined for a miss. */
export function firstHitRank(suggested: readonly string[], actual: ReadonlySet<string>): number | undefined {
  const i = suggested.findIndex((s) => actual.has(s));
  return i < 0 ? undefined : i + 1;
}

export class RankingAccumulator {
  private n = 0;
  private readonly hits = { top1: 0, top3: 0, top5: 0 };
  private reciprocal = 0;

  add(rank: number | undefined): void {
    this.n++;
    if (rank === undefined) return;
    if (rank <= 1) this.hits.top1++;
    if (rank <= 3) this.hits.top3++;
    if (rank <= 5) this.hits.top5++;
    this.reciprocal += 1 / rank;
  }

  get count(): number {
    return this.n;
  }

  scores(): RankingScores {
    const d = this.n === 0 ? 1 : this.n;
    return { top1: this.hits.top1 / d, top3: this.hits.top3 / d, top5: this.hits.top5 / d, mrr: this.reciprocal / d };
  }
}

/**
 * Gini coefficient of non-negative amounts: 0 when everyone gets the same, towards 1 when one
 * person gets everything. Zeros count, so the population must be fixed by the caller.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let total = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    total += v;
    weighted += (i + 1) * v;
  });
  if (total === 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}
