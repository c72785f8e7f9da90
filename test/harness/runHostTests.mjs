// npm run test:host: runs test/host/** INSIDE a real VS Code extension host (code-server 4.100.3 =
// VS Code 1.100.3), against the local GitHub sandbox, with a git shim that records every git process.
// The suite writes JSON results to a file; this script waits for it and fails on any failure.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { codeServerBin, launchChromium, root, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { prepareHostRun, printResults, waitForResults } from './hostRun.mjs';
import { run, Session } from './steps.mjs';
import { packageExtension } from '../tools/package.mjs';
import { runPullRequestExtensionSuite } from './pullRequestFixture.mjs';

const outputDir = path.join(root, '.test-output', 'host');

await new Session('host').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });

  const packaged = await session.step('package the .vsix (production build)', () => packageExtension({ quiet: true }));
  await session.step('development build (dist + out/test/host)', () => run(process.execPath, ['esbuild.mjs']));
  const bin = await session.step('code-server install check', () => codeServerBin());
  const { tmp, workspace, userDataDir, resultsFile, env } = await prepareHostRun(session, outputDir);

  const server = await session.step('start code-server', () => startCodeServer({
    bin,
    folder: workspace,
    extensionsDir: path.join(tmp, 'extensions'),
    userDataDir,
    env: { ...process.env, ...env },
    logFile: path.join(outputDir, 'code-server.log'),
  }));
  session.defer(server.stop);

  const browser = await session.step('start chromium', () => launchChromium(path.join(tmp, 'chromium')));
  session.defer(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines = [];
  page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));

  const url = workbenchUrl(server, workspace, {
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/host/index.js'),
  });
  let results;
  try {
    results = await session.step('run the suite in the extension host', async () => {
      await page.goto(url);
      return waitForResults(resultsFile, { alive: () => !page.isClosed() });
    });
  } catch (err) {
    await page.screenshot({ path: path.join(outputDir, 'failure.png') }).catch(() => undefined);
    throw err;
  } finally {
    await writeFile(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n')).catch(() => undefined);
  }

  const grep = process.env.LEAD_DESK_HOST_GREP;
  // A grep that leaves the main extension host nothing to run is not a failure of it.
  let failures = printResults(results);
  if (grep && results.passes.length + results.failures.length === 0) failures = 0;
  // The main extension host has no GitHub Pull Requests; a second one loads a fixture under its id.
  if (!grep || new RegExp(grep).test('opening a pull request in GitHub Pull Requests')) {
    await server.stop();
    let prResults;
    try {
      prResults = await runPullRequestExtensionSuite({ session, bin, page, tmp, workspace, userDataDir, env, outputDir });
    } catch (err) {
      await page.screenshot({ path: path.join(outputDir, 'failure-pull-requests.png') }).catch(() => undefined);
      throw err;
    } finally {
      await writeFile(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n')).catch(() => undefined);
    }
    failures += printResults(prResults);
  }
  console.log(`bundle: dist/extension.js ${packaged.bundleBytes} bytes (${(packaged.bundleBytes / 1024).toFixed(1)} KiB, production); vsix: ${path.relative(root, packaged.vsixPath)} ${packaged.vsixBytes} bytes (${(packaged.vsixBytes / 1024).toFixed(1)} KiB)`);
  console.log(`timings: ${session.summary()}`);
  if (failures > 0) throw new Error(`the host suite failed (logs in ${path.relative(root, outputDir)}/)`);
});
