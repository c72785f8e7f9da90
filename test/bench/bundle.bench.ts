import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { BenchResult } from './bench';

const run = promisify(execFile);

/** The host bundle's size before calendars and the This Week view were added; it must stay within ±5 %. */
const baselineBundleBytes = 532_669;

/**
 * The sizes of the production bundles the extension host loads, as `npm run package` ships them:
 * the entry VS Code loads at start-up, the features loaded on first use, and the libraries loaded
 * later still (simple-git, the Slack SDK, the calendar parser). `bundleBytes` is the host code
 * that was one file before the split (entry + features), against the baseline.
 */
export default async function bundleBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: root });
  const size = async (file: string) => (await stat(join(root, 'dist', file))).size;
  const entryBundleBytes = await size('extension.js');
  const featuresBundleBytes = await size('features.js');
  const apart = { git: await size('git.js'), slack: await size('slack.js'), calendar: await size('calendar.js') };
  const bundleBytes = entryBundleBytes + featuresBundleBytes;
  const hostBundlesBytes = bundleBytes + apart.git + apart.slack + apart.calendar;
  const change = ((bundleBytes - baselineBundleBytes) / baselineBundleBytes) * 100;
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return {
    figures: { bundleBytes, entryBundleBytes, featuresBundleBytes, hostBundlesBytes, gitBundleBytes: apart.git, slackBundleBytes: apart.slack },
    lines: [
      `entry bundle dist/extension.js: ${entryBundleBytes} bytes (${kib(entryBundleBytes)}; target ≤ 40 KB), loaded at start-up`,
      `features dist/features.js: ${featuresBundleBytes} bytes (${kib(featuresBundleBytes)}), loaded on first use`,
      `bundleBytes (entry + features): ${bundleBytes} bytes, ${change >= 0 ? '+' : ''}${change.toFixed(1)} % against the ${baselineBundleBytes}-byte baseline`,
      `apart, loaded when first needed: git.js ${kib(apart.git)}, slack.js ${kib(apart.slack)}, calendar.js ${kib(apart.calendar)}; all host bundles ${hostBundlesBytes} bytes (${kib(hostBundlesBytes)})`,
    ],
  };
}
