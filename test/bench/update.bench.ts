// The weekly update's cost and speed for a team of 12 with 40 pull requests merged in the week and
// 60 open: GraphQL requests and points per draft (grouped by repository, and by label, which reads
// labels), and the draft's time with 150 ms added to every request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TeamDirectory } from '../../src/github/delegation/teamDirectory';
import type { BenchResult } from './bench';
import { startSandbox } from '../sandbox/server';
import { generateScenario, GENERATED_TOKEN } from '../sandbox/scenarios/generate';
import { createGitHubClient } from '../../src/github/client';
import { resolveEndpoints } from '../../src/github/endpoints';
import { silentLogger } from '../../src/core/logger';
import { defaultWorkingHours } from '../../src/core/workingHours';
import { defaultUpdateSettings } from '../../src/core/update/updateSettings';
import type { UpdateGroupBy, UpdateWeek } from '../../src/core/update/updateTypes';
import { draftWeeklyUpdate, type DraftDependencies } from '../../src/app/update/draftWeeklyUpdate';

const latencyMs = 150;
const runs = 9;
const day = 86_400_000;
const template = readFileSync(join(__dirname, '../../media/update/weeklyUpdate.md'), 'utf8');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** 100 pull requests by 12 people: the first 40 merged within the last six days, the rest open. */
function teamScenario() {
  const scenario = generateScenario({ prs: 100, repos: 10, people: 12, seed: 7 });
  scenario.pullRequests.forEach((pr, i) => {
    if (i < 40) {
      const mergedAt = `-${Math.round((i / 40) * 6 * 24 + 1)}h`;
      Object.assign(pr, { state: 'merged', mergedAt, updatedAt: mergedAt, author: pr.author ?? 'lead' });
    } else Object.assign(pr, { state: 'open' });
  });
  for (const repo of scenario.repos) repo.archived = false;
  return scenario;
}

export default async function updateBench(): Promise<BenchResult> {
  const scenario = teamScenario();
  const team = scenario.users.map((u) => u.login);
  const sandbox = await startSandbox({ scenario });
  const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: GENERATED_TOKEN, log: silentLogger, unthrottled: true, retryBaseMs: 5 });
  const now = new Date();
  const week: UpdateWeek = { start: new Date(now.getTime() - 7 * day), end: now, nextStart: now, nextEnd: new Date(now.getTime() + 7 * day), soFar: true };
  const deps = (groupBy: UpdateGroupBy): DraftDependencies => ({
    client: () => Promise.resolve(client),
    teams: new TeamDirectory(),
    settings: () => ({ update: { ...defaultUpdateSettings, groupBy }, repos: [], orgs: ['bench'], team, githubTeam: undefined, staleBusinessHours: 16, workingTime: defaultWorkingHours, schedule: [] }),
    workspaceRepos: () => Promise.resolve([]),
    focusHistory: () => undefined,
    template: () => Promise.resolve(template),
    now: () => new Date(),
  });
  let requests: number;
  let points: number;
  let labelPoints: number;
  let shipped: number;
  let open: number;
  const totals: number[] = [];
  try {
    await draftWeeklyUpdate(deps('repository'), week); // warm-up: schema caches, connection
    sandbox.clearRequests();
    const draft = await draftWeeklyUpdate(deps('repository'), week);
    requests = sandbox.requests.length;
    points = sandbox.requests.reduce((n, r) => n + (r.graphqlCost ?? 0), 0);
    shipped = draft.sections.shippedCount;
    open = draft.sections.inProgress.length;
    if (shipped !== 40 || open !== 60) throw new Error(`the scenario gave ${shipped} merged and ${open} open pull requests, not 40 and 60`);
    sandbox.clearRequests();
    await draftWeeklyUpdate(deps('label'), week);
    labelPoints = sandbox.requests.reduce((n, r) => n + (r.graphqlCost ?? 0), 0);

    sandbox.setLatency(latencyMs);
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await draftWeeklyUpdate(deps('repository'), week);
      totals.push(performance.now() - started);
    }
  } finally {
    await sandbox.close();
  }
  const draftMs = round(median(totals));
  return {
    figures: { updateRequests: requests, updatePoints: points, updatePointsGroupedByLabel: labelPoints, updateDraftMsAt150msRtt: draftMs },
    lines: [
      `draft for a team of ${team.length}, ${shipped} merged and ${open} open pull requests: ${requests} GraphQL request(s), ${points} point(s); grouped by label ${labelPoints} point(s)`,
      `draft with ${latencyMs} ms added per request: median ${draftMs} ms over ${runs} runs`,
    ],
  };
}
