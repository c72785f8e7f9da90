import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { icsCalendar, icsEvent } from '../../sandbox/calendar/icsText.mjs';
import { CalendarBook, type CalendarBookDeps } from '../../../src/app/calendar/calendarBook';
import { fetchFeed, defaultFetchFeedOptions, type FetchFeedOptions } from '../../../src/calendar/fetchFeed';
import { readFeedFile } from '../../../src/calendar/readFeedFile';
import { loadCalendarParser } from '../../../src/calendar/loadCalendarParser';
import { CalendarCacheStore } from '../../../src/storage/calendarCache';
import type { FeedSource } from '../../../src/core/calendar/feedSource';
import { describeFeedStatus } from '../../../src/core/calendar/feedStatus';
import type { Logger } from '../../../src/core/logger';

const hour = 3_600_000;
const secret = 'private-8f3a9c2e77d14b0b';

function recordingLogger(lines: string[]): Logger {
  const put = (m: unknown, ...a: unknown[]) => void lines.push([m, ...a].map((x) => (x instanceof Error ? x.message : typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
  return { trace: put, debug: put, info: put, warn: put, error: put };
}

describe('calendar feeds against the sandbox (ETag/304, 500, a hang, a malformed feed, 5 MB, restart)', function () {
  this.timeout(60_000);
  let sb: Sandbox;
  let dir: string;
  let now: number;
  let logLines: string[];
  const feedText = (title: string) => icsCalendar('Work', [icsEvent({ uid: 'a@x', title, start: now + 2 * hour, end: now + 3 * hour })]);
  const urlOf = (name: string) => `${sb.url}/calendar/${secret}/${name}.ics`;
  const source = (name: string, id = 'work'): FeedSource => ({ id, name: 'work', kind: 'url', location: urlOf(name) });
  const feedRequests = () => sb.requests.filter((r) => r.path.startsWith('/calendar/'));

  function book(fetchOptions: Partial<FetchFeedOptions> = {}): CalendarBook {
    const deps: CalendarBookDeps = {
      now: () => now,
      log: recordingLogger(logLines),
      cache: new CalendarCacheStore(path.join(dir, 'cache')),
      read: (s, validators) => (s.kind === 'url' ? fetchFeed(s.location, validators, { ...defaultFetchFeedOptions, ...fetchOptions }) : readFeedFile(s.location, validators, 1 << 20)),
      loadParser: loadCalendarParser,
    };
    return new CalendarBook(deps);
  }

  beforeEach(async () => {
    sb = await startSandbox({ scenario: loadScenario('demo') });
    dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-calendar-'));
    now = Date.parse('2026-03-26T09:00:00Z');
    logLines = [];
    sb.calendar.set('work', feedText('Design review'));
  });
  afterEach(async () => {
    await sb.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fetches once, then asks with the ETag and gets 304; a changed feed is fetched again', async () => {
    const b = book();
    await b.refresh([source('work')], []);
    assert.deepEqual(b.meetingsBetween(now, now + 24 * hour).map((e) => e.title), ['Design review']);
    await b.refresh([source('work')], []);
    const [first, second] = feedRequests();
    assert.equal(first?.status, 200);
    assert.equal(second?.status, 304);
    assert.match(String(second?.headers['if-none-match']), /^"[0-9a-f]+"$/);
    assert.ok(second?.headers['if-modified-since'], 'If-Modified-Since is sent too');
    assert.equal(b.statuses()[0]?.health, 'ok');

    sb.calendar.set('work', feedText('Design review (moved)'));
    await b.refresh([source('work')], []);
    assert.equal(feedRequests()[2]?.status, 200);
    assert.deepEqual(b.meetingsBetween(now, now + 24 * hour).map((e) => e.title), ['Design review (moved)']);
  });

  it('keeps the last good copy when the server answers 500, and says since when', async () => {
    const b = book();
    await b.refresh([source('work')], []);
    now += hour;
    await b.refresh([source('broken')], []);
    const status = b.statuses()[0];
    assert.equal(status?.health, 'offline');
    assert.equal(status?.problem, 'the server answered HTTP 500');
    assert.equal(status?.failingSince, now);
    assert.equal(status?.copyFrom, now - hour);
    assert.deepEqual(b.meetingsBetween(now - hour, now + 24 * hour).map((e) => e.title), ['Design review']);
    assert.match(describeFeedStatus(status, now), /^work: offline since \d\d:\d\d \(the server answered HTTP 500\), showing the copy from \d\d:\d\d$/);
  });

  it('gives up on a feed that never answers, and keeps the copy', async () => {
    const b = book({ timeoutMs: 1000 });
    await b.refresh([source('work')], []);
    await b.refresh([source('hang')], []);
    const status = b.statuses()[0];
    assert.equal(status?.health, 'offline');
    assert.equal(status?.problem, 'no answer within 1 s');
    assert.equal(b.meetingsBetween(now, now + 24 * hour).length, 1);
    assert.equal(feedRequests().at(-1)?.status, 0, 'the sandbox never answered it');
  });

  it('does not replace the copy with a sign-in page', async () => {
    const b = book();
    await b.refresh([source('work')], []);
    await b.refresh([source('malformed')], []);
    const status = b.statuses()[0];
    assert.equal(status?.health, 'malformed');
    assert.match(status?.problem ?? '', /iCalendar|VCALENDAR/);
    assert.equal(b.meetingsBetween(now, now + 24 * hour)[0]?.title, 'Design review');
  });

  it('shows the saved copy after a restart while the server is unreachable', async () => {
    await book().refresh([source('work')], []);
    await sb.offline();
    now += 2 * hour;
    const restarted = book();
    await restarted.refresh([source('work')], []);
    const status = restarted.statuses()[0];
    assert.equal(status?.health, 'offline');
    assert.equal(status?.problem, 'the server refused the connection');
    assert.equal(status?.copyFrom, now - 2 * hour);
    assert.deepEqual(restarted.meetingsBetween(now - 2 * hour, now + 24 * hour).map((e) => e.title), ['Design review']);
    await sb.online();
  });

  it('reads the 5 MB feed within the occurrence cap', async () => {
    const b = book();
    await b.refresh([source('big')], ['lead@example.com']);
    const status = b.statuses()[0];
    assert.equal(status?.health, 'ok');
    assert.ok((feedRequests()[0]?.status ?? 0) === 200);
    assert.ok(status && status.events > 100 && status.events <= 5000, `kept ${status?.events}`);
  });

  it('never writes the feed address into the log', async () => {
    const b = book({ timeoutMs: 300 });
    for (const name of ['work', 'broken', 'hang', 'malformed', 'missing']) await b.refresh([source(name)], []);
    await sb.offline();
    await b.refresh([source('work')], []);
    await sb.online();
    assert.ok(logLines.length >= 4, 'failures were logged');
    for (const line of logLines) assert.ok(!line.includes(secret) && !line.includes('/calendar/'), line);
  });

  it('reads a local file by its modification time, and only again when it changes', async () => {
    const file = path.join(dir, 'home.ics');
    await writeFile(file, feedText('Dentist'));
    const fileSource: FeedSource = { id: `file:${file}`, name: 'home.ics', kind: 'file', location: file };
    const b = book();
    await b.refresh([fileSource], []);
    assert.equal(b.meetingsBetween(now, now + 24 * hour)[0]?.title, 'Dentist');
    await writeFile(file, 'not a calendar');
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    await b.refresh([fileSource], []);
    assert.equal(b.statuses()[0]?.health, 'malformed');
    assert.equal(b.meetingsBetween(now, now + 24 * hour)[0]?.title, 'Dentist');
  });
});
