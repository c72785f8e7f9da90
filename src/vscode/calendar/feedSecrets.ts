import type * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { FeedSource } from '../../core/calendar/feedSource';
import { isRecord, isString } from '../../core/storedValues';
import { SecretKey } from '../ids';

// The calendar feeds added with Add Calendar Feed. Their addresses are secrets (whoever has one
// reads the calendar), so the whole list lives in SecretStorage, and every address is registered
// with the log's redactor as soon as it is read.

interface StoredFeed {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

export class FeedSecrets {
  private readonly forgetters = new Map<string, () => void>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly redact: (secret: string) => () => void,
  ) {}

  private protect(feeds: readonly StoredFeed[]): void {
    for (const f of feeds) if (!this.forgetters.has(f.url)) this.forgetters.set(f.url, this.redact(f.url));
  }

  private async read(): Promise<StoredFeed[]> {
    const raw = await this.secrets.get(SecretKey.calendarFeeds);
    if (!raw) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return [];
    }
    const feeds = Array.isArray(parsed) ? parsed.filter((f): f is StoredFeed => isRecord(f) && isString(f.id) && isString(f.name) && isString(f.url)) : [];
    this.protect(feeds);
    return feeds;
  }

  async sources(): Promise<FeedSource[]> {
    return (await this.read()).map((f) => ({ id: f.id, name: f.name, kind: 'url' as const, location: f.url }));
  }

  async add(name: string, url: string): Promise<FeedSource> {
    const feeds = await this.read();
    const feed: StoredFeed = { id: `url:${randomUUID()}`, name, url };
    this.protect([feed]);
    await this.secrets.store(SecretKey.calendarFeeds, JSON.stringify([...feeds, feed]));
    return { id: feed.id, name, kind: 'url', location: url };
  }

  async remove(id: string): Promise<void> {
    const feeds = await this.read();
    await this.secrets.store(SecretKey.calendarFeeds, JSON.stringify(feeds.filter((f) => f.id !== id)));
  }

  dispose(): void {
    for (const forget of this.forgetters.values()) forget();
    this.forgetters.clear();
  }
}
