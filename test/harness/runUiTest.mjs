// npm run test:e2e: installs the packaged .vsix into a fresh code-server (VS Code 1.100.3), points it
// at the local GitHub sandbox, and lets headless Chromium use the workbench like a person would
// (test/e2e/uiTest.mjs). Saves media/screenshots/{workbench,focus,delegation}.png on success, and
// a failure screenshot and the page's HTML in .test-output/e2e/ otherwise.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  codeServerBin, installVsix, launchChromium, quietSettings, root, startCodeServer, workbenchUrl, writeSettings,
} from './codeServer.mjs';
import { demoIdentity } from './demoIdentity.mjs';
import { startSandbox } from './sandbox.mjs';
import { Session } from './steps.mjs';
import { tempDir } from './workspace.mjs';
import { makeDemoRepo } from './demoRepo.mjs';
import { packageExtension } from '../tools/package.mjs';
import { runUiTest } from '../e2e/uiTest.mjs';

const outputDir = path.join(root, '.test-output', 'e2e');
// The README's screenshots are refreshed by a developer's run; CI keeps its copies with the run's
// output, so a CI checkout is left unchanged.
const screenshots = process.env.CI ? outputDir : path.join(root, 'media', 'screenshots');

await new Session('e2e').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });

  const packaged = await session.step('package the .vsix', () => packageExtension({ quiet: true }));
  const bin = await session.step('code-server install check', () => codeServerBin());
  const tmp = await tempDir('e2e');
  session.defer(() => rm(tmp, { recursive: true, force: true }));
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  await session.step('install the .vsix into a fresh extensions dir', () => installVsix({ bin, vsix: packaged.vsixPath, extensionsDir }));

  const sandbox = await session.step('start the sandbox', () => startSandbox({ scenario: 'demo', port: 0, logFile: path.join(outputDir, 'sandbox.log') }));
  session.defer(sandbox.stop);
  const identity = demoIdentity(sandbox.info);

  // The demo's repository (acme/api, with a year of history by the demo team), so that the
  // Delegation view has people to suggest; the folder name shows in the title and the screenshots.
  const workspace = path.join(tmp, 'acme-api');
  await session.step('create the demo repository', () => makeDemoRepo(workspace, identity.scenario));
  await writeSettings(userDataDir, { ...quietSettings, 'leadDesk.github.apiUrl': sandbox.url });
  const server = await session.step('start code-server', () => startCodeServer({
    bin,
    folder: workspace,
    extensionsDir,
    userDataDir,
    // code-server keeps GITHUB_TOKEN to itself; GH_TOKEN reaches the extension host.
    env: { ...process.env, GITHUB_TOKEN: identity.token, GH_TOKEN: identity.token },
    logFile: path.join(outputDir, 'code-server.log'),
  }));
  session.defer(server.stop);

  const browser = await session.step('start chromium', () => launchChromium(path.join(tmp, 'chromium'), { width: 1440, height: 900 }));
  session.defer(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines = [];
  page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));

  await mkdir(screenshots, { recursive: true });
  try {
    await session.step('drive the workbench', () => runUiTest(page, {
      url: workbenchUrl(server, workspace),
      // The demo asks the lead to review api#427, a pull request on the repository that is open.
      delegatePullRequest: 'api#427',
      screenshots,
      log: (line) => console.log(`  ${line}`),
    }));
  } catch (err) {
    const failure = path.join(outputDir, 'failure.png');
    await page.screenshot({ path: failure }).catch(() => undefined);
    // The workbench's DOM at the failure, to see what a selector did not find.
    await writeFile(path.join(outputDir, 'failure.html'), await page.content().catch(() => '')).catch(() => undefined);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n  failure screenshot: ${path.relative(root, failure)}; logs in ${path.relative(root, outputDir)}/`);
  } finally {
    await writeFile(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n')).catch(() => undefined);
  }
  session.log(`screenshots: ${path.relative(root, screenshots)}/{workbench,focus,delegation}.png`);
  session.log(`timings: ${session.summary()}`);
});
