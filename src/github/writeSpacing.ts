// GitHub asks integrations to leave at least a second between mutations (REST writes and GraphQL
// mutations) to stay clear of its secondary limits. The throttling plugin does so by spacing
// every POST, and a GraphQL query is a POST too, so reads queued one per second: a delegation
// lookup (files, logins, load, availability) waited four seconds or more, and a Busy status
// waited behind them. Here only writes are spaced; reads go out as soon as they are made.

import Bottleneck from 'bottleneck/light.js';

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

/**
 * One spacer for the whole extension host, shared by every client (the limit is per account,
 * and a host rarely has more than one): writes leave `minTimeMs` between them.
 */
export class WriteSpacer {
  private readonly limiter: Bottleneck;

  constructor(minTimeMs: number) {
    this.limiter = new Bottleneck({ maxConcurrent: 1, minTime: minTimeMs });
  }

  /** Resolves when a write may start. */
  turn(): Promise<void> {
    return this.limiter.schedule(() => Promise.resolve());
  }
}

export const sharedWriteSpacer = new WriteSpacer(1000);
