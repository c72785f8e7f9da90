// Nudge Reviewers compares with the team's measured turnaround: measured from the sandbox in one
// GraphQL request, only when first asked, reused for the day, and when measuring fails the nudge
// still goes out against the setting, with a line in the log.
import assert from 'node:assert/strict';
import { endOfDay } from 'date-fns';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { addPull } from '../../sandbox/state/addPull';
import { makeClient, queueHarness } from '../queue/queueHarness';
import { queueViewOf } from '../../../src/app/queue/queueDisplay';
import { nudgeReviewers, NudgeRefused, type NudgeDeps } from '../../../src/app/nudge/nudgeReviewers';
import { TeamTurnaround, RETRY_AFTER_FAILURE_MS } from '../../../src/app/nudge/nudgeTurnaround';
import type { NudgeLedger } from '../../../src/core/nudge/nudgeRules';
import type { NudgeTurnaround } from '../../../src/core/nudge/nudgeTurnaround';
import type { QueueItem, QueueView } from '../../../src/core/queue/grouping';
import { emptyLocalState } from '../../../src/core/queue/localState';
import { defaultQueueSettings } from '../../../src/core/queue/queueSettings';
import type { Logger } from '../../../src/core/logger';
import type { WorkingHours } from '../../../src/core/workingHours';
import { TeamDirectory } from '../../../src/github/delegation/teamDirectory';

/** Every hour counts, so the figures do not depend on the weekday the test runs on. */
const allHours: WorkingHours = { days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 24 * 60 };
const team = ['priya', 'marco', 'jin', 'sofia', 'dan'];
const settingHours = 24;

function ownItems(view: QueueView): QueueItem[] {
  const walk = (groups: QueueView['groups']): QueueItem[] => groups.flatMap((g) => [...g.items.filter((i) => i.mineState !== undefined), ...walk(g.groups)]);
  return walk(view.groups);
}

/** A logger that keeps the warnings, to read what the lead would find in the output channel. */
function recordingLog(): Logger & { readonly warnings: string[] } {
  const warnings: string[] = [];
  const none = () => undefined;
  return { warnings, trace: none, debug: none, info: none, warn: (m: string) => void warnings.push(m), error: none };
}

describe('Nudge Reviewers against the team’s measured turnaround', function () {
  let sandbox: Sandbox;
  let now: number;
  before(async () => {
    const scenario = loadScenario('demo');
    sandbox = await startSandbox({ scenario });
    const at = new Date();
    // Two of the lead's pull requests: one asked of priya eight days ago, one half an hour ago.
    addPull(sandbox.state, scenario, { repo: 'acme/api', number: 991, title: 'Cap webhook retries', author: 'lead', createdAt: '-8d', files: [{ path: 'src/webhooks/cap.ts', additions: 12, deletions: 2 }], reviewRequests: [{ user: 'priya', requestedAt: '-8d' }] }, at);
    addPull(sandbox.state, scenario, { repo: 'acme/api', number: 992, title: 'Log webhook retries', author: 'lead', createdAt: '-30m', files: [{ path: 'src/webhooks/log.ts', additions: 8, deletions: 0 }], reviewRequests: [{ user: 'marco', requestedAt: '-30m' }] }, at);
  });
  after(() => sandbox?.close());
  beforeEach(() => {
    sandbox.faults.clear();
    now = Date.now();
  });

  async function setUp(log = recordingLog()) {
    const client = makeClient(sandbox, DEMO.fullToken);
    const h = queueHarness(client);
    await h.scheduler.refresh('manual');
    const view = queueViewOf(h.scheduler.state.data!, { ...defaultQueueSettings, workingTime: allHours }, emptyLocalState, new Date());
    const item = (n: number) => {
      const found = ownItems(view).find((i) => i.pr.number === n);
      assert.ok(found && found.mineState === 'waiting', `acme/api#${n} waits for its reviewers`);
      return found;
    };
    let ledger: NudgeLedger = {};
    const deps: NudgeDeps = { client: () => Promise.resolve(client), ledger: { get: () => ledger, set: (l) => Promise.resolve(void (ledger = l)) }, now: () => new Date(now) };
    const turnaround = new TeamTurnaround({ client: () => Promise.resolve(client), teams: new TeamDirectory(), inputs: () => ({ team, githubTeam: undefined, working: allHours, settingHours }), now: () => now, log });
    sandbox.clearRequests();
    return { item, deps, turnaround, log };
  }

  const nudge = (deps: NudgeDeps, item: QueueItem, turnaround: NudgeTurnaround, nudgeId: string) => nudgeReviewers(deps, { item, kind: 'comment', template: '', turnaround, time: allHours, nudgeId });

  it('measures once, when first asked, and names the measured figure when it refuses', async () => {
    const { item, deps, turnaround } = await setUp();
    assert.deepEqual(turnaround.peek(), { source: 'setting', hours: settingHours }, 'nothing measured before a nudge is considered');
    assert.equal(sandbox.requests.length, 0, 'creating it asks GitHub nothing');

    const measured = await turnaround.get();
    assert.equal(measured.source, 'measured', JSON.stringify(measured));
    assert.ok(measured.hours >= 1, JSON.stringify(measured));
    assert.equal(sandbox.requests.length, 1, 'one request for the whole team');
    assert.equal(sandbox.requests[0].api, 'graphql');

    // Later checks the same day, for any number of pull requests, ask nothing more (3 h later,
    // or just before midnight when the test runs late in the evening).
    now = Math.min(now + 3 * 3600_000, endOfDay(now).getTime());
    assert.deepEqual(await turnaround.get(), measured);
    assert.deepEqual(turnaround.peek(), measured);
    assert.equal(sandbox.requests.length, 1);

    await assert.rejects(nudge(deps, item(992), measured, 'm-1'), (err: unknown) => NudgeRefused.is(err) && /, within your team's usual turnaround of \d+ (h|d)( \d+ h)?, measured over the last 4 weeks\. Nudge once it waits longer\.$/.test(err.message));
    const sent = await nudge(deps, item(991), measured, 'm-2');
    assert.equal(sent.kind, 'comment');
  });

  it('nudges against the setting when measuring fails, says so in the log, and does not ask again at once', async () => {
    const { item, deps, turnaround, log } = await setUp();
    sandbox.faults.persist('graphql', { kind: 'status', status: 500 });
    const fallback = await turnaround.get();
    assert.deepEqual(fallback, { source: 'setting', hours: settingHours });
    assert.equal(log.warnings.length, 1);
    assert.match(log.warnings[0], /^could not measure the team's usual review turnaround \(.+\); Nudge Reviewers compares with leadDesk\.update\.reviewTurnaroundHours \(24 h\) and tries again in 15 min$/);
    const asked = sandbox.requests.length;
    assert.ok(asked >= 1);

    sandbox.faults.clear();
    assert.deepEqual(await turnaround.get(), fallback, 'a check right after the failure uses the setting');
    assert.equal(sandbox.requests.length, asked, 'without asking GitHub');
    const sent = await nudge(deps, item(991), fallback, 'm-3');
    assert.equal(sent.kind, 'comment', 'the failure did not block the nudge');
    await assert.rejects(nudge({ ...deps, ledger: { get: () => ({}), set: () => Promise.resolve() } }, item(992), fallback, 'm-4'), (err: unknown) => NudgeRefused.is(err) && /within your team's usual turnaround of 1 d \(leadDesk\.update\.reviewTurnaroundHours\)\./.test(err.message));

    now += RETRY_AFTER_FAILURE_MS;
    sandbox.clearRequests();
    assert.equal((await turnaround.get()).source, 'measured', 'measured once the wait is over');
    assert.equal(sandbox.requests.length, 1);
  });
});
