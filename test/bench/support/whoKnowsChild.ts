// One first "Who Knows This File?" in a fresh process, as a new user meets it: no saved index, no
// learned emails, a fresh GitHub client with production request spacing. Bundled by esbuild and
// run in plain Node by whoKnows.bench.ts. Prints one JSON line (WhoKnowsReport).
//
//   node <this file bundled> '<json WhoKnowsArgs>'
//
// The time is split into git (the index build, which is all the git there is), GitHub (the wall
// time during which at least one request was in flight but git was not running) and the rest:
// ranking and our own glue.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReviewerSuggestions } from '../../../src/app/delegation/reviewerSuggestions';
import { defaultDelegationSettings } from '../../../src/core/delegation/delegationSettings';
import { silentLogger } from '../../../src/core/logger';
import { createGitHubClient } from '../../../src/github/client';
import { TeamDirectory } from '../../../src/github/delegation/teamDirectory';
import { resolveEndpoints } from '../../../src/github/endpoints';
import { ExpertiseStore } from '../../../src/storage/expertiseStore';

export interface WhoKnowsArgs {
  readonly apiUrl: string;
  readonly token: string;
  readonly file: string;
  readonly hosts: readonly string[];
}

export interface WhoKnowsReport {
  readonly totalMs: number;
  readonly gitMs: number;
  /** Wall time with a GitHub request in flight and no git running. */
  readonly githubMs: number;
  /** Wall time with a GitHub request in flight at all (may overlap git). */
  readonly githubAnyMs: number;
  readonly otherMs: number;
  readonly requests: number;
  readonly rows: readonly string[];
  readonly notes: readonly string[];
  readonly commits: number;
}

type Interval = [number, number];

/** WHO_KNOWS_TRACE=1: when each step ran, on stderr, in ms since the process started. */
function trace(line: string): void {
  if (process.env.WHO_KNOWS_TRACE) console.error(line);
}

/** Total length of the union of intervals, minus the parts inside `minus`. */
function covered(intervals: readonly Interval[], minus: readonly Interval[] = []): number {
  const points = new Set<number>();
  for (const [a, b] of [...intervals, ...minus]) points.add(a).add(b);
  const sorted = [...points].sort((x, y) => x - y);
  let total = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const mid = (sorted[i] + sorted[i + 1]) / 2;
    if (intervals.some(([a, b]) => a <= mid && mid < b) && !minus.some(([a, b]) => a <= mid && mid < b)) total += sorted[i + 1] - sorted[i];
  }
  return total;
}

/**
 * Node's fetch compiles its HTTP stack (undici, ~25 ms) on its first call. In the extension host
 * that call has happened long before anyone asks who knows a file (VS Code's own extensions and
 * the Review Queue's first refresh make it), so one plain request is made before the clock
 * starts. Nothing of ours is warmed: the client, Octokit, simple-git and the index code start cold.
 */
async function warmHttpStack(apiUrl: string): Promise<void> {
  // Any answer will do; the request goes around the client, so its count and timing stay out.
  await fetch(new URL('/', apiUrl)).then((r) => r.arrayBuffer()).catch(() => undefined);
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as WhoKnowsArgs;
  const storage = await mkdtemp(join(tmpdir(), 'lead-desk-bench-whoknows-'));
  try {
    const github: Interval[] = [];
    const git: Interval[] = [];
    const timedFetch: typeof fetch = async (input, init) => {
      const started = performance.now();
      try {
        return await fetch(input, init);
      } finally {
        github.push([started, performance.now()]);
        trace(`${Math.round(started)}–${Math.round(performance.now())} ${(typeof init?.body === 'string' ? init.body : input instanceof Request ? input.url : input.toString()).slice(0, 60)}`);
      }
    };
    await warmHttpStack(args.apiUrl);
    const started = performance.now();
    const client = createGitHubClient({ endpoints: resolveEndpoints(args.apiUrl), token: args.token, log: silentLogger, fetch: timedFetch });
    const store = new ExpertiseStore(storage, silentLogger);
    const learned = new Map<string, string | null>();
    const suggestions = new ReviewerSuggestions({
      emailLogins: { get: () => new Map(learned), remember: (_api, more) => Promise.resolve(more.forEach((v, k) => learned.set(k, v))) },
      teams: new TeamDirectory(),
      settings: () => defaultDelegationSettings,
      now: Date.now,
    });
    let commits = 0;
    const suggestion = await suggestions.forFile({
      client,
      file: args.file,
      hosts: args.hosts,
      progress: () => undefined,
      history: async (workTree, settings) => {
        const begun = performance.now();
        trace(`${Math.round(begun)} git starts`);
        try {
          const expertise = await store.get(workTree, { historyDays: settings.historyDays, maxCommits: settings.maxCommits, timeoutMs: 120_000 });
          commits = expertise.index.commitCount;
          return expertise;
        } finally {
          git.push([begun, performance.now()]);
        }
      },
    });
    const totalMs = performance.now() - started;
    const gitMs = covered(git);
    const githubMs = covered(github, git);
    const report: WhoKnowsReport = {
      totalMs,
      gitMs,
      githubMs,
      githubAnyMs: covered(github),
      otherMs: totalMs - gitMs - githubMs,
      requests: github.length,
      rows: suggestion.rows.map((r) => r.login ?? r.name),
      notes: suggestion.notes,
      commits,
    };
    console.log(JSON.stringify(report));
  } finally {
    await rm(storage, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
