import { settingTurnaround, turnaroundPhrase } from '../../../src/core/nudge/nudgeTurnaround';
import assert from 'node:assert/strict';
import { setTranslator } from '../../../src/core/inertText';
import { breakStatusText, busyMessage, focusStatusText, stoppedText, todaySummary } from '../../../src/core/focus/format';
import { focusTypeLabel } from '../../../src/core/focus/types';
import { guardCatalogue } from '../../../src/core/focus/guardCatalogue';
import { retryAdvice } from '../../../src/core/retryAdvice';
import { weekLine } from '../../../src/core/week/aggregateWeek';
import { reviewTimeText, weekTitle } from '../../../src/core/week/weekView';
import { formatReason } from '../../../src/core/delegation/reasonText';
import { soleKeeperText } from '../../../src/core/delegation/busFactor';
import { alreadyNudgedMessage, nudgeVerdict } from '../../../src/core/nudge/nudgeRules';
import { pulseErrorFromSlack } from '../../../src/app/pulse/pulseSlack';
import { buildQueueView } from '../../../src/core/queue/grouping';
import { buildQueueTree, type QueueNode } from '../../../src/core/queue/queueTree';
import { formatBusinessDuration, defaultWorkingHours } from '../../../src/core/workingHours';
import { teammateDescription, teamRoots } from '../../../src/vscode/pulse/teamNodes';
import { dayMonthAndClock, weekdayAndClock } from '../../../src/core/dateWords';
import { weekLabel } from '../../../src/core/pulse/pulseWeek';
import { groupingOptions, pr, snapshot } from '../queue/fixtures';

// Sentences built in core and app reach the lead as plain strings (a status-bar text, a reason, an
// error that ends in a toast). They must go through the translator the editor installs, keyed by
// their English text, or a lead with another display language reads them in English. The
// translator here marks what it translated, «like this», and fills values as vscode.l10n.t does.

const fill = (template: string, args: readonly string[]): string => template.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
const keys: string[] = [];
const marked = (text: string): boolean => text.startsWith('«') && text.endsWith('»');

describe('sentences built in core, app and the Team view', () => {
  beforeEach(() => {
    keys.length = 0;
    setTranslator((key, args) => (keys.push(key), `«${fill(key, args)}»`));
  });
  afterEach(() => setTranslator(undefined));

  it('the focus status bar, Stop and the Today line follow the display language', () => {
    const now = Date.UTC(2026, 2, 6, 10);
    assert.equal(breakStatusText({ startedAt: now, endsAt: now + 5 * 60_000 } as never, now), '«$(coffee) 5:00 · Break»');
    assert.equal(focusStatusText({ version: 1, revision: 0, history: [], handledOccurrences: [] } as never, now), '«$(target) Focus»');
    assert.equal(stoppedText(25 * 60_000, focusTypeLabel.deepWork), '«Stopped after «25 min» of «Deep work».»');
    assert.equal(todaySummary([{ outcome: 'completed' }, { outcome: 'stopped' }], 50 * 60_000), '«««50 min» of focus · 1 block done» · 1 stopped early»');
    assert.equal(guardCatalogue.notifications.label, '«VS Code notifications»');
  });

  it('but the busy status teammates read on GitHub and Slack stays as written', () => {
    assert.match(busyMessage(Date.UTC(2026, 2, 6, 11)), /^Focusing until \d\d:\d\d$/);
    assert.deepEqual(keys, []);
  });

  it('retry advice, the week, delegation reasons and the bus factor follow the display language', () => {
    assert.equal(retryAdvice('rateLimited', new Date(2026, 2, 6, 10, 42), undefined), "« GitHub's rate limit resets at 10:42; run the command again then.»");
    assert.equal(weekTitle('2026-03-02', '2026-03-02'), '«This week»');
    assert.ok(marked(weekTitle('2026-02-02', '2026-03-02')), weekTitle('2026-02-02', '2026-03-02'));
    assert.ok(marked(reviewTimeText({ hours: 0, timed: 0, estimated: 0 })));
    const line = weekLine({ deepWorkHours: 3, targetHours: 10, focusedHours: 4, meetingHours: 2, reviewsGiven: 1, reviewTime: { hours: 0, timed: 0, estimated: 0 }, handedOff: 2, breaks: 0, afterHoursHours: 0, eveningsWorked: 0 });
    assert.deepEqual(line.split('; ').map(marked), [true, true, true, true], line);
    assert.equal(formatReason({ windowDays: 365, codeOwner: true, openReviews: 0 }), '«code owner» · «no open reviews»');
    assert.equal(soleKeeperText({ personId: 'p', name: 'Ana', isMe: true, changed: true }, { firstTime: undefined }, 0), '«Only you have changed this file «in the history read».»');
  });

  it('nudge refusals and pulse errors, which end in a toast, follow the display language', () => {
    assert.equal(alreadyNudgedMessage('web#5', new Date(2026, 2, 6, 9, 30)), '«You nudged the reviewers of web#5 today at 09:30. One nudge a day is enough: try again tomorrow.»');
    const view = buildQueueView(snapshot({ mine: [pr({ author: 'lead', number: 2, review: 'changesRequested' })] }), groupingOptions(new Date('2026-03-06T15:00:00Z')));
    const item = flatten(buildQueueTree(view, defaultWorkingHours)).flatMap((n) => (n.kind === 'item' ? [n.item] : []))[0];
    const verdict = nudgeVerdict(item, settingTurnaround(24), defaultWorkingHours);
    assert.ok(marked(turnaroundPhrase({ hours: 6, source: 'measured' }, defaultWorkingHours)));
    assert.ok(!verdict.ok && marked(verdict.reason) && verdict.reason.includes('«changes were requested»'), JSON.stringify(verdict));
    const err = pulseErrorFromSlack({ code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } }, 'post the pulse', 'C0123', 0);
    assert.equal(err.message, '«You are not a member of the Slack channel C0123, so Lead Desk could not post the pulse. Join the channel in Slack, then try again.»');
  });

  it("the queue's groups, rows and durations follow the display language", () => {
    const view = buildQueueView(snapshot({ mine: [pr({ author: 'lead', number: 2, review: 'changesRequested' })] }), groupingOptions(new Date('2026-03-06T15:00:00Z')));
    const nodes = flatten(buildQueueTree(view, defaultWorkingHours));
    const groups = nodes.flatMap((n) => (n.kind === 'group' ? [n.label] : []));
    assert.ok(groups.includes('«My PRs»') && groups.includes('«Changes requested»'), groups.join(', '));
    assert.equal(formatBusinessDuration(3, defaultWorkingHours), '«3 h»');
  });

  it('weekday and month names in what the lead reads follow the display language, where date-fns would write English', () => {
    assert.equal(weekdayAndClock(new Date(2026, 2, 3, 10, 5)), '«Tue» 10:05');
    assert.equal(dayMonthAndClock(new Date(2026, 2, 3, 10, 5)), '«Tue» 3 «Mar» 10:05');
    assert.equal(weekLabel('2026-06-08'), '8 «Jun»');
  });

  it("the Team view's rows follow the display language", () => {
    const row = { login: 'ana', openRequests: 1, waiting: [], overloaded: true };
    assert.equal(teammateDescription(row), '««1 open review request» · far more than the others»');
    const roots = teamRoots({ trend: [], direction: undefined, pulseNote: undefined, team: { kind: 'loading' } } as never);
    assert.deepEqual(
      roots.map((n) => (n.kind === 'message' || n.kind === 'pulse' ? n.label : n.kind)),
      ['«Pulse: none sent in the last 8 weeks»', '«Loading the team…»'],
    );
  });
});

function flatten(nodes: readonly QueueNode[]): QueueNode[] {
  return nodes.flatMap((n) => [n, ...(n.kind === 'group' ? flatten(n.children) : [])]);
}
