import assert from 'node:assert/strict';
import { featuresNeededAtStartup, type StoredState } from '../../../src/vscode/entry/startupNeeds';

// 2026-03-04 10:00 local time: "today" for the focus history below.
const now = new Date(2026, 2, 4, 10, 0).getTime();

function memento(values: Record<string, unknown>): StoredState {
  return { keys: () => Object.keys(values), get: <T>(key: string) => values[key] as T | undefined };
}

const noSettings = () => undefined;

describe('what start-up needs from the features', () => {
  it('needs nothing on a fresh profile, or with only yesterday’s focus and released guards', () => {
    assert.equal(featuresNeededAtStartup(noSettings, memento({}), now), undefined);
    const yesterday = new Date(2026, 2, 3, 15, 0).getTime();
    const state = memento({
      'leadDesk.focus.state': { version: 1, revision: 3, history: [{ endedAt: yesterday }], handledOccurrences: [] },
      'leadDesk.focus.guard.githubStatus': { phase: 'released' },
    });
    assert.equal(featuresNeededAtStartup(noSettings, state, now), undefined);
  });

  it('loads them at start-up for a schedule, a background queue, or a scheduled pulse', () => {
    const settings = (values: Record<string, unknown>) => (key: string) => values[key];
    assert.match(featuresNeededAtStartup(settings({ 'focus.schedule': [{ days: ['mon'], start: '09:00', minutes: 90 }] }), memento({}), now) ?? '', /focus schedule/);
    assert.match(featuresNeededAtStartup(settings({ 'queue.refreshInBackground': true }), memento({}), now) ?? '', /background/);
    assert.match(featuresNeededAtStartup(settings({ 'pulse.schedule': { day: 'fri', time: '15:00' } }), memento({}), now) ?? '', /pulse/);
    assert.equal(featuresNeededAtStartup(settings({ 'focus.schedule': [], 'queue.refreshInBackground': false, 'pulse.schedule': null }), memento({}), now), undefined);
  });

  it('loads them at start-up for what the status bar, badge or a restore shows from stored state', () => {
    const today = new Date(2026, 2, 4, 8, 30).getTime();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ 'leadDesk.focus.state': { history: [], block: { id: 'b' } } }, /focus block/],
      [{ 'leadDesk.focus.state': { history: [], break: { endsAt: now } } }, /break/],
      [{ 'leadDesk.focus.state': { history: [], off: { until: now } } }, /evening/],
      [{ 'leadDesk.focus.state': { history: [{ endedAt: today }] } }, /focus time today/],
      [{ 'leadDesk.focus.guard.slack': { phase: 'releasing' } }, /restore/],
      [{ 'leadDesk.focus.guards': {} }, /restore/],
      [{ 'leadDesk.queue.snapshot': { fetchedAt: now } }, /snapshot/],
    ];
    for (const [stored, reason] of cases) assert.match(featuresNeededAtStartup(noSettings, memento(stored), now) ?? '', reason, JSON.stringify(stored));
  });
});
