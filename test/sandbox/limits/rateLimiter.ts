// Primary rate limits per token and resource, in fixed windows like GitHub's:
// core 5000/h, search 30/min, graphql 5000 points/h (limits come from the scenario).
import type { RateResource } from '../scenarios/scenario';

const WINDOW_SECONDS: Record<RateResource, number> = { core: 3600, search: 60, graphql: 3600 };

export interface RateBucket {
  resource: RateResource;
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

interface Window {
  used: number;
  resetMs: number;
}

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(
    private readonly limits: () => Record<RateResource, number>,
    private readonly now: () => number,
  ) {}

  private window(key: string, resource: RateResource): Window {
    const id = `${resource}\u0000${key}`;
    const now = this.now();
    let w = this.windows.get(id);
    if (!w || w.resetMs <= now) {
      w = { used: 0, resetMs: now + WINDOW_SECONDS[resource] * 1000 };
      this.windows.set(id, w);
    }
    return w;
  }

  peek(key: string, resource: RateResource): RateBucket {
    const w = this.window(key, resource);
    const limit = this.limits()[resource];
    return { resource, limit, used: w.used, remaining: Math.max(0, limit - w.used), reset: Math.ceil(w.resetMs / 1000) };
  }

  /** Charges up to what is left, so "remaining" never goes negative. */
  charge(key: string, resource: RateResource, amount: number): RateBucket {
    const w = this.window(key, resource);
    const limit = this.limits()[resource];
    w.used = Math.min(limit, w.used + Math.max(0, amount));
    return this.peek(key, resource);
  }

  exhausted(key: string, resource: RateResource): boolean {
    return this.peek(key, resource).remaining <= 0;
  }

  /** Test hook: pretend the token already spent part of its budget. */
  setRemaining(key: string, resource: RateResource, remaining: number): void {
    const w = this.window(key, resource);
    w.used = Math.max(0, this.limits()[resource] - remaining);
  }

  resetAll(): void {
    this.windows.clear();
  }
}

export function rateHeaders(b: RateBucket): Record<string, string> {
  return {
    'x-ratelimit-limit': String(b.limit),
    'x-ratelimit-remaining': String(b.remaining),
    'x-ratelimit-used': String(b.used),
    'x-ratelimit-reset': String(b.reset),
    'x-ratelimit-resource': b.resource,
  };
}

export function rateLimitedMessage(userId: number): string {
  return `API rate limit exceeded for user ID ${userId}.`;
}
