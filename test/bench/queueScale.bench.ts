// The review queue for a lead in many organisations: the viewer belongs to 15 organisations,
// leadDesk.queue.repos lists 2,000 repositories (leadDesk.queue.orgs two of the organisations
// whole), and ~300 open pull requests are in the queue. One full refresh is measured for requests,
// GraphQL points and time with 150 ms added to every request; the refresh must hold exactly the
// pull requests of the listed repositories and organisations.
import type { BenchResult } from './bench';
import { startSandbox } from '../sandbox/server';
import { generateScaleScenario, SCALE_TOKEN } from '../sandbox/scenarios/generateScale';
import { createGitHubClient } from '../../src/github/client';
import { resolveEndpoints } from '../../src/github/endpoints';
import { silentLogger } from '../../src/core/logger';
import { planSearches } from '../../src/core/queue/searchQueries';
import { fetchQueue } from '../../src/github/queue/fetchQueue';
import type { QueueSnapshot } from '../../src/core/queue/queueTypes';
import { median, round } from './support/stats';

const latencyMs = 150;
const runs = 9;



function pullRequestsOf(snapshot: QueueSnapshot): Set<string> {
  return new Set(Object.values(snapshot.results).flatMap((r) => r.pullRequests.map((p) => `${p.owner}/${p.repo}#${p.number}`)));
}

export default async function queueScaleBench(): Promise<BenchResult> {
  const scale = generateScaleScenario();
  const sandbox = await startSandbox({ scenario: scale.scenario });
  const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: SCALE_TOKEN, log: silentLogger, unthrottled: true, retryBaseMs: 5 });
  const searches = () => planSearches({ includeDrafts: false, staleBusinessHours: 16, staleRepos: scale.listedRepos, staleOrgs: scale.watchedOrgs, customSections: [], now: new Date() });
  try {
    await fetchQueue(client, searches()); // warm-up: schema caches, connection
    sandbox.clearRequests();
    const snapshot = await fetchQueue(client, searches());
    const requests = sandbox.requests.length;
    const points = sandbox.requests.reduce((n, r) => n + (r.graphqlCost ?? 0), 0);
    const got = pullRequestsOf(snapshot);
    const missing = [...scale.expected].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !scale.expected.has(k));
    if (missing.length > 0 || extra.length > 0) throw new Error(`the refresh missed ${missing.length} pull requests (${missing.slice(0, 3).join(', ')}) and added ${extra.length} (${extra.slice(0, 3).join(', ')})`);
    const planned = searches();
    const longest = Math.max(...planned.map((s) => s.query.length));

    sandbox.setLatency(latencyMs);
    const totals: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      sandbox.clearRequests();
      const started = performance.now();
      await fetchQueue(client, searches());
      totals.push(performance.now() - started);
      server.push(sandbox.requests.reduce((n, r) => n + (r.durationMs ?? 0), 0));
    }
    const ms = round(median(totals));
    const serverMs = round(median(server));
    const ownMs = round(median(totals.map((t, i) => t - server[i])));
    return {
      figures: { queueScaleRequests: requests, queueScalePoints: points, queueScaleMsAt150msRtt: ms, queueScaleOwnMs: ownMs },
      lines: [
        `${scale.orgs.length} organisations, ${scale.listedRepos.length.toLocaleString('en-US')} listed repositories (+ ${scale.watchedOrgs.length} organisations watched whole), ${got.size} pull requests in the queue: ${planned.length} searches (longest ${longest} of 256 characters) in ${requests} GraphQL request(s), ${points} point(s) (targets: 1 request, ≤ 10 points)`,
        `refresh with ${latencyMs} ms added per request: median ${ms} ms over ${runs} runs (${Math.round(Math.min(...totals))}–${Math.round(Math.max(...totals))}); the round trip (latency + the sandbox running ${planned.length} searches) took ${serverMs} ms of it and our own work ${ownMs} ms; target: 1 round trip + ≤ 150 ms`,
      ],
    };
  } finally {
    await sandbox.close();
  }
}
