// What the harness tells the suite through the environment, and small helpers the tests share.
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'lead-desk.lead-desk';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the suite with test/harness/runHostTests.mjs`);
  return value;
}

export const hostEnv = {
  get sandboxUrl(): string {
    return required('LEAD_DESK_SANDBOX_URL').replace(/\/+$/, '');
  },
  /** The token the extension should find in the environment (code-server hides GITHUB_TOKEN, so GH_TOKEN carries it). */
  get token(): string {
    return required('LEAD_DESK_EXPECTED_TOKEN');
  },
  get expectedLogin(): string {
    return required('LEAD_DESK_EXPECTED_LOGIN');
  },
  get gitLog(): string {
    return required('LEAD_DESK_GIT_LOG');
  },
  /** Where VS Code writes its logs (code-server's or the desktop build's user data dir). */
  get userDataDir(): string | undefined {
    return process.env.LEAD_DESK_USER_DATA_DIR || undefined;
  },
};

export interface LoggedRequest {
  method: string;
  path: string;
  route: string;
  api: string;
  status: number;
  headers: Record<string, string>;
  login?: string;
  time: number;
}

/** fetch() from the sandbox, with the network error's cause in the message ("fetch failed" alone says nothing). */
export async function sandboxFetch(pathname: string, init?: RequestInit): Promise<Response> {
  const url = `${hostEnv.sandboxUrl}${pathname}`;
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    throw new Error(`${init?.method ?? 'GET'} ${url} failed: ${cause instanceof Error ? cause.message : String(cause ?? err)}`);
  }
}

/** The sandbox's request log: every request it received, secrets redacted. */
export async function sandboxRequests(): Promise<LoggedRequest[]> {
  const res = await sandboxFetch('/_sandbox/requests');
  if (!res.ok) throw new Error(`GET /_sandbox/requests answered ${res.status}`);
  return (await res.json()) as LoggedRequest[];
}

/** Lines the git shim logged, one per git process started since the workspace was made. */
export async function gitInvocations(): Promise<string[]> {
  try {
    return (await readFile(hostEnv.gitLog, 'utf8')).split('\n').filter(Boolean);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How often waitFor asks again: the bound on how late it notices, not a wait for anything. */
const pollIntervalMs = 200;

/** Polls until `probe` returns a value other than undefined, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollIntervalMs);
  }
}

export function leadDeskExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  if (!ext) throw new Error(`extension ${extensionId} is not installed in this extension host`);
  return ext;
}

async function findFiles(dir: string, name: string, depth: number): Promise<string[]> {
  if (depth < 0) return [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findFiles(full, name, depth - 1)));
    else if (entry.name === name && path.basename(dir) === extensionId) found.push(full);
  }
  return found;
}

/**
 * The text of the "Lead Desk" log channel. A LogOutputChannel writes to `<logs>/…/exthost/<extension id>/Lead Desk.log`;
 * the newest such file under the user data dir belongs to this window.
 */
export async function leadDeskLogText(): Promise<{ file: string; text: string }> {
  const userDataDir = hostEnv.userDataDir;
  if (!userDataDir) throw new Error('LEAD_DESK_USER_DATA_DIR is not set, so the log file cannot be found');
  const files = await findFiles(path.join(userDataDir, 'logs'), 'Lead Desk.log', 5);
  if (files.length === 0) throw new Error(`no "Lead Desk.log" under ${path.join(userDataDir, 'logs')}`);
  const dated = await Promise.all(files.map(async (file) => ({ file, mtime: (await stat(file)).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime);
  const file = dated[0].file;
  return { file, text: await readFile(file, 'utf8') };
}

/** The file of a key of Lead Desk's shared state (src/storage/sharedFileStore.ts), which every window of this profile reads. */
export function sharedStateFile(key: string): string {
  const userDataDir = hostEnv.userDataDir;
  if (!userDataDir) throw new Error('LEAD_DESK_USER_DATA_DIR is not set, so the shared state cannot be found');
  return path.join(userDataDir, 'User', 'globalStorage', extensionId, 'shared', `${key}.json`);
}

/**
 * Stores `text` under a key of the shared state as another window's Lead Desk does (a new file
 * renamed over the old one), or removes the key for undefined.
 */
export async function storeAsAnotherWindow(key: string, text: string | undefined): Promise<void> {
  const file = sharedStateFile(key);
  if (text === undefined) return rm(file, { force: true });
  const other = path.join(path.dirname(file), '.another-window.tmp');
  await writeFile(other, text);
  await rename(other, file);
}

/** What the Lead Desk log says after `since` characters (a length of leadDeskLogText's text), once it says something `pattern` matches. */
export async function waitForLogLine(what: string, since: number, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  try {
    return await waitFor(what, async () => pattern.exec((await leadDeskLogText()).text.slice(since))?.[0], timeoutMs);
  } catch (err) {
    // What the log did say is the first thing to know about a wait that failed.
    const said = (await leadDeskLogText()).text.slice(since).trimEnd();
    throw new Error(`${(err as Error).message}; meanwhile the Lead Desk log said:\n${said || '(nothing)'}`);
  }
}

/** storeAsAnotherWindow, then what this window's log says about it once it says something `pattern` matches. */
export async function storeAsAnotherWindowAndWait(key: string, text: string | undefined, what: string, pattern: RegExp): Promise<string> {
  const since = (await leadDeskLogText()).text.length;
  await storeAsAnotherWindow(key, text);
  return waitForLogLine(what, since, pattern);
}
