import assert from 'node:assert/strict';
import { MAX_RECORDS, parsePulseHistory, pulseTrend, sparkline, summarisePulse, trendDirection, withRecord, type PulseRecord } from '../../../src/core/pulse/pulseHistory';
import { defaultPulseOptions } from '../../../src/core/pulse/pulseSettings';
import { recentWeeks } from '../../../src/core/pulse/pulseWeek';

const now = new Date(2025, 5, 13, 15).getTime();
const record = (week: string, counts?: Record<string, number>): PulseRecord => ({ week, channel: 'C0TEAM0001', plannedAt: now, ts: '1749819600.000001', ...(counts ? { counts } : {}) });

describe('pulse history', () => {
  it('scores the configured answers only, best first, on a 1 to 5 scale', () => {
    const summary = summarisePulse({ 'star-struck': 2, tired_face: 1, eyes: 7 }, defaultPulseOptions);
    assert.deepEqual(summary, { responses: 3, score: (5 + 5 + 1) / 3, scale: 5 });
    assert.equal(summarisePulse({}, defaultPulseOptions).score, undefined);
  });

  it('shows eight weeks up to this one, oldest first, with gaps for weeks without a pulse', () => {
    const weeks = recentWeeks(now, 8);
    assert.equal(weeks.at(-1), '2025-06-09');
    assert.equal(weeks[0], '2025-04-21');
    const trend = pulseTrend([record('2025-06-09', { 'star-struck': 3 }), record('2025-05-26', { tired_face: 2 }), record('2025-01-06', { 'star-struck': 1 })], defaultPulseOptions, now);
    assert.equal(trend.length, 8);
    assert.equal(sparkline(trend), '·····▁·█');
    assert.equal(trendDirection(trend), 'up');
    assert.equal(trendDirection(pulseTrend([record('2025-06-09', { tired_face: 1 }), record('2025-06-02', { 'star-struck': 1 })], defaultPulseOptions, now)), 'down');
    assert.equal(trendDirection(pulseTrend([record('2025-06-09', { neutral_face: 1 })], defaultPulseOptions, now)), undefined);
  });

  it('drops what storage holds that is not a pulse record, keeps one per week, newest first', () => {
    const good = record('2025-06-09', { 'star-struck': 1 });
    const raw = [
      record('2025-06-02'),
      good,
      { ...good, week: '2025-06-10' }, // not a Monday
      { ...good, channel: '#team' },
      { ...good, week: '2025-05-26', counts: { 'star-struck': -1 } },
      { ...good, week: '2025-05-19', ts: 'yesterday' },
      { ...good, week: '2025-06-09' }, // a second record for a week
      'nonsense',
    ];
    const { records, dropped } = parsePulseHistory(raw);
    assert.deepEqual(records.map((r) => r.week), ['2025-06-09', '2025-06-02']);
    assert.equal(dropped, 6);
    assert.deepEqual(parsePulseHistory({ not: 'a list' }), { records: [], dropped: 1 });
    assert.deepEqual(parsePulseHistory(undefined), { records: [], dropped: 0 });
  });

  it('replaces a week\u2019s record and keeps half a year', () => {
    let records: PulseRecord[] = [];
    for (const week of recentWeeks(now, MAX_RECORDS + 4)) records = withRecord(records, record(week));
    assert.equal(records.length, MAX_RECORDS);
    assert.equal(records[0].week, '2025-06-09');
    records = withRecord(records, record('2025-06-09', { tired_face: 1 }));
    assert.equal(records.length, MAX_RECORDS);
    assert.deepEqual(records[0].counts, { tired_face: 1 });
  });
});
