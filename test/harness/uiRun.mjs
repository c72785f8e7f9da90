// What the UI test runners share: the packaged .vsix installed into a fresh code-server that points
// at the local GitHub sandbox, headless Chromium, and what to keep when a check fails.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  codeServerBin, installVsix, launchChromium, quietSettings, root, signedInEnv, startCodeServer, workbenchUrl, writeSettings,
} from './codeServer.mjs';
import { demoIdentity } from './demoIdentity.mjs';
import { startSandbox } from './sandbox.mjs';
import { tempDir } from './workspace.mjs';
import { packageExtension } from '../tools/package.mjs';

/**
 * Packages and installs the extension, starts the sandbox (demo scenario), creates the workspace,
 * starts code-server on it and launches Chromium. Every part is stopped by the session's cleanup.
 * @param {import('./steps.mjs').Session} session
 * @param {{
 *   outputDir: string,
 *   workspace: { name: string, step: string, create: (dir: string, identity: { login: string, token: string, scenario: any }) => Promise<unknown> },
 *   settings?: Record<string, unknown> | ((ctx: { sandbox: Awaited<ReturnType<typeof startSandbox>>, identity: { login: string, token: string, scenario: any }, tmp: string }) => Promise<Record<string, unknown>>),
 *   beforeServer?: (ctx: { sandbox: Awaited<ReturnType<typeof startSandbox>>, identity: { login: string, token: string, scenario: any } }) => Promise<void>,
 *   viewport?: { width: number, height: number },
 * }} options
 *   settings: added to quietSettings and the sandbox's API URL; a function gets them once the
 *     sandbox is up (for its URLs) and may write files they name into the run's temporary folder;
 *   beforeServer: runs once the sandbox is up and before the workbench can reach it.
 */
export async function startUiRun(session, { outputDir, workspace: ws, settings = {}, beforeServer, viewport = { width: 1440, height: 900 } }) {
  const packaged = await session.step('package the .vsix', () => packageExtension({ quiet: true }));
  const bin = await session.step('code-server install check', () => codeServerBin());
  const tmp = await tempDir(session.tag);
  session.defer(() => rm(tmp, { recursive: true, force: true }));
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  await session.step('install the .vsix into a fresh extensions dir', () => installVsix({ bin, vsix: packaged.vsixPath, extensionsDir }));

  const sandbox = await session.step('start the sandbox', () => startSandbox({ scenario: 'demo', port: 0, logFile: path.join(outputDir, 'sandbox.log') }));
  session.defer(sandbox.stop);
  const identity = demoIdentity(sandbox.info);
  if (beforeServer) await beforeServer({ sandbox, identity });

  // The folder name shows in the window title and the screenshots.
  const workspace = path.join(tmp, ws.name);
  await session.step(ws.step, () => ws.create(workspace, identity));
  const extra = typeof settings === 'function' ? await settings({ sandbox, identity, tmp }) : settings;
  // Working hours around the clock: after hours Lead Desk holds review-request toasts for the next
  // morning, so the same steps would see different things at 10:00 and at 20:00, or on a Sunday.
  const anyTime = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' };
  await writeSettings(userDataDir, { ...quietSettings, 'leadDesk.github.apiUrl': sandbox.url, 'leadDesk.workingHours': anyTime, ...extra });
  const server = await session.step('start code-server', () => startCodeServer({
    bin,
    folder: workspace,
    extensionsDir,
    userDataDir,
    env: signedInEnv(identity.token),
    logFile: path.join(outputDir, 'code-server.log'),
  }));
  session.defer(server.stop);

  const browser = await session.step('start chromium', () => launchChromium(path.join(tmp, 'chromium'), viewport));
  session.defer(() => browser.close());
  return { tmp, userDataDir, sandbox, identity, workspace, server, browser, url: workbenchUrl(server, workspace) };
}

/** Collects a page's console messages and uncaught errors into `lines`, each line prefixed. */
export function collectConsole(page, lines, prefix = '') {
  page.on('console', (msg) => lines.push(`${prefix}[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => lines.push(`${prefix}[pageerror] ${err.message}`));
}

/**
 * Keeps a screenshot and the DOM (to see what a selector did not find) of each page, named
 * failure<suffix>.png/.html, and returns the error to throw, saying where they are.
 * @param {Array<[string, import('playwright-core').Page]>} pages suffix and page
 */
export async function saveFailure(outputDir, pages, err) {
  const shots = [];
  for (const [suffix, page] of pages) {
    const file = path.join(outputDir, `failure${suffix}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    await writeFile(path.join(outputDir, `failure${suffix}.html`), await page.content().catch(() => '')).catch(() => undefined);
    shots.push(path.relative(root, file));
  }
  const message = err instanceof Error ? err.message : String(err);
  return new Error(`${message}\n  failure screenshot${shots.length > 1 ? 's' : ''}: ${shots.join(', ')}; logs in ${path.relative(root, outputDir)}/`);
}
