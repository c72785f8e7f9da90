// The yardstick: suggest whoever reviewed most in the last N days, ignoring what changed. Any
// model worth shipping has to beat it, so the backtest always reports it alongside.

import { DAY_MS } from './decay';
import type { IdentityResolver } from './identityResolver';
import type { CommitRecord } from './types';

interface ReviewEvent {
  readonly time: number;
  readonly key: string;
}

export class RecentReviewersBaseline {
  private readonly events: ReviewEvent[] = [];
  private readonly allTime = new Map<string, number>();

  constructor(
    private readonly identities: IdentityResolver,
    private readonly windowDays = 90,
  ) {}

  add(commit: CommitRecord): void {
    for (const r of commit.reviewers) {
      const key = this.identities.lookup(r) ?? this.identities.add(r);
      if (key === undefined) continue;
      this.events.push({ time: commit.time, key });
      this.allTime.set(key, (this.allTime.get(key) ?? 0) + 1);
    }
  }

  /** Most reviews in the window first; all-time counts break ties and fill a short list. */
  suggest(now: number, exclude: ReadonlySet<string>, limit: number): string[] {
    const since = now - this.windowDays * DAY_MS;
    const recent = new Map<string, number>();
    for (let i = this.events.length - 1; i >= 0 && this.events[i].time >= since; i--) {
      if (this.events[i].time > now) continue;
      const id = this.identities.find(this.events[i].key);
      recent.set(id, (recent.get(id) ?? 0) + 1);
    }
    const total = new Map<string, number>();
    for (const [k, n] of this.allTime) {
      const id = this.identities.find(k);
      total.set(id, (total.get(id) ?? 0) + n);
    }
    return [...total.keys()]
      .filter((id) => !exclude.has(id))
      .sort((a, b) => (recent.get(b) ?? 0) - (recent.get(a) ?? 0) || (total.get(b) ?? 0) - (total.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, limit);
  }
}
