import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './bench';

const run = promisify(execFile);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const tenth = (n: number) => Math.round(n * 10) / 10;

interface Side {
  readonly activateMs: number;
  readonly heapKB: number;
}

/**
 * Activation in a real VS Code extension host, median of 7 fresh hosts: Lead Desk (loading its
 * entry bundle plus activate()) beside an empty extension of the same manifest shape in the same
 * host, whose figure is the floor any extension pays. The heap figure is what each activation
 * leaves in the extension host's heap after a full collection.
 */
export default async function activationBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  const { stdout } = await run(process.execPath, ['test/harness/measureActivation.mjs', '--runs', '7', '--eager-runs', '3'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  const { runs, eagerRuns, vscodeVersion } = JSON.parse(last) as { runs: Array<{ lead: Side; floor: Side }>; eagerRuns: Array<{ lead: Side; floor: Side }>; vscodeVersion: string };
  const lead = runs.map((r) => r.lead.activateMs);
  const floor = runs.map((r) => r.floor.activateMs);
  const activateMsMedian = tenth(median(lead));
  const activateFloorMs = tenth(median(floor));
  const activateOverFloorMs = tenth(activateMsMedian - activateFloorMs);
  // The two activations of one host share its moment (a busy core slows both), so the median of the
  // per-host differences is steadier than the difference of the medians.
  const activateOverFloorPairedMs = tenth(median(runs.map((r) => r.lead.activateMs - r.floor.activateMs)));
  const activateHeapKB = Math.round(median(runs.map((r) => r.lead.heapKB)));
  const activateFloorHeapKB = Math.round(median(runs.map((r) => r.floor.heapKB)));
  // With a focus schedule set, start-up needs the features, and activation loads them.
  const eager = eagerRuns.map((r) => r.lead.activateMs);
  const activateEagerMsMedian = tenth(median(eager));
  const activateEagerFloorMs = tenth(median(eagerRuns.map((r) => r.floor.activateMs)));
  const activateEagerHeapKB = Math.round(median(eagerRuns.map((r) => r.lead.heapKB)));
  return {
    figures: { activateMsMedian, activateFloorMs, activateOverFloorMs, activateOverFloorPairedMs, activateMsMax: Math.max(...lead), activateHeapKB, activateFloorHeapKB, activateRuns: runs.length, activateEagerMsMedian, activateEagerFloorMs, activateEagerHeapKB },
    lines: [
      `activation in VS Code ${vscodeVersion}, ${runs.length} fresh extension hosts: Lead Desk median ${activateMsMedian} ms (${lead.join(', ')}), empty extension median ${activateFloorMs} ms (${floor.join(', ')}); ${activateOverFloorMs} ms above the floor (median of per-host differences ${activateOverFloorPairedMs} ms; target ≤ 15)`,
      `heap kept by activation after a full GC: Lead Desk median ${activateHeapKB} KB (${runs.map((r) => r.lead.heapKB).join(', ')}), empty extension ${activateFloorHeapKB} KB (target ≤ 2048)`,
      `with a focus schedule set (features loaded at start-up), ${eagerRuns.length} hosts: median ${activateEagerMsMedian} ms (${eager.join(', ')}) against the floor's ${activateEagerFloorMs} ms; heap kept ${activateEagerHeapKB} KB`,
    ],
  };
}
