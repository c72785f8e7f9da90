// Part of npm run test:e2e: two workbench windows (two tabs of one browser, the same folder, the
// same code-server, so one extension host each and one globalState) share a focus block
// (test/e2e/twoWindowTest.mjs). The GitHub guard is on, and the lead starts with a status of their
// own, so that the sandbox can tell a Busy status set twice or a restore done twice.
// Keeps failure screenshots, the pages' HTML and each window's extension log in .test-output/e2e-windows/.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './codeServer.mjs';
import { resetSandboxLog, sandboxGraphql, sandboxRequests } from './sandbox.mjs';
import { Session } from './steps.mjs';
import { collectConsole, saveFailure, startUiRun } from './uiRun.mjs';
import { makeSmallRepo } from './workspace.mjs';
import { runTwoWindowTest } from '../e2e/twoWindowTest.mjs';

const outputDir = path.join(root, '.test-output', 'e2e-windows');
const ownStatus = { emoji: ':eyes:', message: 'Reviewing the billing API', limitedAvailability: false };

const viewerStatusQuery = 'query { viewer { status { emoji message indicatesLimitedAvailability } } }';
const setStatusMutation = 'mutation($input: ChangeUserStatusInput!) { changeUserStatus(input: $input) { status { message } } }';

/** The "Lead Desk" log of each extension host that activated it: `<user data>/logs/<session>/exthost<N>/lead-desk.lead-desk/Lead Desk.log`. */
async function leadDeskLogs(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  const found = [];
  for (const session of await readdir(logs).catch(() => [])) {
    for (const host of await readdir(path.join(logs, session)).catch(() => [])) {
      if (!host.startsWith('exthost')) continue;
      const files = await readdir(path.join(logs, session, host, 'lead-desk.lead-desk')).catch(() => []);
      if (files.includes('Lead Desk.log')) found.push({ host, file: path.join(logs, session, host, 'lead-desk.lead-desk', 'Lead Desk.log') });
    }
  }
  return found;
}

await new Session('e2e-windows').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });

  const { browser, url, sandbox, identity, userDataDir } = await startUiRun(session, {
    outputDir,
    workspace: { name: 'service', step: 'create a small repository', create: (dir) => makeSmallRepo(dir) },
    settings: { 'leadDesk.focus.githubStatus.enabled': true },
    viewport: { width: 1280, height: 800 },
    beforeServer: async ({ sandbox: { url: api }, identity: { token } }) => {
      await sandboxGraphql(api, token, setStatusMutation, { input: ownStatus });
      await resetSandboxLog(api);
    },
  });

  const a = browser.pages()[0] ?? (await browser.newPage());
  const b = await browser.newPage();
  const consoleLines = [];
  collectConsole(a, consoleLines, 'A ');
  collectConsole(b, consoleLines, 'B ');

  try {
    await session.step('drive two windows', () => runTwoWindowTest({ a, b }, {
      url,
      statusChanges: async () => (await sandboxRequests(sandbox.url))
        .filter((r) => r.api === 'graphql' && /\bchangeUserStatus\s*\(/.test(r.body?.query ?? ''))
        .map((r) => ({ input: r.body?.variables?.input })),
      viewerStatus: async () => (await sandboxGraphql(sandbox.url, identity.token, viewerStatusQuery)).viewer.status ?? null,
      extensionLogs: async () => Promise.all((await leadDeskLogs(userDataDir)).map(async ({ host, file }) => ({ host, text: await readFile(file, 'utf8') }))),
      log: (line) => console.log(`  ${line}`),
    }));
  } catch (err) {
    // Each window's extension log says what its coordinator did (lease, guards); the user data dir goes away.
    for (const { host, file } of await leadDeskLogs(userDataDir)) await copyFile(file, path.join(outputDir, `lead-desk-${host}.log`)).catch(() => undefined);
    throw await saveFailure(outputDir, [['-a', a], ['-b', b]], err);
  } finally {
    await writeFile(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n')).catch(() => undefined);
  }
  session.log(`timings: ${session.summary()}`);
});
