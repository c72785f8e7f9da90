// The first "Who Knows This File?" as a new user meets it (no saved index, nothing learned from
// GitHub yet), with the code bundled as the extension is, each run in a fresh Node process, against
// the sandbox with 150 ms added to every request and production request spacing. On the demo's
// repository (61 commits) and on the generated 50,000-commit one.
//
// Its floor is what cannot be avoided: the raw `git log` of the window (support/gitLogFloor.ts),
// with its output buffered as the index builder has git write it, plus one GitHub round trip. Target: whoKnowsFirstRunMs ≤ 1.5 × that floor.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultDelegationSettings } from '../../src/core/delegation/delegationSettings';
import { BUFFERED_OUTPUT_ENV } from '../../src/git/gitSession';
import { silentLogger } from '../../src/core/logger';
import { createGitHubClient } from '../../src/github/client';
import { resolveEndpoints } from '../../src/github/endpoints';
import { fetchViewer } from '../../src/github/viewer';
import { demoIdentity } from '../harness/demoIdentity.mjs';
import { makeDemoRepo } from '../harness/demoRepo.mjs';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import type { BenchResult } from './bench';
import { bundledChild } from './support/bundleChild';
import { generatedRepo, git } from './support/delegationRepo';
import { gitLogFloor } from './support/gitLogFloor';
import type { WhoKnowsArgs, WhoKnowsReport } from './support/whoKnowsChild';
import { median } from './support/stats';

const run = promisify(execFile);
const latencyMs = 150;
const RUNS = 3;
const window = { sinceDays: defaultDelegationSettings.historyDays, maxCommits: defaultDelegationSettings.maxCommits };

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const spread = (values: readonly number[]) => values.map((v) => Math.round(v)).join(' / ');

async function firstRun(args: WhoKnowsArgs): Promise<WhoKnowsReport> {
  const script = await bundledChild('whoKnowsChild');
  // WHO_KNOWS_CPU_PROF=<dir> writes a V8 CPU profile of every run there, to see where a first run goes.
  const profile = process.env.WHO_KNOWS_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.WHO_KNOWS_CPU_PROF}`] : [];
  const { stdout, stderr } = await run(process.execPath, [...profile, script, JSON.stringify(args)], { maxBuffer: 4 * 1024 * 1024 });
  if (process.env.WHO_KNOWS_TRACE) console.error(stderr);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as WhoKnowsReport;
}

/** One GitHub round trip as the extension makes it: a fresh client, GET /user. */
async function roundTrip(sandbox: Sandbox, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const client = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token, log: silentLogger });
    const started = performance.now();
    await fetchViewer(client);
    times.push(performance.now() - started);
  }
  return median(times.slice(1));
}

interface Measured {
  readonly label: string;
  readonly commits: number;
  readonly reports: readonly WhoKnowsReport[];
  readonly floors: readonly number[];
  readonly rttMs: number;
}

async function measure(label: string, sandbox: Sandbox, token: string, repoDir: string, file: string, history: number): Promise<Measured> {
  // The extension's default window caps the history read (leadDesk.delegation.maxCommits).
  const commits = Math.min(history, window.maxCommits);
  const tip = (await git(repoDir, ['rev-parse', 'HEAD'])).trim();
  const rttMs = await roundTrip(sandbox, token);
  const warm = await gitLogFloor(repoDir, tip, window, BUFFERED_OUTPUT_ENV); // page cache warm for every run alike
  if (warm.commits !== commits) throw new Error(`${label}: git log saw ${warm.commits} commits, expected ${commits}`);
  const reports: WhoKnowsReport[] = [];
  const floors: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floors.push((await gitLogFloor(repoDir, tip, window, BUFFERED_OUTPUT_ENV)).ms);
    const report = await firstRun({ apiUrl: sandbox.url, token, file, hosts: ['github.com'] });
    if (report.commits !== commits) throw new Error(`${label}: the suggestion read ${report.commits} commits, expected ${commits}`);
    if (report.rows.length === 0) throw new Error(`${label}: nobody suggested (${report.notes.join('; ')})`);
    reports.push(report);
  }
  return { label, commits, reports, floors, rttMs };
}

function summary(m: Measured) {
  const total = median(m.reports.map((r) => r.totalMs));
  const floor = median(m.floors) + m.rttMs;
  const part = (key: 'gitMs' | 'githubMs' | 'otherMs') => round(median(m.reports.map((r) => r[key])));
  return {
    total,
    floor,
    ratio: total / floor,
    line: `${m.label} (${m.commits.toLocaleString('en-US')} commits): first run ${round(total)} ms (${spread(m.reports.map((r) => r.totalMs))}): git ${part('gitMs')} ms, GitHub ${part('githubMs')} ms beyond git (${m.reports[0].requests} requests), ranking and the rest ${part('otherMs')} ms; floor: git log ${round(median(m.floors))} ms (${spread(m.floors)}) + 1 round trip ${round(m.rttMs)} ms → ${round(total / floor, 2)}×, target ≤ 1.5×; suggested ${m.reports[0].rows.join(', ')}`,
  };
}

export default async function whoKnowsBench(): Promise<BenchResult> {
  const scenario = loadScenario('demo');
  const identity = demoIdentity({}, scenario);
  const tmp = await mkdtemp(join(tmpdir(), 'lead-desk-bench-whoknows-'));
  const sandbox = await startSandbox({ scenario, latencyMs });
  try {
    const demoDir = join(tmp, 'acme-api');
    const demo = await makeDemoRepo(demoDir, identity.scenario);
    const small = await measure('demo repository', sandbox, identity.token, demoDir, join(demoDir, 'src', 'billing', 'invoice.ts'), demo.commits);
    // WHO_KNOWS_DEMO_ONLY=1: the demo repository alone, for profiling its few milliseconds.
    if (process.env.WHO_KNOWS_DEMO_ONLY) {
      const s = summary(small);
      return { figures: { whoKnowsFirstRunMs: round(s.total), whoKnowsFirstRunFloorMs: round(s.floor), whoKnowsFirstRunToFloorRatio: round(s.ratio, 2) }, lines: [s.line] };
    }

    // The cached 50,000-commit repository is shared, never written: a shared clone gets a GitHub remote.
    const generated = await generatedRepo(50_000);
    const bigDir = join(tmp, 'generated');
    await git(tmp, ['clone', '-q', '--shared', generated.dir, bigDir]);
    await git(bigDir, ['remote', 'set-url', 'origin', 'https://github.com/acme/api.git']);
    const file = (await git(bigDir, ['ls-files', 'src/net'])).trim().split('\n')[0];
    const big = await measure('generated repository', sandbox, identity.token, bigDir, join(bigDir, file), generated.commits);

    const s = summary(small);
    const b = summary(big);
    return {
      figures: {
        whoKnowsFirstRunMs: round(s.total),
        whoKnowsFirstRunFloorMs: round(s.floor),
        whoKnowsFirstRunToFloorRatio: round(s.ratio, 2),
        whoKnowsFirstRunMs50kCommits: round(b.total),
        whoKnowsFirstRunFloorMs50kCommits: round(b.floor),
        whoKnowsFirstRunToFloorRatio50kCommits: round(b.ratio, 2),
      },
      lines: [s.line, b.line, `${latencyMs} ms added to every request; each run a fresh process with the bundled code, no saved index and nothing learned from GitHub`],
    };
  } finally {
    await sandbox.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
