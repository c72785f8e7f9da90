// Extension-tests entry used by `npm run bench` (not by the host suite): times Lead Desk's activation
// inside a real extension host (loading the bundle plus activate()) and appends one JSON line.
import { appendFile } from 'node:fs/promises';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const out = process.env.LEAD_DESK_TEST_RESULTS;
  if (!out) throw new Error('LEAD_DESK_TEST_RESULTS is not set');
  const ext = vscode.extensions.getExtension('lead-desk.lead-desk');
  if (!ext) throw new Error('Lead Desk is not installed in this extension host');
  const wasActive = ext.isActive;
  const started = performance.now();
  await ext.activate();
  const activateMs = performance.now() - started;
  await appendFile(out, `${JSON.stringify({ activateMs, wasActive, vscodeVersion: vscode.version })}\n`);
}
