import * as vscode from 'vscode';
import path from 'node:path';
import { CalendarBook } from '../../app/calendar/calendarBook';
import type { CalendarEvent, MeetingSource } from '../../core/calendar/calendarEvent';
import type { CalendarSettings } from '../../core/calendar/calendarSettings';
import type { FeedSource } from '../../core/calendar/feedSource';
import type { FeedStatus } from '../../core/calendar/feedStatus';
import type { Logger } from '../../core/logger';
import { defaultFetchFeedOptions, fetchFeed } from '../../calendar/fetchFeed';
import { loadCalendarParser } from '../../calendar/loadCalendarParser';
import { readFeedFile } from '../../calendar/readFeedFile';
import { CalendarCacheStore } from '../../storage/calendarCache';
import type { FeedSecrets } from './feedSecrets';
import { SharedLookup } from '../../core/sharedLookup';
import { errorText } from '../../core/errorText';

/** Feeds are asked again this often while the window has focus. */
export const calendarRefreshMs = 15 * 60_000;

export interface CalendarModelDeps {
  readonly log: Logger;
  readonly secrets: FeedSecrets;
  readonly settings: () => CalendarSettings;
  readonly storageDir: string;
  readonly userAgent: string;
}

/**
 * The calendar state of this window: what the feeds hold and how their last refresh went. Nothing
 * is fetched at activation: the first refresh runs when a feature first asks for meetings or a
 * calendar command runs; after that, every 15 minutes while the window has focus.
 */
export class CalendarModel implements MeetingSource, vscode.Disposable {
  private readonly book: CalendarBook;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private started = false;
  private lastRefreshAt = 0;
  /** One refresh at a time; a new feed or a settings change waits for one that reads it (afterChange). */
  private readonly refreshes = new SharedLookup(() => this.readFeeds());

  constructor(private readonly deps: CalendarModelDeps) {
    this.book = new CalendarBook({
      now: () => Date.now(),
      log: deps.log,
      cache: new CalendarCacheStore(deps.storageDir),
      read: (source, validators) =>
        source.kind === 'url'
          ? fetchFeed(source.location, validators, { ...defaultFetchFeedOptions, userAgent: deps.userAgent })
          : readFeedFile(source.location, validators, defaultFetchFeedOptions.maxBytes),
      loadParser: loadCalendarParser,
    });
  }

  meetingsBetween(from: number, to: number): readonly CalendarEvent[] {
    this.ensureStarted();
    return this.book.meetingsBetween(from, to);
  }

  statuses(): readonly FeedStatus[] {
    return this.book.statuses();
  }

  async sources(): Promise<FeedSource[]> {
    const files = this.deps.settings().files.map((file): FeedSource => ({ id: `file:${file}`, name: path.basename(file), kind: 'file', location: file }));
    return [...(await this.deps.secrets.sources()), ...files];
  }

  /**
   * Refreshes every feed now (one run at a time) and starts the periodic refresh. A refresh that
   * was running may have listed the feeds before one was added: this waits for one that starts after.
   */
  refresh(): Promise<void> {
    this.ensureStarted();
    return this.refreshes.afterChange();
  }

  async forget(feedId: string): Promise<void> {
    await this.deps.secrets.remove(feedId);
    await this.book.forget(feedId);
    this.emitter.fire();
  }

  /**
   * A refresh nobody waits for (the timer, a settings change): one already running will do unless
   * something it reads changed. Feeds fail one by one inside it and say so in their status; only
   * listing them can fail here (secret storage unavailable), and the last good meetings stay.
   */
  private refreshInBackground(afterChange = false): void {
    (afterChange ? this.refreshes.afterChange() : this.refreshes.current()).catch((err: unknown) =>
      this.deps.log.warn(`calendar refresh failed: ${errorText(err)}`),
    );
  }

  private async readFeeds(): Promise<void> {
    await this.book.refresh(await this.sources(), this.deps.settings().myEmails);
    this.lastRefreshAt = Date.now();
    this.emitter.fire();
  }

  private ensureStarted(): void {
    if (this.started) return;
    this.started = true;
    this.refreshInBackground();
    this.timer = setInterval(() => {
      if (vscode.window.state.focused) this.refreshInBackground();
    }, calendarRefreshMs);
    this.disposables.push(
      // Back from the background after a refresh was due: catch up at once.
      vscode.window.onDidChangeWindowState((e) => {
        if (e.focused && Date.now() - this.lastRefreshAt >= calendarRefreshMs) this.refreshInBackground();
      }),
    );
  }

  /** A settings change (files, addresses) takes effect at once, if the calendar is in use. */
  settingsChanged(): void {
    if (this.started) this.refreshInBackground(true);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
    this.deps.secrets.dispose();
  }
}
