// The Slack Web API client, in a module of its own so that it is loaded only when Slack is used
// (the focus feature imports it on demand).
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger } from '../core/logger';

/**
 * A WebClient that fails fast: no retries and no waiting on 429 inside a call, because the guard
 * orchestrator retries with its own backoff and must not hold a block transition open.
 */
export function createSlackClient(token: string, options: { apiUrl?: string; log?: Logger; timeoutMs?: number; fetch?: typeof globalThis.fetch } = {}): WebClient {
  const log = options.log;
  let level = LogLevel.WARN;
  return new WebClient(token, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    logger: {
      debug: () => undefined,
      info: () => undefined,
      // Failures reach the orchestrator as errors; the client's own lines go to debug.
      warn: (...msg: unknown[]) => log?.debug(`[slack] ${msg.map(String).join(' ')}`),
      error: (...msg: unknown[]) => log?.debug(`[slack] ${msg.map(String).join(' ')}`),
      setLevel: (l: LogLevel) => void (level = l),
      getLevel: () => level,
      setName: () => undefined,
    },
  });
}
