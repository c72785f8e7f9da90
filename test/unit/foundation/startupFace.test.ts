import assert from 'node:assert/strict';
import { focusedTodayMs } from '../../../src/vscode/entry/focusToday';
import { parseQueueFace, queueFaceOutOfDate } from '../../../src/vscode/entry/startupFace';

const now = new Date(2026, 2, 4, 10, 0).getTime();
const statusBar = { text: '$(git-pull-request) 3', tooltip: '3 pull requests need your review. Click to open the Review Queue.', command: 'leadDesk.queue.focus', label: '3 pull requests need your review' };
const face = { version: 1, validUntil: now + 3_600_000, statusBarCount: true, badge: { value: 3, tooltip: '3 pull requests need your review' }, statusBar };

describe('the review queue’s start-up face', () => {
  it('reads back what the queue writes, with or without a badge and a status-bar count', () => {
    assert.deepEqual(parseQueueFace(face), face);
    assert.deepEqual(parseQueueFace({ version: 1, validUntil: now, statusBarCount: false }), { version: 1, validUntil: now, statusBarCount: false });
  });

  it('shows nothing of a damaged record', () => {
    const damaged: unknown[] = [
      undefined,
      null,
      'face',
      [],
      { ...face, version: 2 },
      { ...face, validUntil: Number.NaN },
      { ...face, statusBarCount: 'yes' },
      { ...face, badge: { value: 0, tooltip: 'none' } },
      { ...face, badge: { value: 2.5, tooltip: 'half' } },
      { ...face, badge: { value: 3 } },
      { ...face, statusBar: { ...statusBar, text: '' } },
      { ...face, statusBar: { ...statusBar, tooltip: 'x'.repeat(501) } },
      // Clicking the count only ever opens the queue, whatever a damaged record says.
      { ...face, statusBar: { ...statusBar, command: 'workbench.action.terminal.new' } },
      { ...face, statusBar: { ...statusBar, label: 7 } },
    ];
    for (const raw of damaged) assert.equal(parseQueueFace(raw), undefined, JSON.stringify(raw));
  });

  it('stands in for the queue until working hours change or the count is turned on or off', () => {
    const parsed = parseQueueFace(face);
    assert.equal(queueFaceOutOfDate(parsed, now, true), undefined);
    assert.match(queueFaceOutOfDate(parsed, face.validUntil, true) ?? '', /out of date/);
    assert.match(queueFaceOutOfDate(parsed, now, false) ?? '', /turned on or off/);
    assert.match(queueFaceOutOfDate(undefined, now, true) ?? '', /no start-up face/);
  });
});

describe('today’s focus time for the idle focus item', () => {
  const today = new Date(2026, 2, 4, 8, 30).getTime();
  const yesterday = new Date(2026, 2, 3, 23, 0).getTime();

  it('adds the blocks that ended today, as the focus feature counts them', () => {
    assert.equal(focusedTodayMs(undefined, now), 0);
    assert.equal(focusedTodayMs([{ endedAt: yesterday, focusedMs: 60_000 }, { endedAt: today, focusedMs: 25 * 60_000 }, { endedAt: today + 1, focusedMs: 5 * 60_000 }], now), 30 * 60_000);
  });

  it('leaves a history it cannot read to the features', () => {
    assert.equal(focusedTodayMs('history', now), undefined);
    assert.equal(focusedTodayMs([{ endedAt: today }], now), undefined);
    assert.equal(focusedTodayMs([null], now), undefined);
    assert.equal(focusedTodayMs([{ endedAt: today, focusedMs: -1 }], now), undefined);
  });
});
