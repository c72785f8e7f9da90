import assert from 'node:assert/strict';
import { buildQueueView, type QueueItem } from '../../../src/core/queue/grouping';
import { nudgeVerdict } from '../../../src/core/nudge/nudgeRules';
import { settingTurnaround, turnaroundKey, turnaroundPhrase } from '../../../src/core/nudge/nudgeTurnaround';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { groupingOptions, inTimeZone, pr, snapshot } from '../queue/fixtures';

const now = new Date('2026-03-06T15:00:00Z');

/** My pull request asked of ana two working hours ago, as the queue groups it. */
function waitingTwoHours(): QueueItem {
  const history = { open: [{ reviewer: { kind: 'user' as const, login: 'ana' }, at: '2026-03-06T13:00:00Z' }], reviewedBy: [] };
  const view = buildQueueView(snapshot({ mine: [pr({ author: 'lead', number: 5, history })] }), groupingOptions(now));
  const item = view.groups.flatMap((g) => [...g.items, ...g.groups.flatMap((s) => s.items)]).find((i) => i.pr.number === 5);
  assert.ok(item && item.mineState === 'waiting', 'my pull request waits for ana');
  return item;
}

describe('Nudge Reviewers: which turnaround the refusal names', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  it('names the measured figure and the four weeks it was measured over', () => {
    assert.equal(turnaroundPhrase({ source: 'measured', hours: 6 }, defaultWorkingHours), "your team's usual turnaround of 6 h, measured over the last 4 weeks");
    const verdict = nudgeVerdict(waitingTwoHours(), { source: 'measured', hours: 6 }, defaultWorkingHours);
    assert.ok(!verdict.ok);
    assert.equal(verdict.reason, "web#5 has waited 2 h, within your team's usual turnaround of 6 h, measured over the last 4 weeks. Nudge once it waits longer.");
  });

  it('names the setting when the figure is the setting', () => {
    assert.equal(turnaroundPhrase(settingTurnaround(6), defaultWorkingHours), "your team's usual turnaround of 6 h (leadDesk.update.reviewTurnaroundHours)");
    const verdict = nudgeVerdict(waitingTwoHours(), settingTurnaround(24), defaultWorkingHours);
    assert.ok(!verdict.ok);
    assert.equal(verdict.reason, "web#5 has waited 2 h, within your team's usual turnaround of 3 d (leadDesk.update.reviewTurnaroundHours). Nudge once it waits longer.");
  });

  it('measures again on a new day or with another team, not for a reordered one', () => {
    const inputs = { team: ['Ana', 'bo'], githubTeam: undefined, settingHours: 24, working: defaultWorkingHours };
    const key = turnaroundKey(now, inputs);
    assert.equal(turnaroundKey(new Date('2026-03-06T23:00:00Z'), { ...inputs, team: ['bo', 'ana'] }), key);
    assert.notEqual(turnaroundKey(new Date('2026-03-07T00:30:00Z'), inputs), key);
    assert.notEqual(turnaroundKey(now, { ...inputs, team: ['ana'] }), key);
    assert.notEqual(turnaroundKey(now, { ...inputs, settingHours: 8 }), key);
    const byGitHubTeam = { ...inputs, team: [], githubTeam: 'acme/web' };
    assert.notEqual(turnaroundKey(now, byGitHubTeam), turnaroundKey(now, { ...inputs, team: [] }));
    assert.notEqual(turnaroundKey(now, byGitHubTeam), turnaroundKey(now, { ...byGitHubTeam, githubTeam: 'acme/api' }));
    assert.equal(turnaroundKey(now, byGitHubTeam), turnaroundKey(now, { ...byGitHubTeam, githubTeam: 'ACME/Web' }));
  });
});
