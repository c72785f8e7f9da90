// The host suite (test/host/**) on a desktop VS Code, for developers who have one.
//
//   npm run build && node test/harness/runDesktopHostTests.mjs
//
// That runner starts the local GitHub sandbox, a workspace repository and the git shim exactly as
// `npm run test:host` does, then calls @vscode/test-electron's runTests() with this config, which
// downloads the VS Code build below into .vscode-test/ on first use. CI and offline machines run
// the same suite in code-server instead (`npm run test:host`), since they cannot reach the download.
//
// The config is plain data so any runner can use it, e.g.:
//   node -e "import('./.vscode-test.mjs').then(({ default: c }) => require('@vscode/test-electron').runTests(c))"
// (without the sandbox, the suite then fails on its missing LEAD_DESK_* environment).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

export default {
  /** Matches the VS Code inside code-server 4.100.3, the oldest release package.json supports. Override with LEAD_DESK_VSCODE_VERSION (e.g. "stable"). */
  version: process.env.LEAD_DESK_VSCODE_VERSION || '1.100.3',
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'test', 'host', 'index.js'),
  launchArgs: [
    // Every git process must be Lead Desk's, so the host suite can tell that activation ran none.
    '--disable-extension=vscode.git',
    '--disable-extension=vscode.git-base',
    '--disable-extension=vscode.github',
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-telemetry',
  ],
};
