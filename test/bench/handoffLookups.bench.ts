// The GitHub side of one delegation suggestion, asked as the Delegation view asks it for a queue
// pull request: who I am and the pull request's files side by side, then logins for the authors'
// emails beside the review load, availability and access of the people already known. Against the sandbox with 150 ms added to every request, and with the
// request spacing production uses, so any wait for spacing is in the figure. A fresh client per
// run, so nothing is cached between runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCandidates } from '../../src/core/delegation/findCandidates';
import { silentLogger } from '../../src/core/logger';
import { createGitHubClient, type GitHubClient } from '../../src/github/client';
import { githubCandidateSources } from '../../src/github/delegation/candidateSources';
import { fetchPullRequestChanges } from '../../src/github/delegation/pullRequestFiles';
import { resolveEndpoints } from '../../src/github/endpoints';
import { fetchViewer } from '../../src/github/viewer';
import { ExpertiseStore, type RepositoryExpertise } from '../../src/storage/expertiseStore';
import { demoIdentity } from '../harness/demoIdentity.mjs';
import { makeDemoRepo } from '../harness/demoRepo.mjs';
import { startSandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import type { BenchResult } from './bench';

const latencyMs = 150;
const runs = 5;
const pull = { owner: 'acme', repo: 'api', number: 427 };

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function suggestOnce(client: GitHubClient, expertise: RepositoryExpertise) {
  // Asked side by side, as ReviewerSuggestions.forPullRequest asks them.
  const [viewer, changes] = await Promise.all([fetchViewer(client), fetchPullRequestChanges(client, pull)]);
  const sources = githubCandidateSources(client, { owner: pull.owner, repo: pull.repo });
  return findCandidates(
    {
      index: expertise.index,
      touchedPaths: changes.files.map((f) => f.path),
      now: Date.now(),
      ...(changes.author ? { author: changes.author } : {}),
      me: viewer.login,
      ...(viewer.name ? { myName: viewer.name } : {}),
      codeOwners: [],
      mapping: {},
      knownEmails: new Map(),
      sampleSha: (email) => expertise.sampleShas.get(email.toLowerCase()),
      alreadyRequested: changes.requestedReviewers,
    },
    sources,
  );
}

export default async function handoffLookupsBench(): Promise<BenchResult> {
  const scenario = loadScenario('demo');
  const identity = demoIdentity({}, scenario);
  const dir = await mkdtemp(join(tmpdir(), 'lead-desk-bench-handoff-'));
  const sandbox = await startSandbox({ scenario, latencyMs });
  try {
    const repoDir = join(dir, 'acme-api');
    await makeDemoRepo(repoDir, identity.scenario);
    const expertise = await new ExpertiseStore(undefined, silentLogger).get(repoDir, { historyDays: 1095, maxCommits: 30_000, timeoutMs: 60_000 });
    const times: number[] = [];
    let requests = 0;
    let top: string[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: identity.token, log: silentLogger });
      sandbox.clearRequests();
      const started = performance.now();
      const found = await suggestOnce(client, expertise);
      const elapsed = performance.now() - started;
      if (found.rows.length === 0) throw new Error(`no candidates for ${pull.owner}/${pull.repo}#${pull.number}: ${found.notes.join('; ')}`);
      if (found.rows.every((r) => r.openReviews === undefined)) throw new Error('review load was not read');
      // The first run warms up connections and the sandbox's schema; it is not counted.
      if (i === 0) continue;
      times.push(elapsed);
      requests = sandbox.requests.length;
      top = found.rows.map((r) => r.login ?? r.name);
    }
    const m = median(times);
    return {
      figures: { handoffLookupsMsAt150msRtt: round(m), handoffLookupRequests: requests },
      lines: [
        `GitHub lookups for one suggestion (${pull.owner}/${pull.repo}#${pull.number}): ${requests} requests, ${round(m)} ms, median of ${runs}, with ${latencyMs} ms added to every request and production request spacing; suggested ${top.join(', ')}`,
      ],
    };
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}
