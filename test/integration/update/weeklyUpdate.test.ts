// The weekly update against the sandbox over real HTTP: one GraphQL request for the whole week
// (checked against GitHub's schema by the sandbox), the cost GitHub reports, milestones and labels,
// and the draft the demo team's week gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { makeClient } from '../queue/queueHarness';
import { draftWeeklyUpdate, type DraftDependencies, type DraftSettings } from '../../../src/app/update/draftWeeklyUpdate';
import { defaultUpdateSettings } from '../../../src/core/update/updateSettings';
import type { WorkingHours } from '../../../src/core/workingHours';
import { parseSchedule } from '../../../src/core/focus/schedule';
import type { UpdateWeek } from '../../../src/core/update/updateTypes';
import type { FinishedBlock } from '../../../src/core/focus/types';

const template = readFileSync(join(import.meta.dirname, '../../../media/update/weeklyUpdate.md'), 'utf8');
const day = 86_400_000;
const allHours: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 24 * 60 };

describe('weekly update against the sandbox', () => {
  let sb: Sandbox;
  let now: Date;
  /** The seven days up to now, so the demo's relative dates fall inside whatever the weekday. */
  let week: UpdateWeek;

  beforeEach(async () => {
    now = new Date();
    week = { start: new Date(now.getTime() - 7 * day), end: now, nextStart: now, nextEnd: new Date(now.getTime() + 7 * day), soFar: true };
    sb = await startSandbox({ scenario: loadScenario('demo', now), now: () => now });
  });
  afterEach(() => sb.close());

  function deps(settings: Partial<DraftSettings> = {}, focus?: FinishedBlock[]): DraftDependencies {
    return {
      client: () => Promise.resolve(makeClient(sb, DEMO.fullToken)),
      settings: () => ({
        update: defaultUpdateSettings,
        repos: ['acme/platform'],
        orgs: [],
        team: [],
        staleBusinessHours: 16,
        // Every hour counts, so the At risk ages do not depend on the weekday the test runs on.
        workingTime: allHours,
        schedule: parseSchedule([{ days: ['weekdays'], start: '09:00', end: '11:00', label: 'Heads-down' }]).entries,
        ...settings,
      }),
      workspaceRepos: () => Promise.resolve(['acme/web']),
      focusHistory: () => focus,
      template: () => Promise.resolve(template),
      now: () => now,
    };
  }

  it('reads the whole week in one GraphQL request and reports the cost the sandbox charged', async () => {
    sb.clearRequests();
    const draft = await draftWeeklyUpdate(deps(), week);
    const graphql = sb.requests.filter((r) => r.route?.startsWith('graphql') || r.path.endsWith('/graphql'));
    assert.equal(sb.requests.length, 1, sb.requests.map((r) => `${r.method} ${r.path}`).join(', '));
    assert.equal(graphql.length, 1);
    assert.equal(draft.requests, 1);
    assert.equal(draft.cost, graphql[0].graphqlCost);
    assert.equal(draft.cost, 1);
    assert.equal(draft.sections.shippedCount, 9, draft.text);
    // acme/platform's eight merges of the last week and acme/web#98 (from the open folder's remote).
    assert.deepEqual(draft.sections.shipped.map((g) => [g.name, g.pullRequests.length]), [['acme/platform', 8], ['acme/web', 1]]);
    assert.match(draft.text, /\[Rate-limit the \\`\/search\\` endpoint per API key\]\(https:\/\/github\.com\/acme\/platform\/pull\/502\)/);
    assert.match(draft.text, /Fix \\<Tooltip\\> flicker on hover/);
  });

  it('counts reviews given, the At risk reasons, focus time, next week and the milestone due', async () => {
    const focus: FinishedBlock[] = [{ id: 'b1', type: 'deepWork', source: 'manual', startedAt: now.getTime() - 2 * day, endedAt: now.getTime() - 2 * day + 90 * 60_000, focusedMs: 90 * 60_000, outcome: 'completed' }];
    const draft = await draftWeeklyUpdate(deps({}, focus), week);
    // The lead reviewed acme/api#430 and acme/web#98 two days ago; acme/api#430 is outside the scope but still counts.
    assert.equal(draft.sections.reviewsGiven, 2);
    assert.match(draft.text, /- Reviewed 2 pull requests/);
    assert.match(draft.text, /- Focus time: 1 h 30 min \(deep work 1 h 30 min\)/);
    const risky = draft.sections.atRisk.map((r) => `${r.pullRequest.repository}#${r.pullRequest.number}: ${r.reasons.join(' ')}`);
    assert.deepEqual(risky, [
      'acme/web#88: stale waitingForReview',
      'acme/web#91: stale waitingForReview',
      'acme/web#97: stale waitingForReview',
    ]);
    assert.match(draft.text, /\(acme\/web\\#88 by sofia\): no activity for 1 day; waiting for review longer than the team's usual turnaround/);
    assert.equal(draft.sections.nextBlocks.length, 5);
    assert.deepEqual(draft.sections.milestonesDue.map((m) => m.title), ['SOC 2 readiness']);
    assert.match(draft.text, /Milestone \[SOC 2 readiness\]\(https:\/\/github\.com\/acme\/platform\/milestone\/4\) due/);
  });

  it('groups by label with labels read in the same request, at a higher but reported cost', async () => {
    sb.clearRequests();
    const draft = await draftWeeklyUpdate(deps({ update: { ...defaultUpdateSettings, groupBy: 'label' } }), week);
    assert.equal(sb.requests.length, 1);
    assert.equal(draft.cost, sb.requests[0].graphqlCost);
    assert.ok(draft.cost > 1, `labels under every merged search cost more: ${draft.cost}`);
    assert.deepEqual(draft.sections.shipped.map((g) => g.name), ['a11y', 'backend', 'infra', 'security', 'ui', 'No label']);
  });

  it("finds each teammate's merged and open pull requests wherever they work", async () => {
    const draft = await draftWeeklyUpdate(deps({ repos: [], team: ['dan'] }), week);
    assert.deepEqual(
      draft.sections.shipped.flatMap((g) => g.pullRequests.map((p) => `${p.repository}#${p.number}`)).sort(),
      ['acme/platform#506', 'acme/web#98'],
    );
    assert.ok(draft.sections.inProgress.every((p) => p.pullRequest.author === 'dan' || p.pullRequest.repository === 'acme/web'));
    assert.ok(draft.sections.inProgress.some((p) => p.pullRequest.repository === 'acme/api' && p.pullRequest.number === 421));
  });
});
