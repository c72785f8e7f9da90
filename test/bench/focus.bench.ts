// Focus blocks: what the status-bar countdown costs while a block runs, and how long it takes from
// "start" until every guard is engaged, against the sandbox with 150 ms added to every request.
//
// The countdown is measured with the extension's own ticker (FocusTicker) and coordinator, driven by
// real timers for a few seconds and scaled to a minute; only the status bar item is a stand-in.
import { ManualClock, systemClock } from '../../src/core/clock';
import { focusStatusText } from '../../src/core/focus/format';
import { MemorySharedStore } from '../../src/core/focus/sharedStore';
import { silentLogger } from '../../src/core/logger';
import { createGitHubClient } from '../../src/github/client';
import { resolveEndpoints } from '../../src/github/endpoints';
import { FocusCoordinator } from '../../src/app/focus/focusCoordinator';
import type { GuardEntry } from '../../src/guards/guard';
import { GitHubStatusGuard } from '../../src/guards/githubStatusGuard';
import { createSlackClient } from '../../src/guards/slackClient';
import { SlackGuard } from '../../src/guards/slackGuard';
import type { FocusModel } from '../../src/vscode/focus/focusModel';
import type { FocusStatusBar } from '../../src/vscode/focus/focusStatusBar';
import { FocusTicker } from '../../src/vscode/focus/focusTicker';
import { startSandbox } from '../sandbox/server';
import { loadScenario } from '../sandbox/scenarios/scenario';
import { DEMO } from '../sandbox/testing/demoLogins';
import type { BenchResult } from './bench';

const countdownSeconds = 6;
const pairSeconds = [4, 4, 4, 4, 4];
const latencyMs = 150;
const runs = 7;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function countdownCost(): Promise<{ cpuMsPerMinute: number; idleCpuMsPerMinute: number; ticks: number; writes: number; lines: string[] }> {
  const coordinator = new FocusCoordinator({ store: new MemorySharedStore(), clock: systemClock, log: silentLogger, windowId: 'bench', guards: () => [], schedule: () => [] });
  const model = {
    clock: systemClock,
    get state() {
      return coordinator.state();
    },
    refreshFromStore: () => coordinator.refreshFromStore(),
    nextWakeAt: () => coordinator.nextWakeAt(),
    pulse: () => coordinator.pulse(),
  } as unknown as FocusModel;
  let text = '';
  let writes = 0;
  const statusBar = {
    renderText(now: number) {
      const next = focusStatusText(model.state, now);
      if (next === text) return;
      text = next;
      writes++;
    },
  } as unknown as FocusStatusBar;

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const measure = async (seconds: number): Promise<number> => {
    const before = process.cpuUsage();
    const wallStart = performance.now();
    await sleep(seconds * 1000);
    return (cpuMs(process.cpuUsage(before)) * 60_000) / (performance.now() - wallStart);
  };
  // Windows with and without the ticker alternate, so drift in the process's own background work
  // (garbage collection, lazy compilation) cancels out; the figure is the median difference.
  await coordinator.start({ type: 'deepWork', minutes: 50 });
  const ticker = new FocusTicker(model, statusBar);
  ticker.start();
  await sleep(2_000);
  ticker.dispose();
  const pairs: Array<{ baseline: number; running: number }> = [];
  let ticks = 0;
  let changes = 0;
  let wall = 0;
  let shown = '';
  for (let i = 0; i < pairSeconds.length; i++) {
    const baseline = await measure(pairSeconds[i]);
    const t = new FocusTicker(model, statusBar);
    t.start();
    const writesBefore = writes;
    const wallStart = performance.now();
    const running = await measure(pairSeconds[i]);
    wall += performance.now() - wallStart;
    t.dispose();
    ticks += t.ticks;
    changes += writes - writesBefore;
    shown = text;
    pairs.push({ baseline, running });
  }
  await coordinator.stop();
  const baseline = median(pairs.map((p) => p.baseline));
  const running = median(pairs.map((p) => p.running));

  const idleTicker = new FocusTicker(model, statusBar);
  idleTicker.start();
  await sleep(1_000);
  const idle = await measure(countdownSeconds);
  idleTicker.dispose();
  await coordinator.dispose();
  const perMinute = Math.max(0, median(pairs.map((p) => p.running - p.baseline)));
  const idlePerMinute = Math.max(0, idle - baseline);
  return {
    cpuMsPerMinute: round(perMinute, 2),
    idleCpuMsPerMinute: round(idlePerMinute, 2),
    ticks,
    writes: changes,
    lines: [
      `countdown: ${round(perMinute, 2)} ms CPU per minute while running (median of ${pairs.length} windows: ${round(running, 2)} with the ticker, ${round(baseline, 2)} without; ${ticks} timer callbacks and ${changes} status-bar text changes in ${round(wall / 1000)} s; last text "${shown}")`,
      `idle window: ${round(idlePerMinute, 2)} ms CPU per minute above the idle process (one look at shared storage every 3 s)`,
    ],
  };
}

/**
 * The work of one beat without the timer: what the ticker does each second (read shared storage,
 * format, compare) plus a heartbeat every other second, over 100 simulated minutes.
 */
async function beatWork(): Promise<{ msPerMinute: number; line: string }> {
  const clock = new ManualClock(Date.now());
  const coordinator = new FocusCoordinator({ store: new MemorySharedStore(), clock, log: silentLogger, windowId: 'beat', guards: () => [], schedule: () => [] });
  await coordinator.start({ type: 'deepWork', minutes: 8 * 60 });
  let text = '';
  let changes = 0;
  const minutes = 100;
  const started = process.cpuUsage();
  for (let second = 0; second < minutes * 60; second++) {
    clock.advance(1_000);
    coordinator.refreshFromStore();
    const next = focusStatusText(coordinator.state(), clock.now());
    if (next !== text) {
      text = next;
      changes++;
    }
    coordinator.nextWakeAt();
    if (second % 2 === 0) await coordinator.pulse();
  }
  const ms = cpuMs(process.cpuUsage(started)) / minutes;
  await coordinator.dispose();
  return { msPerMinute: round(ms, 2), line: `one beat's work alone: ${round((ms / 60) * 1000, 1)} µs per second, ${round(ms, 2)} ms per minute (${changes} text changes in ${minutes} simulated minutes)` };
}

async function guardsEngage(): Promise<{ medianMs: number; sequentialMs: number; lines: string[] }> {
  const sandbox = await startSandbox({ scenario: loadScenario('demo'), latencyMs });
  try {
    // Spaced as in production (GitHub wants a second between mutations), so the figure includes
    // any wait for the spacing; each timed start comes over a second after the last release.
    const github = createGitHubClient({ endpoints: resolveEndpoints(sandbox.url), token: DEMO.fullToken, log: silentLogger, retryBaseMs: 5 });
    const settle = () => new Promise((r) => setTimeout(r, 1_100));
    const slack = createSlackClient(DEMO.slackToken, { apiUrl: sandbox.slackApiUrl });
    const guards: GuardEntry[] = [
      { guard: new GitHubStatusGuard({ client: () => Promise.resolve(github), clock: systemClock }), enabled: true },
      { guard: new SlackGuard({ client: () => Promise.resolve(slack), clock: systemClock }), enabled: true },
    ];
    const times: number[] = [];
    const single: Record<string, number[]> = {};
    for (let i = 0; i < runs + 1; i++) {
      const coordinator = new FocusCoordinator({ store: new MemorySharedStore(), clock: systemClock, log: silentLogger, windowId: `bench-${i}`, guards: () => guards, schedule: () => [] });
      await settle();
      const started = performance.now();
      await coordinator.start({ type: 'deepWork', minutes: 25 });
      const elapsed = performance.now() - started;
      const records = coordinator.guardRecords();
      const engaged = guards.every(({ guard }) => records[guard.id]?.phase === 'engaged');
      if (!engaged) throw new Error(`not every guard engaged: ${JSON.stringify(Object.values(records).map((r) => [r.guardId, r.phase, r.failure?.message]))}`);
      // The first run warms up connections and the sandbox's schema; it is not counted.
      if (i > 0) times.push(elapsed);
      await coordinator.stop();
      await coordinator.dispose();
      // Each guard alone, for the sum a one-after-another design would take.
      if (i > 0) {
        for (const { guard } of guards) {
          await settle();
          const t0 = performance.now();
          const snapshot = await guard.snapshot();
          const plan = guard.plan({ blockId: 'x', type: 'deepWork', endsAt: Date.now() + 25 * 60_000 }, snapshot);
          await guard.engage(plan, undefined);
          (single[guard.id] ??= []).push(performance.now() - t0);
          await guard.release(snapshot, plan, Date.now());
        }
      }
    }
    const sequential = Object.values(single).reduce((sum, values) => sum + median(values), 0);
    const m = median(times);
    return {
      medianMs: round(m),
      sequentialMs: round(sequential),
      lines: [
        `guards engaged (GitHub Busy + Slack) ${round(m)} ms after start, median of ${runs}, with ${latencyMs} ms added to every request and production request spacing`,
        `  each guard alone: ${Object.entries(single).map(([id, v]) => `${id} ${round(median(v))} ms`).join(', ')}; one after another would be ~${round(sequential)} ms`,
      ],
    };
  } finally {
    await sandbox.close();
  }
}

export default async function focusBench(): Promise<BenchResult> {
  // The beat's work first: it also warms up the code the timed windows run.
  const beat = await beatWork();
  const countdown = await countdownCost();
  const engage = await guardsEngage();
  return {
    figures: {
      focusCpuMsPerMinute: countdown.cpuMsPerMinute,
      focusIdleCpuMsPerMinute: countdown.idleCpuMsPerMinute,
      focusBeatWorkMsPerMinute: beat.msPerMinute,
      focusGuardsEngageMsAt150msRtt: engage.medianMs,
      focusGuardsSequentialMsAt150msRtt: engage.sequentialMs,
    },
    lines: [...countdown.lines, beat.line, ...engage.lines],
  };
}
