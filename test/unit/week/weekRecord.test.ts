import assert from 'node:assert/strict';
import { emptyWeekRecord, reviveWeekRecord, withBlocks, withBreak, withHandoff } from '../../../src/core/week/weekRecord';
import { asHostMessage, asViewMessage } from '../../../src/core/week/weekMessages';
import { parseWeekSettings } from '../../../src/core/week/weekSettings';
import type { SettingsProblem } from '../../../src/core/settingsSource';

const t = Date.UTC(2026, 2, 24, 9);
const block = { id: 'b1', type: 'deepWork' as const, startedAt: t, endedAt: t + 3_600_000, focusedMs: 3_600_000 };

describe('week records', () => {
  it('accepts a record it wrote and drops any with a damaged part, saying which', () => {
    const good = withHandoff(withBlocks(emptyWeekRecord('2026-03-23'), [block]), { id: 'acme/api#1→jin', at: t });
    assert.deepEqual(reviveWeekRecord(JSON.parse(JSON.stringify(good)), '2026-03-23'), { record: good });
    const damaged: Array<[unknown, RegExp]> = [
      [null, /not a week record/],
      [{ ...good, version: 2 }, /not a week record/],
      [good, /names week 2026-03-23/],
      [{ ...good, blocks: [{ ...block, focusedMs: 2 * 3_600_000 }] }, /focus blocks/],
      [{ ...good, blocks: [{ ...block, type: 'nap' }] }, /focus blocks/],
      [{ ...good, breaks: [{ id: 'b1', startedAt: t, endedAt: t - 1 }] }, /breaks/],
      [{ ...good, handoffs: 'many' }, /handoffs/],
      [{ ...good, reviews: { fetchedAt: t, total: 1, times: [t, t] } }, /reviews/],
    ];
    for (const [raw, problem] of damaged) {
      const revived = reviveWeekRecord(raw, raw === good ? '2026-03-30' : '2026-03-23');
      assert.ok('problem' in revived, `accepted ${JSON.stringify(raw)}`);
      assert.match(revived.problem, problem);
    }
  });

  it('merges by id, returning the same record when nothing is new so no write is needed', () => {
    const once = withBlocks(emptyWeekRecord('2026-03-23'), [block]);
    assert.equal(withBlocks(once, [block]), once);
    const handed = withHandoff(once, { id: 'x', at: t });
    assert.equal(withHandoff(handed, { id: 'x', at: t + 1 }), handed);
    const pause = withBreak(once, { id: 'b1', startedAt: t, endedAt: t + 60_000 });
    const longer = withBreak(pause, { id: 'b1', startedAt: t, endedAt: t + 300_000 });
    assert.deepEqual(longer.breaks, [{ id: 'b1', startedAt: t, endedAt: t + 300_000 }]);
    assert.equal(withBreak(longer, { id: 'b1', startedAt: t, endedAt: t + 60_000 }), longer);
  });

  it('reads the coding target, falling back to 50 % and naming the setting when it is out of range', () => {
    const problems: SettingsProblem[] = [];
    assert.equal(parseWeekSettings(() => 60, problems).codingTargetPercent, 60);
    assert.equal(parseWeekSettings(() => 120, problems).codingTargetPercent, 50);
    assert.equal(parseWeekSettings(() => undefined, problems).codingTargetPercent, 50);
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.week.codingTargetPercent']);
  });
});

describe('week view messages', () => {
  it('takes from the page only "ready" and a move to the previous, next or current week', () => {
    assert.deepEqual(asViewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(asViewMessage({ type: 'go', to: 'previous' }), { type: 'go', to: 'previous' });
    for (const bad of [{ type: 'go', to: -3 }, { type: 'go', to: 'command:leadDesk.signOut' }, { type: 'ready', extra: 1 }, 'ready', null, { type: 'run' }]) {
      assert.equal(asViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('draws only week data of the expected shape', () => {
    const hours = { deepWork: 1, review: 0, meetings: 0, planning: 0 };
    const data = {
      week: '2026-03-23', title: 'This week', canGoBack: true, canGoForward: false, targetPercent: 50, line: '1 h deep work of 20 h target',
      days: [{ label: 'Mon 23', date: '2026-03-23', working: true, within: hours, outside: hours, reviews: 0, targetHours: 4 }],
      figures: [{ label: 'Deep work', value: '1 h' }], items: [{ title: '<img src=x onerror=alert(1)>', category: 'review', hours: '1 h' }], notes: [],
    };
    assert.equal(asHostMessage({ type: 'week', data })?.type, 'week');
    assert.equal(asHostMessage({ type: 'week', data: { ...data, days: [{ ...data.days[0], within: { ...hours, deepWork: -1 } }] } }), undefined);
    assert.equal(asHostMessage({ type: 'week', data: { ...data, items: [{ title: 'x', category: 'html', hours: '1 h' }] } }), undefined);
    assert.equal(asHostMessage({ type: 'html', text: '<b>' }), undefined);
  });
});
