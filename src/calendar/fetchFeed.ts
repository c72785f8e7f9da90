// Fetches a calendar feed over HTTP with the validators of the last good copy, so an unchanged
// feed costs one 304. The URL is a secret: it never appears in what this returns or throws.

import type { FeedValidators, FetchOutcome } from '../core/calendar/feedSource';

export interface FetchFeedOptions {
  readonly timeoutMs: number;
  /** Larger answers are refused rather than read into memory. */
  readonly maxBytes: number;
  readonly userAgent: string;
}

export const defaultFetchFeedOptions: FetchFeedOptions = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, userAgent: 'lead-desk' };

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Why a request failed, in words without the URL: undici's errors carry a code in `cause`. */
function describeFailure(err: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = err instanceof Error ? (err as Error & { cause?: { code?: unknown } }).cause : undefined;
  const code = cause && typeof cause.code === 'string' ? cause.code : undefined;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the server’s name could not be found';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was dropped';
  return code ? `network error (${code})` : 'network error';
}

export async function fetchFeed(url: string, validators: FeedValidators, options: FetchFeedOptions = defaultFetchFeedOptions): Promise<FetchOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': options.userAgent };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'unchanged' };
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { kind: 'failed', problem: `the server answered HTTP ${response.status}` };
    }
    const text = await readCapped(response.body, options.maxBytes);
    if (text === undefined) return { kind: 'failed', problem: `the feed is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB` };
    return {
      kind: 'fetched',
      text,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } catch (err) {
    return { kind: 'failed', problem: describeFailure(err, timedOut, options.timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}
