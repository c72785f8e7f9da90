// The lead's calendars in memory: each feed's occurrences in the window around today and what its
// last refresh came to. A refresh asks each source whether it changed (ETag/If-Modified-Since, or
// a file's modification time), expands a changed one, and keeps the last good copy, in memory and
// in the cache, when a source is unreachable or answers something that is not a calendar.
import type { CalendarEvent, MeetingSource } from '../../core/calendar/calendarEvent';
import type { ExpandedCalendar, ExpandOptions } from '../../core/calendar/expandCalendar';
import type { FeedCache, FeedSource, FeedValidators, FetchOutcome } from '../../core/calendar/feedSource';
import type { FeedStatus } from '../../core/calendar/feedStatus';
import type { Logger } from '../../core/logger';
import { errorText } from '../../core/errorText';

/** What the lazily loaded parser bundle offers (src/calendar/calendarParserEntry.ts). */
export interface CalendarParser {
  /** On a worker thread where one can run, so a big feed does not hold the caller's thread. */
  expandCalendar(text: string, options: ExpandOptions): Promise<ExpandedCalendar> | ExpandedCalendar;
  isParseError(err: unknown): boolean;
  /** Whether parses run on a worker thread (said in the log). */
  parsesOffThread?(): boolean;
}

export interface CalendarBookDeps {
  readonly now: () => number;
  readonly log: Logger;
  readonly cache: FeedCache;
  readonly read: (source: FeedSource, validators: FeedValidators) => Promise<FetchOutcome>;
  readonly loadParser: () => Promise<CalendarParser>;
}

export interface CalendarWindow {
  readonly backDays: number;
  readonly aheadDays: number;
  /** Occurrences kept per feed at most. */
  readonly maxOccurrences: number;
}

/** Four weeks back for the Week view's history, two ahead for planning. */
export const defaultCalendarWindow: CalendarWindow = { backDays: 28, aheadDays: 14, maxOccurrences: 5000 };

const day = 86_400_000;

interface FeedEntry {
  source: FeedSource;
  status: FeedStatus;
  events: readonly CalendarEvent[];
  validators: FeedValidators;
  /** The window and addresses the events were expanded for; a new day or new addresses expand again. */
  expandedFor?: string;
  /** The cache has been read once (at the first refresh in this window). */
  restored: boolean;
}

export class CalendarBook implements MeetingSource {
  private readonly feeds = new Map<string, FeedEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: CalendarBookDeps,
    private readonly window: CalendarWindow = defaultCalendarWindow,
  ) {}

  /** Every occurrence overlapping [from, to), across feeds, by start; filter with `isMeeting` for the ones that block time. */
  meetingsBetween(from: number, to: number): readonly CalendarEvent[] {
    const out: CalendarEvent[] = [];
    for (const entry of this.feeds.values()) for (const e of entry.events) if (e.end > from && e.start < to) out.push(e);
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  statuses(): readonly FeedStatus[] {
    return [...this.feeds.values()].map((e) => e.status);
  }

  /** Drops a feed and its cached copy (Remove Calendar Feed). */
  async forget(feedId: string): Promise<void> {
    this.feeds.delete(feedId);
    await this.deps.cache.remove(feedId);
  }

  /** Refreshes every source; feeds no longer configured are dropped from memory. Never throws. */
  async refresh(sources: readonly FeedSource[], myEmails: readonly string[]): Promise<void> {
    const ids = new Set(sources.map((s) => s.id));
    for (const id of [...this.feeds.keys()]) if (!ids.has(id)) this.feeds.delete(id);
    await Promise.all(sources.map((source) => this.refreshOne(source, myEmails)));
  }

  /** One refresh per feed at a time: a timer and a command asking together share the same work. */
  private refreshOne(source: FeedSource, myEmails: readonly string[]): Promise<void> {
    const running = this.inFlight.get(source.id);
    if (running) return running;
    const work = this.doRefresh(source, myEmails)
      .catch((err: unknown) => this.deps.log.error(`Calendar "${source.name}": refresh failed unexpectedly`, err))
      .finally(() => this.inFlight.delete(source.id));
    this.inFlight.set(source.id, work);
    return work;
  }

  private entryFor(source: FeedSource): FeedEntry {
    let entry = this.feeds.get(source.id);
    if (!entry) {
      entry = { source, status: { feedId: source.id, name: source.name, health: 'pending', events: 0, truncated: false }, events: [], validators: {}, restored: false };
      this.feeds.set(source.id, entry);
    }
    entry.source = source;
    return entry;
  }

  private expandKey(myEmails: readonly string[]): string {
    const today = new Date(this.deps.now());
    return `${today.getFullYear()}-${today.getMonth()}-${today.getDate()}|${[...myEmails].sort().join(',')}`;
  }

  /** Expands a copy into the entry's occurrences; throws what the parser throws, leaving the entry as it was. */
  private async expand(entry: FeedEntry, text: string, myEmails: readonly string[]): Promise<ExpandedCalendar> {
    const parser = await this.deps.loadParser();
    const now = this.deps.now();
    const started = Date.now();
    const result = await parser.expandCalendar(text, {
      feedId: entry.source.id,
      myEmails,
      from: now - this.window.backDays * day,
      to: now + this.window.aheadDays * day,
      maxOccurrences: this.window.maxOccurrences,
    });
    // Not translated: for the log line below.
    const where = parser.parsesOffThread?.() ? 'on a worker thread' : "on the host's thread";
    this.deps.log.info(`Calendar "${entry.source.name}": ${result.events.length} occurrences from ${Math.round(text.length / 1024)} KiB in ${Date.now() - started} ms, ${where}`);
    entry.events = result.events;
    entry.expandedFor = this.expandKey(myEmails);
    return result;
  }

  private async restore(entry: FeedEntry, myEmails: readonly string[]): Promise<void> {
    entry.restored = true;
    const cached = await this.deps.cache.load(entry.source.id);
    if (!cached) return;
    try {
      const result = await this.expand(entry, cached.text, myEmails);
      entry.validators = cached.validators;
      entry.status = { ...entry.status, copyFrom: cached.fetchedAt, events: result.events.length, truncated: result.truncated };
    } catch (err) {
      // A cached copy that no longer parses is worth nothing; the next fetch replaces it.
      this.deps.log.warn(`Calendar "${entry.source.name}": the saved copy could not be read; fetching it again`, err);
    }
  }

  private failed(entry: FeedEntry, health: 'offline' | 'malformed', problem: string): void {
    const now = this.deps.now();
    const failingSince = entry.status.health === health ? entry.status.failingSince ?? now : now;
    entry.status = { ...entry.status, health, problem, failingSince };
    this.deps.log.warn(`Calendar "${entry.source.name}": ${problem}; keeping the copy from ${entry.status.copyFrom === undefined ? 'nowhere (none yet)' : new Date(entry.status.copyFrom).toISOString()}`);
  }

  private async doRefresh(source: FeedSource, myEmails: readonly string[]): Promise<void> {
    const entry = this.entryFor(source);
    if (!entry.restored) await this.restore(entry, myEmails);
    const outcome = await this.deps.read(source, entry.validators);
    if (outcome.kind === 'failed') return this.failed(entry, 'offline', outcome.problem);
    if (outcome.kind === 'unchanged') {
      if (entry.expandedFor !== this.expandKey(myEmails)) {
        const cached = await this.deps.cache.load(source.id);
        if (cached) await this.expand(entry, cached.text, myEmails);
      }
      entry.status = { ...entry.status, health: 'ok', problem: undefined, failingSince: undefined, events: entry.events.length, copyFrom: entry.status.copyFrom ?? this.deps.now() };
      return;
    }
    const parser = await this.deps.loadParser();
    let result: ExpandedCalendar;
    try {
      result = await this.expand(entry, outcome.text, myEmails);
    } catch (err) {
      if (!parser.isParseError(err)) throw err;
      return this.failed(entry, 'malformed', errorText(err));
    }
    const fetchedAt = this.deps.now();
    entry.validators = outcome.validators;
    entry.status = { feedId: source.id, name: source.name, health: 'ok', copyFrom: fetchedAt, events: result.events.length, truncated: result.truncated };
    await this.deps.cache.save(source.id, { text: outcome.text, validators: outcome.validators, fetchedAt });
  }
}
