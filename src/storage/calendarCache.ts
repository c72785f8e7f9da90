// The last good copy of each calendar feed, in the extension's global storage: the raw iCalendar
// text (expanded again as the window moves on) and the validators to ask the server whether it
// changed. Files are named by a hash of the feed's id, so nothing about the feed is in a name.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CachedFeed, FeedCache } from '../core/calendar/feedSource';
import { isFiniteNumber, isRecord, isString, optional } from '../core/storedValues';

const STORE_VERSION = 1;

export class CalendarCacheStore implements FeedCache {
  constructor(private readonly dir: string) {}

  private base(feedId: string): string {
    return path.join(this.dir, createHash('sha256').update(feedId).digest('hex').slice(0, 24));
  }

  async load(feedId: string): Promise<CachedFeed | undefined> {
    const base = this.base(feedId);
    let meta: unknown;
    try {
      meta = JSON.parse(await readFile(`${base}.json`, 'utf8'));
    } catch {
      return undefined;
    }
    if (!isRecord(meta) || meta.version !== STORE_VERSION || meta.feedId !== feedId || !isFiniteNumber(meta.fetchedAt)) return undefined;
    if (!optional(meta.etag, isString) || !optional(meta.lastModified, isString)) return undefined;
    try {
      const text = await readFile(`${base}.ics`, 'utf8');
      return { text, fetchedAt: meta.fetchedAt, validators: { etag: meta.etag as string | undefined, lastModified: meta.lastModified as string | undefined } };
    } catch {
      return undefined;
    }
  }

  async save(feedId: string, copy: CachedFeed): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const base = this.base(feedId);
    // Text first, then the metadata that vouches for it, each written whole and renamed into place,
    // so a crash leaves the previous pair or a text the metadata does not yet claim.
    await writeFile(`${base}.ics.tmp`, copy.text, 'utf8');
    await rename(`${base}.ics.tmp`, `${base}.ics`);
    const meta = { version: STORE_VERSION, feedId, fetchedAt: copy.fetchedAt, etag: copy.validators.etag, lastModified: copy.validators.lastModified };
    await writeFile(`${base}.json.tmp`, JSON.stringify(meta), 'utf8');
    await rename(`${base}.json.tmp`, `${base}.json`);
  }

  async remove(feedId: string): Promise<void> {
    const base = this.base(feedId);
    await rm(`${base}.json`, { force: true });
    await rm(`${base}.ics`, { force: true });
  }
}
