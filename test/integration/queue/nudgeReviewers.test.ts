// Nudge Reviewers in plain Node against the demo's sandbox: the queue's own rows decide which pull
// request may be nudged, the comment or the new review request reaches GitHub once, and a second
// nudge the same day is refused without a request.
import assert from 'node:assert/strict';
import { DEMO } from '../../sandbox/testing/demoLogins';
import { compileSelector } from '../../sandbox/faults/faultInjector';
import { findPull } from '../../sandbox/state/lookup';
import { queueViewOf } from '../../../src/app/queue/queueDisplay';
import { nudgeReviewers, NudgeRefused, type NudgeDeps } from '../../../src/app/nudge/nudgeReviewers';
import { isNudgeable, type NudgeLedger } from '../../../src/core/nudge/nudgeRules';
import { settingTurnaround } from '../../../src/core/nudge/nudgeTurnaround';
import { nudgeMarker } from '../../../src/github/nudge/nudgeWrites';
import type { QueueItem, QueueView } from '../../../src/core/queue/grouping';
import { emptyLocalState } from '../../../src/core/queue/localState';
import { defaultQueueSettings } from '../../../src/core/queue/queueSettings';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { loadScenario } from '../../sandbox/scenarios/scenario';
import { addPull } from '../../sandbox/state/addPull';
import { makeClient, queueHarness } from './queueHarness';

const COMMENT = 'POST /repos/:owner/:repo/issues/:number/comments';
const LIST_COMMENTS = 'GET /repos/:owner/:repo/issues/:number/comments';
const REQUEST = 'POST /repos/:owner/:repo/pulls/:number/requested_reviewers';
const turnaroundHours = 24;

function ownItems(view: QueueView): QueueItem[] {
  const walk = (groups: QueueView['groups']): QueueItem[] => groups.flatMap((g) => [...g.items.filter((i) => i.mineState !== undefined), ...walk(g.groups)]);
  return walk(view.groups);
}

describe('Nudge Reviewers against the sandbox', function () {
  let sandbox: Sandbox;
  before(async () => {
    const scenario = loadScenario('demo');
    sandbox = await startSandbox({ scenario });
    // One of the lead's pull requests that two people were asked to review eight days ago: past any
    // 24 working hours, whatever today is.
    addPull(sandbox.state, scenario, { repo: 'acme/api', number: 990, title: 'Retry webhooks on 502', author: 'lead', createdAt: '-8d', files: [{ path: 'src/webhooks/retry.ts', additions: 40, deletions: 4 }], reviewRequests: [{ user: 'priya', requestedAt: '-8d' }, { user: 'marco', requestedAt: '-8d' }] }, new Date());
  });
  after(() => sandbox?.close());
  beforeEach(() => sandbox.faults.clear());

  async function setUp() {
    const client = makeClient(sandbox, DEMO.fullToken);
    const h = queueHarness(client);
    await h.scheduler.refresh('manual');
    const snapshot = h.scheduler.state.data;
    assert.ok(snapshot, 'the queue loaded');
    const view = queueViewOf(snapshot, defaultQueueSettings, emptyLocalState, new Date());
    const item = ownItems(view).find((i) => i.pr.number === 990);
    assert.ok(item && isNudgeable(item, turnaroundHours), `acme/api#990 waits past ${turnaroundHours} working hours: ${JSON.stringify(item?.waiting)} ${item?.mineState}`);
    let ledger: NudgeLedger = {};
    let clock = new Date();
    const deps: NudgeDeps = {
      client: () => Promise.resolve(client),
      ledger: { get: () => ledger, set: (l) => Promise.resolve(void (ledger = l)) },
      now: () => clock,
    };
    sandbox.clearRequests();
    const routes = (route: string) => sandbox.requests.filter((r) => compileSelector(route)({ api: r.api, method: r.method, path: r.path.split('?')[0] }));
    const pull = () => findPull(sandbox.state, item.pr.owner, item.pr.repo, item.pr.number)!;
    return { sandbox, item, deps, routes, pull, setClock: (d: Date) => (clock = d) };
  }

  const request = (item: QueueItem, kind: 'comment' | 'reRequest', nudgeId = 'n-1') => ({ item, kind, template: '', turnaround: settingTurnaround(turnaroundHours), time: defaultWorkingHours, nudgeId });

  it('posts one polite comment that mentions the reviewers, then refuses a second nudge the same day', async () => {
    const { item, deps, routes, pull } = await setUp();
    const before = pull().comments.length;
    const outcome = await nudgeReviewers(deps, request(item, 'comment'));
    assert.equal(routes(COMMENT).length, 1);
    assert.equal(pull().comments.length, before + 1);
    const body = pull().comments.at(-1)!.body;
    assert.match(body, /^Hi @[\w-]+.*a gentle nudge: this pull request has been waiting .* for review\./);
    assert.ok(body.endsWith(nudgeMarker('n-1')), body);
    assert.ok(outcome.reviewers.length > 0 && outcome.reviewers.every((r) => body.includes(r)), `${outcome.reviewers.join(', ')} in ${body}`);
    assert.match(outcome.commentUrl ?? '', /#issuecomment-\d+$/);

    await assert.rejects(nudgeReviewers(deps, request(item, 'reRequest', 'n-2')), (err: unknown) => NudgeRefused.is(err) && /^You nudged the reviewers of .* today at \d\d:\d\d\. One nudge a day is enough: try again tomorrow\.$/.test(err.message));
    assert.equal(routes(COMMENT).length + routes(REQUEST).length, 1, 'the refused nudge sent nothing');
    assert.equal(pull().comments.length, before + 1);
  });

  it('lets the next day nudge again, by asking the same reviewers for review', async () => {
    const { item, deps, routes, setClock } = await setUp();
    await nudgeReviewers(deps, request(item, 'comment', 'n-3'));
    setClock(new Date(Date.now() + 24 * 3600_000));
    const outcome = await nudgeReviewers(deps, request(item, 'reRequest'));
    const sent = routes(REQUEST);
    assert.equal(sent.length, 1);
    assert.equal(outcome.kind, 'reRequest');
    const users = item.pr.history?.open.flatMap((r) => (r.reviewer.kind === 'user' ? [r.reviewer.login] : [])) ?? [];
    const body = sent[0].body as { reviewers?: string[] };
    assert.deepEqual(users, ['priya', 'marco']);
    assert.deepEqual(body.reviewers, users);
  });

  it('adversarial: a 502 after GitHub posted the nudge reads back and posts it once', async () => {
    const { sandbox, item, deps, routes, pull } = await setUp();
    const before = pull().comments.length;
    sandbox.faults.inject(COMMENT, { kind: 'status', status: 502, applied: true });
    await nudgeReviewers(deps, request(item, 'comment', 'n-4'));
    assert.equal(routes(COMMENT).length, 1);
    assert.equal(routes(LIST_COMMENTS).length, 1, 'it read back before deciding');
    assert.equal(pull().comments.length, before + 1);
  });

  it('refuses my pull request while it is within the usual turnaround, without a request', async () => {
    const { item, deps, routes } = await setUp();
    await assert.rejects(nudgeReviewers(deps, { ...request(item, 'comment'), turnaround: settingTurnaround(item.waiting.hours + 1) }), (err: unknown) => NudgeRefused.is(err) && /within your team's usual turnaround/.test(err.message));
    assert.equal(routes(COMMENT).length, 0);
  });
});
