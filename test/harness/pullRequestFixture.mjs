// GitHub Pull Requests cannot be installed on these machines (no marketplace). The host suite checks
// Lead Desk's hand-over to it in a second extension host that loads a fixture under its id
// (test/host/fixtures/pull-request-extension), packaged and installed as any extension is, into an
// extensions dir of its own: the main suite, and the UI runs, never see it. code-server's
// payload keeps one extensionDevelopmentPath (it reads the payload into a Map), so the fixture
// cannot ride next to Lead Desk as a second development path.
import path from 'node:path';
import { installVsix, root, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { waitForResults } from './hostRun.mjs';
import { run } from './steps.mjs';

export const pullRequestFixtureDir = path.join(root, 'test/host/fixtures/pull-request-extension');

/** Packages the fixture into `outDir`; returns the .vsix path. */
export async function packagePullRequestFixture(outDir) {
  const vsix = path.join(outDir, 'pull-request-fixture.vsix');
  await run(path.join(root, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: pullRequestFixtureDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/**
 * Runs the suite's GitHub Pull Requests part (LEAD_DESK_HOST_SUITE=pullRequestExtension) in a
 * code-server whose extensions dir holds the fixture, on the same workspace, settings and sandbox.
 * Returns the suite's results.
 */
export async function runPullRequestExtensionSuite({ session, bin, page, tmp, workspace, userDataDir, env, outputDir }) {
  const extensionsDir = path.join(tmp, 'extensions-with-pull-requests');
  const vsix = await session.step('package the GitHub Pull Requests fixture', () => packagePullRequestFixture(tmp));
  await session.step('install the fixture', () => installVsix({ bin, vsix, extensionsDir, userDataDir }));
  const resultsFile = path.join(tmp, 'results-pull-request-extension.json');
  const server = await session.step('start code-server with the fixture', () =>
    startCodeServer({
      bin,
      folder: workspace,
      extensionsDir,
      userDataDir,
      env: { ...process.env, ...env, LEAD_DESK_HOST_SUITE: 'pullRequestExtension', LEAD_DESK_TEST_RESULTS: resultsFile },
      logFile: path.join(outputDir, 'code-server-pull-requests.log'),
    }),
  );
  session.defer(server.stop);
  const url = workbenchUrl(server, workspace, { extensionDevelopmentPath: root, extensionTestsPath: path.join(root, 'out/test/host/index.js') });
  try {
    return await session.step('run the GitHub Pull Requests suite', async () => {
      await page.goto(url);
      return waitForResults(resultsFile, { alive: () => !page.isClosed() });
    });
  } finally {
    await server.stop();
  }
}
