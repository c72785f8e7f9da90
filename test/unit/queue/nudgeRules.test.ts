import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildQueueView, type QueueItem } from '../../../src/core/queue/grouping';
import { buildQueueTree, groupIcons, itemIcon, type QueueNode } from '../../../src/core/queue/queueTree';
import { alreadyNudgedMessage, isNudgeable, nudgedToday, nudgeVerdict, parseNudgeLedger, recordNudge } from '../../../src/core/nudge/nudgeRules';
import { defaultNudgeTemplate, formatNudgeComment } from '../../../src/core/nudge/nudgeComment';
import { parseNudgeSettings } from '../../../src/core/nudge/nudgeSettings';
import { settingTurnaround } from '../../../src/core/nudge/nudgeTurnaround';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { groupingOptions, inTimeZone, pr, snapshot } from './fixtures';

const now = new Date('2026-03-06T15:00:00Z');
const asked = { open: [{ reviewer: { kind: 'user' as const, login: 'ana' }, at: '2026-03-02T09:00:00Z' }, { reviewer: { kind: 'team' as const, org: 'acme', slug: 'platform' }, at: '2026-03-02T09:00:00Z' }], reviewedBy: [] };

function flatten(nodes: readonly QueueNode[]): QueueNode[] {
  return nodes.flatMap((n) => [n, ...(n.kind === 'group' ? flatten(n.children) : [])]);
}

/** My pull requests as the queue groups them, by number. */
function mine(...prs: Parameters<typeof pr>[0][]): Map<number, QueueItem> {
  const view = buildQueueView(snapshot({ mine: prs.map((p) => pr({ author: 'lead', ...p })) }), groupingOptions(now, { includeDrafts: true }));
  const items = flatten(buildQueueTree(view, defaultWorkingHours)).flatMap((n) => (n.kind === 'item' ? [n.item] : []));
  return new Map(items.map((i) => [i.pr.number, i]));
}

describe('Nudge Reviewers: which of my pull requests may be nudged', () => {
  const zone = inTimeZone('UTC');
  before(zone.before);
  after(zone.after);

  // Requested Monday 09:00; by Friday 15:00 that is 4 working days and 6 hours.
  let items: Map<number, QueueItem>;
  before(() => {
    items = mine(
    { number: 1, history: asked, createdAt: '2026-03-02T09:00:00Z' },
    { number: 2, history: asked, review: 'changesRequested' },
    { number: 3, history: asked, isDraft: true },
    { number: 4, history: { open: [], reviewedBy: [] } },
      { number: 5, history: { open: [{ reviewer: { kind: 'user', login: 'ana' }, at: '2026-03-06T13:00:00Z' }], reviewedBy: [] } },
    );
  });

  it('offers a nudge once my pull request has waited for review longer than the usual turnaround', () => {
    const item = items.get(1)!;
    assert.equal(item.mineState, 'waiting');
    assert.ok(isNudgeable(item, 24));
    const verdict = nudgeVerdict(item, settingTurnaround(24), defaultWorkingHours);
    assert.ok(verdict.ok);
    assert.deepEqual(verdict.reviewers, asked.open.map((r) => r.reviewer));
  });

  it('refuses within the turnaround, and says how long it waited against what', () => {
    const item = items.get(5)!;
    assert.equal(isNudgeable(item, 24), false);
    const verdict = nudgeVerdict(item, settingTurnaround(24), defaultWorkingHours);
    assert.ok(!verdict.ok);
    assert.match(verdict.reason, /^web#5 has waited 2 h, within your team's usual turnaround of 3 d .*Nudge once it waits longer\.$/);
  });

  it('refuses what is mine to move: changes requested, a draft, nobody asked', () => {
    for (const [n, why] of [[2, 'changes were requested'], [3, 'it is a draft'], [4, 'nobody has been asked to review it']] as const) {
      const verdict = nudgeVerdict(items.get(n)!, settingTurnaround(1), defaultWorkingHours);
      assert.ok(!verdict.ok && verdict.reason.includes(why), `#${n}: ${JSON.stringify(verdict)}`);
      assert.equal(isNudgeable(items.get(n)!, 1), false);
    }
  });

  it('refuses pull requests that are not mine', () => {
    const view = buildQueueView(snapshot({ reviewRequested: [pr({ number: 9, history: { open: [{ reviewer: { kind: 'user', login: 'lead' }, at: '2026-03-02T09:00:00Z' }], reviewedBy: [] } })] }), groupingOptions(now));
    const theirs = view.groups[0].items[0];
    const verdict = nudgeVerdict(theirs, settingTurnaround(1), defaultWorkingHours);
    assert.ok(!verdict.ok && /not one of your pull requests/.test(verdict.reason));
  });

  it('marks only the nudgeable rows for the context menu, and none without a turnaround', () => {
    const view = buildQueueView(snapshot({ mine: [pr({ number: 1, author: 'lead', history: asked }), pr({ number: 2, author: 'lead', history: asked, review: 'changesRequested' })] }), groupingOptions(now));
    const rows = (hours?: number) => new Map(flatten(buildQueueTree(view, defaultWorkingHours, hours)).flatMap((n) => (n.kind === 'item' ? [[n.item.pr.number, n.contextValue] as const] : [])));
    assert.equal(rows(24).get(1), 'pullRequest unpinned awake nudgeable');
    assert.equal(rows(24).get(2), 'pullRequest unpinned awake');
    assert.equal(rows(undefined).get(1), 'pullRequest unpinned awake');
  });

});

describe('Nudge Reviewers: once per pull request per day', () => {
  const zone = inTimeZone('Europe/Lisbon');
  before(zone.before);
  after(zone.after);

  it('remembers a nudge for the rest of the day, and says when it was', () => {
    const ledger = recordNudge({}, 'acme/web#1', new Date('2026-03-06T10:42:00Z'));
    const last = nudgedToday(ledger, 'acme/web#1', new Date('2026-03-06T23:30:00Z'));
    assert.ok(last);
    assert.equal(alreadyNudgedMessage('web#1', last), 'You nudged the reviewers of web#1 today at 10:42. One nudge a day is enough: try again tomorrow.');
    assert.equal(nudgedToday(ledger, 'acme/web#2', new Date('2026-03-06T12:00:00Z')), undefined, 'another pull request');
  });

  it('allows the next nudge the next day, and forgets older days when it records one', () => {
    const ledger = recordNudge({}, 'acme/web#1', new Date('2026-03-05T16:00:00Z'));
    assert.equal(nudgedToday(ledger, 'acme/web#1', new Date('2026-03-06T08:00:00Z')), undefined);
    assert.deepEqual(Object.keys(recordNudge(ledger, 'acme/web#2', new Date('2026-03-06T08:00:00Z'))), ['acme/web#2']);
  });

  it('reads damaged stored ledgers as empty entries', () => {
    assert.deepEqual(parseNudgeLedger(['x']), {});
    assert.deepEqual(parseNudgeLedger({ a: 'noon', b: 5 }), { b: 5 });
  });
});

describe('Nudge Reviewers: the comment', () => {
  it('fills the default template, mentioning only the reviewers asked', () => {
    assert.match(defaultNudgeTemplate, /\{reviewers\}/);
    const text = formatNudgeComment({ reviewers: asked.open.map((r) => r.reviewer), waiting: '4 d 6 h', title: 'Fix' });
    assert.equal(text, 'Hi @ana, @acme/platform, a gentle nudge: this pull request has been waiting 4 d 6 h for review. Could you take a look when you have a moment? Thank you!');
  });

  it('escapes the title so it cannot mention, link or format, and drops malformed logins', () => {
    const text = formatNudgeComment({ template: '{reviewers}: {title} ({waiting})', reviewers: [{ kind: 'user', login: 'not a login' }, { kind: 'user', login: 'ben' }], waiting: '2 d', title: 'Ping @channel [x](http://evil) #12' });
    assert.ok(text.startsWith('@ben: '), text);
    assert.ok(!text.includes('@channel'), text);
    assert.ok(!text.includes('[x](http'), text);
    assert.ok(!/(^|[^&])#12/.test(text.replace('#&#8203;12', '')), text);
  });

  it('reads the template setting, and refuses a value that is not text', () => {
    assert.equal(parseNudgeSettings((k) => (k === 'queue.nudgeTemplate' ? ' Hi {reviewers} ' : undefined), []).template, 'Hi {reviewers}');
    const problems: Array<{ key: string; message: string }> = [];
    assert.equal(parseNudgeSettings(() => 5, problems).template, '');
    assert.equal(problems[0]?.key, 'leadDesk.queue.nudgeTemplate');
  });
});

describe("the queue's legend", () => {
  const legend = readFileSync(path.join(__dirname, '../../../media/legend/queue.md'), 'utf8');

  it('explains every icon and colour a queue row or group can show', () => {
    const states = [{}, { isDraft: true }, { review: 'changesRequested' as const }, { merge: 'conflicting' as const }, { review: 'approved' as const }, { ci: 'failure' as const }, { ci: 'pending' as const }];
    const icons = [...Object.values(groupIcons), ...states.map((s) => itemIcon({ pr: pr(s) } as QueueItem)), itemIcon({ pr: pr(), snooze: { kind: 'activity' } } as unknown as QueueItem)];
    for (const icon of icons) {
      assert.ok(legend.includes(`\`${icon.id}\``), `the legend does not explain the ${icon.id} icon`);
      if (icon.color) assert.ok(legend.includes(`\`${icon.color}\``), `the legend does not explain the ${icon.color} colour`);
    }
  });
});
