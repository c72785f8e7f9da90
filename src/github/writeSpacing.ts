// GitHub asks integrations to leave at least a second between mutations (REST writes and GraphQL
// mutations) to stay clear of its secondary limits. The throttling plugin does so by spacing
// every POST, and a GraphQL query is a POST too, so reads queued one per second: a delegation
// lookup (files, logins, load, availability) waited four seconds or more, and a Busy status
// waited behind them. Here only writes are spaced; reads go out as soon as they are made.

interface RequestShape {
  readonly method?: string;
  readonly url?: string;
  /** The GraphQL document, for requests made through octokit.graphql. */
  readonly query?: unknown;
}

/** True for anything that changes data on GitHub: REST writes and GraphQL mutations. */
export function isWriteRequest(options: RequestShape): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  const path = new URL(options.url ?? '/', 'http://github.invalid').pathname;
  if (!path.endsWith('/graphql')) return true;
  // A document we cannot read is treated as a write: spacing it costs a second, not a limit.
  if (typeof options.query !== 'string') return true;
  const code = options.query.replace(/#[^\n]*/g, '');
  return /(^|\})\s*mutation\b/.test(code) || !/(^|\})\s*(query\b|\{)/.test(code);
}

/** The spacer's notion of time; tests pass a virtual one so spacing is checked without waiting. */
export interface SpacerClock {
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const monotonicClock: SpacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * One spacer for the whole extension host, shared by every client (the limit is per account,
 * and a host rarely has more than one): writes start at least `minTimeMs` apart, in the order
 * they asked. The slot is reserved when the turn is asked for, so concurrent writes cannot share one.
 */
export class WriteSpacer {
  private nextSlot = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minTimeMs: number,
    private readonly clock: SpacerClock = monotonicClock,
  ) {}

  /** Resolves when a write may start, with the time (on the spacer's clock) it was allowed to. */
  async turn(): Promise<number> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minTimeMs;
    if (slot > now) await this.clock.sleep(slot - now);
    return slot;
  }
}

export const sharedWriteSpacer = new WriteSpacer(1000);
