// Entry point VS Code calls (extensionTestsPath) inside a real extension host. esbuild bundles this
// file and the tests into out/test/host/index.js; mocha itself stays external.
import { rename, writeFile } from 'node:fs/promises';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  fullTitle: string;
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface HostResults {
  vscodeVersion: string;
  appName: string;
  uiKind: string;
  remoteName: string | undefined;
  /** Which token variables reached the extension host (never their values). */
  environment: { GITHUB_TOKEN: boolean; GH_TOKEN: boolean };
  passes: TestResult[];
  failures: TestResult[];
  pending: TestResult[];
  startedAt: string;
  finishedAt: string;
}

/** Test files in the order they run: activation must be observed before any test fetches. */
const testFiles: ReadonlyArray<[string, () => Promise<unknown>]> = [
  ['entry/startup.test.ts', () => import('./entry/startup.test')],
  ['activation.test.ts', () => import('./activation.test')],
  ['commands.test.ts', () => import('./commands.test')],
  ['queue.test.ts', () => import('./queue.test')],
  ['entry/startupFace.test.ts', () => import('./entry/startupFace.test')],
  ['signedIn.test.ts', () => import('./signedIn.test')],
  ['log.test.ts', () => import('./log.test')],
  ['commandArguments.test.ts', () => import('./commandArguments.test')],
  ['delegation.test.ts', () => import('./delegation.test')],
  // After delegation.test.ts, which makes the workspace a clone of acme/api: the handoffs here need it.
  ['queueFlows.test.ts', () => import('./queueFlows.test')],
  ['focus.test.ts', () => import('./focus.test')],
  ['doNotDisturb.test.ts', () => import('./doNotDisturb.test')],
  ['settingsMigration.test.ts', () => import('./settingsMigration.test')],
  ['boundaries.test.ts', () => import('./boundaries.test')],
  ['update.test.ts', () => import('./update.test')],
  ['pulse.test.ts', () => import('./pulse.test')],
  ['week.test.ts', () => import('./week.test')],
  ['calendar.test.ts', () => import('./calendar.test')],
  ['walkthrough/walkthrough.test.ts', () => import('./walkthrough/walkthrough.test')],
  ['focus/schedule.test.ts', () => import('./focus/schedule.test')],
  ['auth/quietSignIn.test.ts', () => import('./auth/quietSignIn.test')],
  ['focus/blockEnd.test.ts', () => import('./focus/blockEnd.test')],
  ['auth/scopeWarnings.test.ts', () => import('./auth/scopeWarnings.test')],
  // After delegation.test.ts, whose suggestions built the index this looks at.
  ['delegation/indexOffThread.test.ts', () => import('./delegation/indexOffThread.test')],
  ['focus/breakRow.test.ts', () => import('./focus/breakRow.test')],
];

/**
 * Run in a second extension host that also loads the GitHub Pull Requests fixture
 * (LEAD_DESK_HOST_SUITE=pullRequestExtension): in the main one that extension is not installed.
 */
const pullRequestExtensionFiles: ReadonlyArray<[string, () => Promise<unknown>]> = [['pullRequestExtension.test.ts', () => import('./pullRequestExtension.test')]];

async function writeResults(file: string | undefined, results: HostResults): Promise<void> {
  if (!file) return;
  // The harness polls for this file, so it must appear complete or not at all.
  await writeFile(`${file}.tmp`, JSON.stringify(results, null, 2));
  await rename(`${file}.tmp`, file);
}

export async function run(): Promise<void> {
  const resultsFile = process.env.LEAD_DESK_TEST_RESULTS;
  const results: HostResults = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.UIKind[vscode.env.uiKind],
    remoteName: vscode.env.remoteName,
    environment: { GITHUB_TOKEN: Boolean(process.env.GITHUB_TOKEN), GH_TOKEN: Boolean(process.env.GH_TOKEN) },
    passes: [],
    failures: [],
    pending: [],
    startedAt: new Date().toISOString(),
    finishedAt: '',
  };
  // LEAD_DESK_HOST_GREP (in code-server's environment) runs only the matching tests, when working on one.
  const grep = process.env.LEAD_DESK_HOST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  try {
    // Test modules call describe() when they load, so mocha's globals must exist first.
    const files = process.env.LEAD_DESK_HOST_SUITE === 'pullRequestExtension' ? pullRequestExtensionFiles : testFiles;
    for (const [file, load] of files) {
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      await load();
    }
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      const record = (test: Mocha.Runnable, err?: Error): TestResult => ({
        title: test.title,
        fullTitle: test.fullTitle(),
        durationMs: test.duration,
        ...(err ? { error: err.message, stack: err.stack } : {}),
      });
      runner.on('pass', (test) => results.passes.push(record(test)));
      runner.on('fail', (test, err: Error) => results.failures.push(record(test, err)));
      runner.on('pending', (test) => results.pending.push(record(test)));
    });
    results.finishedAt = new Date().toISOString();
    await writeResults(resultsFile, results);
    if (failures > 0) throw new Error(`${failures} host test(s) failed`);
  } catch (err) {
    if (!results.finishedAt) {
      results.finishedAt = new Date().toISOString();
      results.failures.push({ title: 'loading the host suite', fullTitle: 'loading the host suite', error: String(err), stack: (err as Error).stack });
      await writeResults(resultsFile, results);
    }
    throw err;
  }
}
