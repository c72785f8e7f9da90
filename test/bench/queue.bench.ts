// The review queue's cost and speed: GraphQL requests and points per full refresh for 100 pull
// requests over 20 repositories, refresh latency with 150 ms added to every request, and the
// time to build the tree for 300 pull requests.
import type { BenchResult } from './bench';
import { startSandbox } from '../sandbox/server';
import { generateScenario, GENERATED_TOKEN } from '../sandbox/scenarios/generate';
import { createGitHubClient } from '../../src/github/client';
import { resolveEndpoints } from '../../src/github/endpoints';
import { silentLogger } from '../../src/core/logger';
import { planSearches } from '../../src/core/queue/searchQueries';
import { fetchQueue } from '../../src/github/queue/fetchQueue';
import { buildQueueView } from '../../src/core/queue/grouping';
import { buildQueueTree } from '../../src/core/queue/queueTree';
import { defaultWorkingHours } from '../../src/core/workingHours';
import { emptyLocalState } from '../../src/core/queue/localState';
import type { QueueSnapshot } from '../../src/core/queue/queueTypes';
import { median, round } from './support/stats';

const latencyMs = 150;
const runs = 9;



/** Keeps the first `count` distinct pull requests of a snapshot (a pull request may sit in several groups). */
function limitTo(snapshot: QueueSnapshot, count: number): QueueSnapshot {
  const kept = new Set<string>();
  const results = Object.fromEntries(
    Object.entries(snapshot.results).map(([alias, result]) => {
      const pullRequests = result.pullRequests.filter((p) => {
        const key = `${p.owner}/${p.repo}#${p.number}`;
        if (kept.has(key)) return true;
        if (kept.size >= count) return false;
        kept.add(key);
        return true;
      });
      return [alias, { ...result, pullRequests }];
    }),
  );
  return { ...snapshot, results };
}

function render(snapshot: QueueSnapshot): number {
  const view = buildQueueView(snapshot, { now: new Date(), workingTime: defaultWorkingHours, staleBusinessHours: 16, includeDrafts: false, local: emptyLocalState, customSections: [], staleConfigured: true });
  const tree = buildQueueTree(view, defaultWorkingHours);
  return tree.length;
}

async function measure(prs: number, repos: number) {
  const sandbox = await startSandbox({ scenario: generateScenario({ prs, repos }) });
  const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: GENERATED_TOKEN, log: silentLogger, unthrottled: true, retryBaseMs: 5 });
  // The Stale group watches the whole bench organisation, so every open pull request is in play.
  const searches = () => planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: [], staleOrgs: ['bench'], customSections: [], now: new Date() });
  return { sandbox, client, searches };
}

export default async function queueBench(): Promise<BenchResult> {
  // Requests and points for one full refresh, 100 PRs over 20 repositories.
  const small = await measure(100, 20);
  let requests: number;
  let points: number;
  let prCount: number;
  const totals: number[] = [];
  const server: number[] = [];
  const own: number[] = [];
  try {
    await fetchQueue(small.client, small.searches()); // warm-up: schema caches, connection
    small.sandbox.clearRequests();
    const snapshot = await fetchQueue(small.client, small.searches());
    requests = small.sandbox.requests.length;
    points = small.sandbox.requests.reduce((n, r) => n + (r.graphqlCost ?? 0), 0);
    prCount = new Set(Object.values(snapshot.results).flatMap((r) => r.pullRequests.map((p) => `${p.repo}#${p.number}`))).size;

    // Latency: every request waits 150 ms in the sandbox before it is served.
    small.sandbox.setLatency(latencyMs);
    for (let i = 0; i < runs; i += 1) {
      small.sandbox.clearRequests();
      const started = performance.now();
      const snap = await fetchQueue(small.client, small.searches());
      render(snap);
      const total = performance.now() - started;
      const serverMs = small.sandbox.requests.reduce((n, r) => n + (r.durationMs ?? 0), 0);
      totals.push(total);
      server.push(serverMs);
      own.push(Math.max(0, total - serverMs));
    }
  } finally {
    await small.sandbox.close();
  }

  // Rendering: the tree for 300 pull requests, from a real refresh's records.
  const big = await measure(700, 20);
  let renderMs: number;
  let rendered: number;
  try {
    const snapshot = limitTo(await fetchQueue(big.client, big.searches()), 300);
    rendered = new Set(Object.values(snapshot.results).flatMap((r) => r.pullRequests.map((p) => `${p.repo}#${p.number}`))).size;
    if (rendered !== 300) throw new Error(`the scenario gave ${rendered} pull requests, not 300`);
    const times: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const started = performance.now();
      render(snapshot);
      times.push(performance.now() - started);
    }
    renderMs = median(times);
  } finally {
    await big.sandbox.close();
  }

  const refreshMs = round(median(totals));
  const serverMs = round(median(server));
  const ownMs = round(median(own));
  return {
    figures: {
      queueRequestsPerRefresh: requests,
      queuePointsPerRefresh: points,
      queueRefreshMsAt150msRtt: refreshMs,
      queueRenderMsFor300: round(renderMs),
      queueRefreshRequests: requests,
      queueRefreshGraphqlPoints: points,
      queueRefreshMsMedian: refreshMs,
      queueOwnProcessingMsMedian: ownMs,
    },
    lines: [
      `full refresh, 100 PRs over 20 repos (${prCount} in the queue): ${requests} GraphQL request(s), ${points} point(s) (target 1 request, ≤3 points)`,
      `refresh with ${latencyMs} ms added per request: median ${refreshMs} ms over ${runs} runs; sandbox round trip ${serverMs} ms (${latencyMs} ms latency + execution); our own processing ${ownMs} ms (target ≤ 1 round trip + 50 ms)`,
      `build the tree for ${rendered} pull requests: median ${round(renderMs)} ms`,
    ],
  };
}
