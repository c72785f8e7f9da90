import assert from 'node:assert/strict';
import { isSharedKey } from '../../../src/vscode/entry/sharedState';
import { featuresNeededAtStartup, type StartupStores, type StoredState } from '../../../src/vscode/entry/startupNeeds';

// 2026-03-04 10:00 local time: "today" for the focus history below.
const now = new Date(2026, 2, 4, 10, 0).getTime();

function store(values: Record<string, unknown>): StoredState {
  return { keys: () => Object.keys(values), get: <T>(key: string) => values[key] as T | undefined };
}

/** The shared keys in the shared state, the rest in global state, as the editor keeps them. */
function memento(values: Record<string, unknown>): StartupStores {
  const entries = Object.entries(values);
  return {
    global: store(Object.fromEntries(entries.filter(([key]) => !isSharedKey(key)))),
    shared: store(Object.fromEntries(entries.filter(([key]) => isSharedKey(key)))),
  };
}

const noSettings = () => undefined;

/** A start-up face the queue wrote at 9:00, good until working hours end at 18:00. */
const face = { version: 1, validUntil: new Date(2026, 2, 4, 18, 0).getTime(), statusBarCount: true, badge: { value: 3, tooltip: '3 pull requests need your review' } };

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

  it('does not load them for a queue snapshot with a current start-up face, nor for focus time today', () => {
    const today = new Date(2026, 2, 4, 8, 30).getTime();
    const state = memento({
      'leadDesk.queue.snapshot': { fetchedAt: now },
      'leadDesk.queue.startupFace': face,
      'leadDesk.focus.state': { history: [{ endedAt: today, focusedMs: 25 * 60_000 }] },
    });
    assert.equal(featuresNeededAtStartup(noSettings, state, now), undefined);
    // The status-bar count turned off since the face was written: the features decide again.
    assert.match(featuresNeededAtStartup((key) => (key === 'queue.statusBarCount' ? false : undefined), state, now) ?? '', /status-bar count/);
  });

  it('loads them at start-up for what the status bar, badge or a restore shows from stored state', () => {
    const today = new Date(2026, 2, 4, 8, 30).getTime();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ 'leadDesk.focus.state': { history: [], block: { id: 'b' } } }, /focus block/],
      [{ 'leadDesk.focus.state': { history: [], break: { endsAt: now } } }, /break/],
      [{ 'leadDesk.focus.state': { history: [], off: { until: now } } }, /evening/],
      [{ 'leadDesk.focus.state': { history: [{ endedAt: today }] } }, /focus time needs counting/],
      [{ 'leadDesk.focus.guard.slack': { phase: 'releasing' } }, /restore/],
      [{ 'leadDesk.focus.guards': {} }, /restore/],
      [{ 'leadDesk.queue.snapshot': { fetchedAt: now } }, /snapshot to show and no start-up face/],
      [{ 'leadDesk.queue.snapshot': { fetchedAt: now }, 'leadDesk.queue.startupFace': { version: 1, validUntil: 'soon' } }, /no start-up face/],
      [{ 'leadDesk.queue.snapshot': { fetchedAt: now }, 'leadDesk.queue.startupFace': { ...face, validUntil: now } }, /out of date/],
    ];
    for (const [stored, reason] of cases) assert.match(featuresNeededAtStartup(noSettings, memento(stored), now) ?? '', reason, JSON.stringify(stored));
  });
});
