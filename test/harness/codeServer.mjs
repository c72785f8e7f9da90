// Starts and stops code-server (a full VS Code 1.100.3 workbench served over HTTP) for the host
// suite, the UI test and the demo. See ../shared/REAL-VSCODE.md for why code-server and not a
// downloaded desktop build: these machines cannot reach Microsoft's update servers.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const execFileAsync = promisify(execFile);

/** Installs code-server into the per-machine cache when needed; returns the launcher path. */
export async function codeServerBin() {
  const { stdout } = await execFileAsync('bash', [path.join(root, 'test/harness/installCodeServer.sh')], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  const lines = stdout.trim().split('\n');
  return lines[lines.length - 1];
}

/** A TCP port nothing listens on right now (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Installs a .vsix into an extensions dir; copying a folder there is not picked up by code-server. */
export async function installVsix({ bin, vsix, extensionsDir, userDataDir }) {
  await mkdir(extensionsDir, { recursive: true });
  const args = ['--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'];
  if (userDataDir) args.unshift('--user-data-dir', userDataDir);
  const { stdout, stderr } = await execFileAsync(bin, args, { timeout: 120_000 });
  const text = `${stdout}${stderr}`;
  if (!/successfully installed/i.test(text)) throw new Error(`installing ${vsix} failed:\n${text}`);
  return text.trim();
}

/** Writes `<userDataDir>/User/settings.json`. */
export async function writeSettings(userDataDir, settings) {
  const dir = path.join(userDataDir, 'User');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Settings that keep the workbench quiet and deterministic in tests. code-server rejects VS Code's
 * `--disable-extension`, so the built-in git extension is switched off by setting instead: with
 * `git.enabled: false` it returns before it ever looks for a git binary.
 */
export const quietSettings = {
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
  'github.gitAuthentication': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  // Otherwise the sandbox URL in the log is offered as a forwarded port.
  'remote.autoForwardPorts': false,
};

async function waitForHttp(url, { timeoutMs, child }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms: ${lastError?.message ?? lastError}`);
}

/**
 * The environment for a code-server whose extensions sign in with `token`: code-server keeps
 * GITHUB_TOKEN for itself and hides it from extensions; GH_TOKEN gets through.
 */
export function signedInEnv(token) {
  return { ...process.env, GITHUB_TOKEN: token, GH_TOKEN: token };
}

/**
 * Starts code-server in its own process group so that stop() ends it and everything it spawned
 * (extension hosts, file watchers, terminals) by pid.
 * @returns {Promise<{ url: string, port: number, pid: number, logFile?: string, stop: () => Promise<void>, exited: Promise<unknown> }>}
 */
export async function startCodeServer({
  bin,
  folder,
  extensionsDir,
  userDataDir,
  port,
  env = process.env,
  logFile,
  timeoutMs = 60_000,
}) {
  port ??= await freePort();
  await mkdir(extensionsDir, { recursive: true });
  await mkdir(userDataDir, { recursive: true });
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (folder) args.push(folder);
  const child = spawn(bin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const sink = logFile ? createWriteStream(logFile) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      tail = (tail + chunk).slice(-4000);
      sink?.write(chunk);
    });
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const stop = async () => {
    await terminateGroup(child, exited);
    // Children (extension hosts) may outlive the launcher for a moment; the group is ours alone.
    killGroup(child.pid, 'SIGKILL');
    sink?.end();
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs, child });
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n--- code-server output ---\n${tail}`);
  }
  return { url, port, pid: child.pid, logFile, stop, exited };
}

/** Signals a whole process group we created; quiet when it is already gone. */
/**
 * Asks a detached child's process group to stop, and kills it if it has not exited after 5 s.
 * @param {import('node:child_process').ChildProcess} child
 * @param {Promise<unknown>} exited resolves when the child has exited
 */
export async function terminateGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export function killGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
}

/** The workbench URL that opens `folder`, optionally with a development payload (extension under test, test runner). */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Chromium flags that keep a headless browser offline-friendly and quiet (REAL-VSCODE.md). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium with a fresh profile dir; close() ends it. */
export async function launchChromium(profileDir, { width = 1440, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  await mkdir(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width, height },
    // The harness closes the browser itself, after the things that depend on it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return context;
}
