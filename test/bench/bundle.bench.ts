import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { BenchResult } from './bench';

const run = promisify(execFile);

/** The size of the production bundle, as `npm run package` ships it. */
export default async function bundleBench(): Promise<BenchResult> {
  const root = join(__dirname, '..', '..');
  await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: root });
  const { size } = await stat(join(root, 'dist', 'extension.js'));
  return {
    figures: { bundleBytes: size },
    lines: [`bundle: ${size} bytes (${(size / 1024).toFixed(1)} KiB), dist/extension.js minified`],
  };
}
