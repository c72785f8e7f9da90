// The host suite in a desktop VS Code downloaded by @vscode/test-electron (see .vscode-test.mjs).
// Needs internet access to Microsoft's update servers on first use; offline, use `npm run test:host`.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import config from '../../.vscode-test.mjs';
import { root } from './codeServer.mjs';
import { prepareHostRun, printResults, waitForResults } from './hostRun.mjs';
import { run, Session } from './steps.mjs';

const outputDir = path.join(root, '.test-output', 'desktop-host');

await new Session('desktop-host').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  await session.step('development build (dist + out/test/host)', () => run(process.execPath, ['esbuild.mjs']));
  const { tmp, workspace, userDataDir, resultsFile, env } = await prepareHostRun(session, outputDir);

  await session.step(`run the suite in VS Code ${config.version}`, async () => {
    try {
      await runTests({
        ...config,
        launchArgs: [workspace, ...config.launchArgs, `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
        extensionTestsEnv: env,
      });
    } catch (err) {
      // A failing suite makes VS Code exit non-zero; the results file says why. No file means VS Code never ran it.
      session.log(`VS Code exited: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  const results = await waitForResults(resultsFile, { timeoutMs: 1000 }).catch(() => {
    throw new Error('the suite wrote no results: VS Code could not be downloaded or started (offline machines: use `npm run test:host`)');
  });
  const failures = printResults(results);
  console.log(`timings: ${session.summary()}`);
  if (failures > 0) throw new Error('the host suite failed');
});
