// The Team view's GitHub data against the sandbox: one schema-checked GraphQL request for the whole
// team, open review requests per teammate with the longest-waiting pull requests, and first-review
// times of the pull requests they opened.
import assert from 'node:assert/strict';
import { addWeeks } from 'date-fns';
import { defaultWorkingHours } from '../../../src/core/workingHours';
import { weekStart } from '../../../src/core/pulse/pulseWeek';
import { loadTeamOverview } from '../../../src/app/pulse/teamOverview';
import { usualTurnaround } from '../../../src/app/team/usualTurnaround';
import { fetchTeamActivity } from '../../../src/github/team/teamActivity';
import { TeamDirectory } from '../../../src/github/delegation/teamDirectory';
import { DEMO, startFocusSandbox, type FocusSandbox } from '../focus/focusSandbox';

describe('team activity (GitHub sandbox)', () => {
  let fx: FocusSandbox;
  beforeEach(async () => {
    fx = await startFocusSandbox();
  });
  afterEach(() => fx.close());

  const graphqlCalls = () => fx.sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskTeamActivity');
  const openRequestsTo = (login: string) => fx.sandbox.state.pulls.filter((p) => p.state === 'open' && p.reviewRequests.some((r) => r.user === login)).length;

  it('reads every teammate\u2019s open review requests and authored pull requests in one request', async () => {
    const team = ['priya', 'marco', 'jin', 'sofia', 'dan', 'lead'];
    const since = addWeeks(weekStart(fx.clock.now()), -4);
    const activity = await fetchTeamActivity(fx.github(), team, since);
    assert.equal(graphqlCalls().length, 1);
    assert.equal(graphqlCalls()[0].status, 200);
    assert.deepEqual(activity.loads.map((l) => l.login), team);
    const lead = activity.loads.find((l) => l.login === 'lead')!;
    assert.ok(lead.openRequests >= openRequestsTo('lead') && lead.openRequests > 0);
    assert.ok(lead.waiting.length > 0 && lead.waiting.length <= 5);
    assert.ok(lead.waiting.every((p) => p.owner && p.repo && p.number > 0 && p.url.startsWith('http')));
    assert.ok(activity.authored.length > 0, 'the demo team opened pull requests in the last five weeks');
    assert.ok(activity.authored.some((p) => p.firstReviewAt !== undefined && p.firstReviewAt > p.createdAt));
    assert.ok(activity.cost >= 1);
  });

  it('marks a teammate with far more open requests than the others, and lists the team from leadDesk.team', async () => {
    const pulls = fx.sandbox.state.pulls.filter((p) => p.state === 'open' && p.author !== 'dan');
    for (const pull of pulls) if (!pull.reviewRequests.some((r) => r.user === 'dan')) pull.reviewRequests.push({ user: 'dan', requestedAt: new Date(fx.clock.now()).toISOString(), asCodeOwner: false, requestedBy: 'lead' });
    const overview = await loadTeamOverview({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: ['marco', 'dan', 'sofia', 'jin'], githubTeam: undefined }, defaultWorkingHours);
    assert.equal(overview.kind, 'ready');
    if (overview.kind !== 'ready') return;
    assert.equal(overview.rows[0].login, 'dan');
    assert.ok(overview.rows[0].overloaded, `dan has ${overview.rows[0].openRequests} open requests`);
    assert.ok(overview.rows.slice(1).every((r) => !r.overloaded));
  });

  it('reads the team from leadDesk.delegation.githubTeam when leadDesk.team is empty', async () => {
    const team = fx.sandbox.state.teams[0];
    const overview = await loadTeamOverview({ client: fx.github(DEMO.fullToken), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: [], githubTeam: `${team.org}/${team.slug}` }, defaultWorkingHours);
    assert.equal(overview.kind, 'ready');
    if (overview.kind === 'ready') assert.deepEqual(new Set(overview.rows.map((r) => r.login.toLowerCase())), new Set(team.members.map((m) => m.toLowerCase())));
  });

  it('without a team says so instead of asking GitHub', async () => {
    const overview = await loadTeamOverview({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: [], githubTeam: undefined }, defaultWorkingHours);
    assert.deepEqual(overview, { kind: 'noTeam' });
    assert.equal(fx.sandbox.requests.length, 0);
  });

  it("gives the team's usual turnaround on its own, as the Team view measures it, in one request", async () => {
    const team = ['priya', 'marco', 'jin', 'sofia', 'dan', 'lead'];
    const overview = await loadTeamOverview({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team, githubTeam: undefined }, defaultWorkingHours);
    assert.equal(overview.kind, 'ready');
    if (overview.kind !== 'ready') return;
    fx.sandbox.clearRequests();
    const turnaround = await usualTurnaround({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team, githubTeam: undefined, working: defaultWorkingHours, settingHours: 24 });
    assert.equal(fx.sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskAuthoredPulls').length, 1);
    assert.equal(fx.sandbox.requests.length, 1);
    const sample = overview.firstReview.lastFourWeeks;
    // The demo team had seven pull requests reviewed in the four weeks before this one.
    assert.ok(sample.reviewed >= 5, `${sample.reviewed} reviewed`);
    assert.deepEqual(turnaround, { source: 'measured', hours: Math.max(1, Math.round(sample.medianHours!)), reviewed: sample.reviewed });
    // With fewer teammates than make a sample, the setting stands in, and says how many there were
    // (priya's pull requests reviewed in the four weeks before this one are two at most, any weekday).
    const few = await usualTurnaround({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: ['priya'], githubTeam: undefined, working: defaultWorkingHours, settingHours: 24 });
    assert.equal(few.source, 'setting');
    assert.deepEqual(await usualTurnaround({ client: fx.github(), teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: [], githubTeam: undefined, working: defaultWorkingHours, settingHours: 24 }), { source: 'setting', hours: 24, reviewed: 0, reason: 'noTeam' });
  });

  it("measures the usual turnaround over leadDesk.githubTeam's members when leadDesk.team is empty, as the Team view lists them", async () => {
    const team = fx.sandbox.state.teams[0];
    const settings = { team: [], githubTeam: `${team.org}/${team.slug}` };
    const client = fx.github(DEMO.fullToken);
    const overview = await loadTeamOverview({ client, teams: new TeamDirectory(), now: () => fx.clock.now() }, settings, defaultWorkingHours);
    assert.equal(overview.kind, 'ready');
    if (overview.kind !== 'ready') return;
    fx.sandbox.clearRequests();
    const turnaround = await usualTurnaround({ client, teams: new TeamDirectory(), now: () => fx.clock.now() }, { ...settings, working: defaultWorkingHours, settingHours: 24 });
    const sample = overview.firstReview.lastFourWeeks;
    assert.deepEqual(turnaround, sample.reviewed >= 5 ? { source: 'measured', hours: Math.max(1, Math.round(sample.medianHours!)), reviewed: sample.reviewed } : { source: 'setting', hours: 24, reviewed: sample.reviewed, reason: 'tooFew' });
    assert.notEqual(turnaround.source === 'setting' ? turnaround.reason : undefined, 'noTeam', 'the GitHub team counts as a team');
    // Its members, then their pull requests; the names asked about are the team's.
    const authored = fx.sandbox.requests.filter((r) => r.graphqlOperation === 'LeadDeskAuthoredPulls');
    assert.equal(authored.length, 1);
    for (const member of team.members) assert.match(JSON.stringify(authored[0].body ?? authored[0]), new RegExp(`author:${member}\\b`, 'i'));
  });

  it('fails with the reason when the GitHub team cannot be read, so the setting stands in with a word why', async () => {
    const client = fx.github(DEMO.fullToken);
    await assert.rejects(
      usualTurnaround({ client, teams: new TeamDirectory(), now: () => fx.clock.now() }, { team: [], githubTeam: 'acme/no-such-team', working: defaultWorkingHours, settingHours: 24 }),
      /acme\/no-such-team/,
    );
  });
});
