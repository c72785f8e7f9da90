// Extension-tests entry used by `npm run bench` (not by the host suite): times the activation of
// Lead Desk and of an empty extension (same manifest shape, an activate() that does nothing) in
// the same extension host, and the heap each activation leaves behind, and appends one JSON line.
import { appendFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';

interface Measured {
  readonly activateMs: number;
  /** Heap still in use after a full collection, minus the same before activation. */
  readonly heapKB: number;
  readonly wasActive: boolean;
}

/**
 * A full garbage collection. The extension host runs without --expose-gc; setting the flag at run
 * time makes `gc` available to contexts created afterwards, such as this new one.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function measure(id: string, gc: () => void): Promise<Measured> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) throw new Error(`${id} is not installed in this extension host (have: ${vscode.extensions.all.map((e) => e.id).filter((x) => !x.startsWith('vscode.')).join(', ')})`);
  const wasActive = ext.isActive;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await ext.activate();
  const activateMs = performance.now() - started;
  // What activation keeps (loaded code, objects it built), not garbage a collection would free.
  gc();
  const heapKB = (process.memoryUsage().heapUsed - heapBefore) / 1024;
  return { activateMs, heapKB, wasActive };
}

/** Resolves once VS Code has finished starting: the marker extension activates on onStartupFinished. */
async function startupFinished(): Promise<void> {
  const marker = vscode.extensions.getExtension('lead-desk.lead-desk-startup-marker');
  if (!marker) throw new Error('the start-up marker extension is not installed in this extension host');
  // No event says that another extension was activated; this polls, outside what is timed.
  while (!marker.isActive) await new Promise((resolve) => setTimeout(resolve, 20));
}

export async function run(): Promise<void> {
  const out = process.env.LEAD_DESK_TEST_RESULTS;
  if (!out) throw new Error('LEAD_DESK_TEST_RESULTS is not set');
  const gc = collector();
  await startupFinished();
  // The harness alternates which extension goes first, so neither always pays for going first.
  const floorFirst = process.env.LEAD_DESK_BENCH_FLOOR_FIRST === '1';
  const order = floorFirst ? ['lead-desk.lead-desk-floor', 'lead-desk.lead-desk'] : ['lead-desk.lead-desk', 'lead-desk.lead-desk-floor'];
  const results: Record<string, Measured> = {};
  try {
    for (const id of order) results[id] = await measure(id, gc);
  } catch (err) {
    // The harness only sees this file: a failure is written there too, with its reason.
    await appendFile(out, `${JSON.stringify({ error: err instanceof Error ? err.stack ?? err.message : String(err) })}\n`);
    throw err;
  }
  await appendFile(out, `${JSON.stringify({ lead: results['lead-desk.lead-desk'], floor: results['lead-desk.lead-desk-floor'], floorFirst, vscodeVersion: vscode.version })}\n`);
}
