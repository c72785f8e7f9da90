// The This Week page's own bundle (chart.js and the view's script), built for production beside
// the host bundle; `bundleBytes` (bundle.bench.ts) is the host bundle, which must not grow by it.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { BenchResult } from './bench';

const run = promisify(execFile);

export default async function weekBundleBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: root });
  const host = (await stat(join(root, 'dist', 'extension.js'))).size;
  const webview = (await stat(join(root, 'dist', 'webview', 'week.js'))).size;
  return {
    figures: { webviewBundleBytes: webview },
    lines: [`webview bundle: ${webview} bytes (${(webview / 1024).toFixed(1)} KiB), dist/webview/week.js minified; host bundle beside it: ${host} bytes`],
  };
}
