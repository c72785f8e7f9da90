import assert from 'node:assert/strict';
import { loadWeekView, reviewsFreshMs, type LoadWeekDeps, type ReviewCount } from '../../../src/app/week/loadWeekView';
import { countHandoffs, recordFocus, recordHandoff } from '../../../src/app/week/recordActivity';
import type { WeekRecords } from '../../../src/app/week/weekRecords';
import { silentLogger } from '../../../src/core/logger';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { emptyFocusState } from '../../../src/core/focus/types';
import { shiftWeek, type WeekKey } from '../../../src/core/week/weekCalendar';
import { emptyWeekRecord, type WeekRecord } from '../../../src/core/week/weekRecord';
import { inTimeZone } from '../queue/fixtures';

class MemoryRecords implements WeekRecords {
  readonly weeks = new Map<WeekKey, WeekRecord>();
  writes = 0;
  read(week: WeekKey): Promise<WeekRecord> {
    return Promise.resolve(this.weeks.get(week) ?? emptyWeekRecord(week));
  }
  async update(week: WeekKey, change: (r: WeekRecord) => WeekRecord): Promise<WeekRecord> {
    const before = await this.read(week);
    const after = change(before);
    if (after !== before) {
      this.writes++;
      this.weeks.set(week, after);
    }
    return after;
  }
  prune(): Promise<number> {
    return Promise.resolve(0);
  }
}

const zone = inTimeZone('America/New_York');
const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();

describe('loading a week for the view', () => {
  before(zone.before);
  after(zone.after);

  let records: MemoryRecords;
  let now: number;
  let asked: Array<[number, number]>;
  let answer: () => Promise<ReviewCount | undefined>;
  const deps = (): LoadWeekDeps => ({
    records,
    now: () => now,
    workingTime: defaultWorkingHours,
    targetPercent: 50,
    reviews: (from, to) => {
      asked.push([from, to]);
      return answer();
    },
    log: silentLogger,
  });

  beforeEach(() => {
    records = new MemoryRecords();
    // Wednesday of the week US clocks changed (Sunday 8 March 2026).
    now = at(11, 15);
    asked = [];
    answer = () => Promise.resolve({ total: 2, times: [at(9, 11), at(10, 16)] });
  });

  it('counts the reviews handed off in a range, across the weeks it spans, once each', async () => {
    await recordHandoff(records, 'acme/api#1', 'ana', at(9, 10));
    await recordHandoff(records, 'acme/api#1', 'ana', at(9, 10)); // the same handoff reported twice
    await recordHandoff(records, 'acme/api#2', 'ben', at(11, 9));
    await recordHandoff(records, 'acme/api#3', 'ben', at(16, 9)); // the next week
    assert.equal(await countHandoffs(records, at(9, 0), at(16, 0)), 2);
    assert.equal(await countHandoffs(records, at(11, 0), at(17, 0)), 2, 'a range across two weeks reads both');
    assert.equal(await countHandoffs(records, at(12, 0), at(12, 0)), 0);
  });

  it('says which calendar feeds failed, while their last good copies still count', async () => {
    const meetings = { meetingsBetween: () => [] };
    const problem = 'work: offline since 10:40 (HTTP 500), showing the copy from 10:25';
    const view = await loadWeekView({ ...deps(), meetings, calendarProblems: () => [problem] }, '2026-03-09');
    assert.deepEqual(view.notes, [problem]);
    const healthy = await loadWeekView({ ...deps(), meetings, calendarProblems: () => [] }, '2026-03-09');
    assert.deepEqual(healthy.notes, [], 'no calendar note once a feed is set up and healthy');
  });

  it('asks GitHub for the week so far once, keeps the count, and asks again only when it may have changed', async () => {
    const first = await loadWeekView(deps(), '2026-03-09');
    assert.deepEqual(asked, [[at(9, 0), now]]);
    assert.match(first.line, /; 2 reviews;/);
    assert.deepEqual(first.notes, ['No calendar: meetings are not counted. Add a calendar feed to see them.']);
    assert.equal(first.title, 'This week');
    assert.equal(first.canGoForward, false);
    await loadWeekView(deps(), '2026-03-09');
    assert.equal(asked.length, 1);
    now += reviewsFreshMs;
    await loadWeekView(deps(), '2026-03-09');
    assert.equal(asked.length, 2);
  });

  it('never asks again about a week counted after it ended', async () => {
    records.weeks.set('2026-03-02', { ...emptyWeekRecord('2026-03-02'), reviews: { fetchedAt: at(9, 8), total: 7, times: [] } });
    const view = await loadWeekView(deps(), '2026-03-02');
    assert.equal(asked.length, 0);
    assert.equal(view.title, 'Last week');
    assert.match(view.line, /7 reviews/);
  });

  it('keeps the last count and says what went wrong when GitHub cannot be reached', async () => {
    records.weeks.set('2026-03-09', { ...emptyWeekRecord('2026-03-09'), reviews: { fetchedAt: now - reviewsFreshMs, total: 5, times: [] } });
    answer = () => Promise.reject(new Error('GitHub could not be reached'));
    const view = await loadWeekView(deps(), '2026-03-09');
    assert.match(view.line, /5 reviews/);
    assert.ok(view.notes.some((n) => n === 'Reviews given could not be read from GitHub (GitHub could not be reached); showing the last count. Refresh to try again.'));
  });

  it('asks the lead to sign in when there is no account, and leaves reviews out of the line', async () => {
    answer = () => Promise.resolve(undefined);
    const view = await loadWeekView(deps(), '2026-03-09');
    assert.ok(view.notes.includes('Sign in to GitHub to count the reviews you gave.'));
    assert.doesNotMatch(view.line, /review/);
  });

  it('browses back 25 weeks and no further', async () => {
    assert.equal((await loadWeekView(deps(), shiftWeek('2026-03-09', -24))).canGoBack, true);
    assert.equal((await loadWeekView(deps(), shiftWeek('2026-03-09', -25))).canGoBack, false);
  });
});

describe('recording activity into weeks', () => {
  before(zone.before);
  after(zone.after);

  it('files finished blocks under the week they started in, once, and follows a break as it runs', async () => {
    const records = new MemoryRecords();
    const state = {
      ...emptyFocusState,
      history: [
        { id: 'sun', type: 'deepWork' as const, source: 'manual' as const, startedAt: at(8, 22), endedAt: at(9, 1), focusedMs: 3 * 3_600_000, outcome: 'completed' as const },
        { id: 'mon', type: 'review' as const, label: 'PR title', source: 'review' as const, startedAt: at(9, 10), endedAt: at(9, 11), focusedMs: 3_600_000, outcome: 'stopped' as const },
      ],
      break: { afterBlockId: 'mon', startedAt: at(9, 11), endsAt: at(9, 11) + 600_000 },
    };
    await recordFocus(records, state, at(9, 11) + 120_000);
    assert.deepEqual(records.weeks.get('2026-03-02')?.blocks.map((b) => b.id), ['sun']);
    assert.deepEqual(records.weeks.get('2026-03-09')?.blocks.map((b) => b.label), ['PR title']);
    assert.equal(records.weeks.get('2026-03-09')?.breaks[0]?.endedAt, at(9, 11) + 120_000);
    const writes = records.writes;
    await recordFocus(records, state, at(9, 11) + 120_000);
    assert.equal(records.writes, writes, 'a repeat wrote again');
    await recordFocus(records, state, at(9, 12));
    assert.equal(records.weeks.get('2026-03-09')?.breaks[0]?.endedAt, at(9, 11) + 600_000);
    await recordHandoff(records, 'Acme/API#412', 'Jin', at(10, 9));
    await recordHandoff(records, 'acme/api#412', 'jin', at(10, 10));
    assert.equal(records.weeks.get('2026-03-09')?.handoffs.length, 1);
  });
});
