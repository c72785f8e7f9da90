// What the host suite needs around it, whichever VS Code runs it (code-server here, desktop VS Code
// through @vscode/test-electron): the sandbox, a workspace repository, the git shim, the environment.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { quietSettings, writeSettings } from './codeServer.mjs';
import { demoIdentity } from './demoIdentity.mjs';
import { startSandbox } from './sandbox.mjs';
import { makeGitShim, makeSmallRepo, tempDir } from './workspace.mjs';

/**
 * Starts the sandbox and prepares a workspace, a user data dir with settings, and the git shim.
 * Everything it starts or creates is registered with `session` for cleanup.
 */
export async function prepareHostRun(session, outputDir) {
  const sandbox = await session.step('start the sandbox', () => startSandbox({ scenario: 'demo', port: 0, logFile: path.join(outputDir, 'sandbox.log') }));
  session.defer(sandbox.stop);
  const identity = demoIdentity(sandbox.info);
  session.log(`sandbox at ${sandbox.url}; the extension signs in as ${identity.login}`);

  const tmp = await tempDir('host');
  session.defer(() => rm(tmp, { recursive: true, force: true }));
  const workspace = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  const gitLog = path.join(tmp, 'git-invocations.log');
  const resultsFile = path.join(tmp, 'results.json');
  // The repository is made with the real git before the shim exists, so the shim log starts empty.
  await session.step('make the workspace repository', () => makeSmallRepo(workspace));
  const shimDir = path.join(tmp, 'bin');
  await makeGitShim(shimDir, gitLog);
  await writeSettings(userDataDir, { ...quietSettings, 'leadDesk.github.apiUrl': sandbox.url });

  const env = {
    PATH: `${shimDir}:${process.env.PATH}`,
    // code-server takes GITHUB_TOKEN for itself and deletes it from its environment, so there the
    // extension host sees the token only through GH_TOKEN, the other variable Lead Desk reads.
    GITHUB_TOKEN: identity.token,
    GH_TOKEN: identity.token,
    LEAD_DESK_SANDBOX_URL: sandbox.url,
    LEAD_DESK_GIT_LOG: gitLog,
    LEAD_DESK_TEST_RESULTS: resultsFile,
    LEAD_DESK_USER_DATA_DIR: userDataDir,
    LEAD_DESK_EXPECTED_TOKEN: identity.token,
    LEAD_DESK_EXPECTED_LOGIN: identity.login,
  };
  return { sandbox, identity, tmp, workspace, userDataDir, gitLog, resultsFile, env };
}

/** Waits for the suite's results file; `alive()` returning false ends the wait early. */
export async function waitForResults(file, { timeoutMs = 5 * 60_000, alive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
    if (!alive()) throw new Error('VS Code went away before the suite wrote its results');
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the suite wrote no results within ${timeoutMs / 1000} s`);
}

/** Prints each test and returns the number of failures (a suite with no passes counts as failed). */
export function printResults(results) {
  console.log('');
  console.log(`Host suite ran in ${results.appName} ${results.vscodeVersion} (${results.uiKind} UI, extension host ${results.remoteName ? `on remote ${results.remoteName}` : 'local'})`);
  if (results.environment) {
    console.log(`Token variables the extension host saw: ${Object.entries(results.environment).map(([k, v]) => `${k} ${v ? 'set' : 'unset'}`).join(', ')}`);
  }
  const all = [...results.passes.map((t) => ({ ...t, ok: true })), ...results.failures.map((t) => ({ ...t, ok: false }))];
  for (const t of all) {
    console.log(`  ${t.ok ? 'pass' : 'FAIL'}  ${t.fullTitle}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
    if (!t.ok) console.log(`        ${String(t.error).split('\n').join('\n        ')}`);
  }
  for (const t of results.pending) console.log(`  skip  ${t.fullTitle}`);
  console.log(`${results.passes.length} passed, ${results.failures.length} failed, ${results.pending.length} pending`);
  if (results.failures.length > 0) return results.failures.length;
  return results.passes.length === 0 ? 1 : 0;
}
