// Calendar feeds as Google, Outlook and Fastmail publish them: a secret address that answers
// `text/calendar` with an ETag and Last-Modified, and 304 when the client's copy is current.
// Routes (no GitHub token: the secret is the path):
//   GET /calendar/:secret/:name.ics   a feed set with `feeds.set(name, text)`, or one of these:
//     broken.ics     500 every time
//     hang.ics       never answers
//     malformed.ics  200 with an HTML sign-in page instead of iCalendar
//     big.ics        about 5 MB of events (built on first request)
import { createHash } from 'node:crypto';
import type { Exchange } from '../http/exchange';
import { bigCalendar } from './bigCalendar';
import { demoCalendar } from './demoCalendar.mjs';

export const CALENDAR_PREFIX = '/calendar/';
export const BIG_FEED_BYTES = 5 * 1024 * 1024;

interface Feed {
  readonly text: string;
  readonly etag: string;
  readonly lastModified: string;
}

export class CalendarFeeds {
  private readonly feeds = new Map<string, Feed>();

  constructor(private readonly now: () => Date) {
    this.set('demo', demoCalendar(now().getTime()));
  }

  /** Publishes (or replaces) a feed; its ETag and Last-Modified change with it. */
  set(name: string, text: string): void {
    const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"`;
    this.feeds.set(name, { text, etag, lastModified: this.now().toUTCString() });
  }

  get(name: string): Feed | undefined {
    if (name === 'big' && !this.feeds.has(name)) this.set('big', bigCalendar(BIG_FEED_BYTES, this.now().getTime()));
    return this.feeds.get(name);
  }
}

const signInPage = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to see this calendar</form></body></html>';

/** Answers a calendar request; returns false for every other path. */
export async function handleCalendar(ex: Exchange, feeds: CalendarFeeds): Promise<boolean> {
  if (!ex.path.startsWith(CALENDAR_PREFIX)) return false;
  const match = /^\/calendar\/[^/]+\/([A-Za-z0-9_-]+)\.ics$/.exec(ex.path);
  const name = match?.[1];
  if (ex.method !== 'GET' || !name) {
    ex.send(404, 'Not Found', { 'content-type': 'text/plain' });
    return true;
  }
  if (name === 'hang') {
    await ex.hang();
    return true;
  }
  if (name === 'broken') {
    ex.send(500, 'Internal Server Error', { 'content-type': 'text/plain' });
    return true;
  }
  if (name === 'malformed') {
    ex.send(200, signInPage, { 'content-type': 'text/html; charset=utf-8' });
    return true;
  }
  const feed = feeds.get(name);
  if (!feed) {
    ex.send(404, 'Not Found', { 'content-type': 'text/plain' });
    return true;
  }
  const validators = { etag: feed.etag, 'last-modified': feed.lastModified, 'cache-control': 'private, max-age=0' };
  const ifNoneMatch = ex.header('if-none-match');
  const ifModifiedSince = ex.header('if-modified-since');
  // If-None-Match wins when both are sent (RFC 9110 13.1.3).
  const fresh = ifNoneMatch !== undefined ? ifNoneMatch.split(',').some((t) => t.trim() === feed.etag) : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(feed.lastModified);
  if (fresh) ex.send(304, undefined, validators);
  else ex.send(200, feed.text, { 'content-type': 'text/calendar; charset=utf-8', ...validators });
  return true;
}
