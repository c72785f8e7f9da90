// Runs the local GitHub sandbox as a child process (test/sandbox/cli.ts) and reads the one JSON
// line it prints when it is listening: its URLs and the scenario's demo tokens.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { root, terminateGroup } from './codeServer.mjs';

/**
 * @returns {Promise<{ info: any, url: string, stop: () => Promise<void>, pid: number, exited: Promise<unknown> }>}
 */
export async function startSandbox({ scenario = 'demo', port = 0, logFile, timeoutMs = 60_000, gitRoot } = {}) {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const child = spawn(tsx, [path.join(root, 'test/sandbox/cli.ts'), '--scenario', scenario, '--port', String(port), ...(gitRoot ? ['--git-root', gitRoot] : [])], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sink = logFile ? createWriteStream(logFile) : undefined;
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    await terminateGroup(child, exited);
    sink?.end();
  };

  try {
    const info = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sandbox printed no JSON line within ${timeoutMs} ms`)), timeoutMs);
      let buffered = '';
      let found = false;
      child.stdout.on('data', (chunk) => {
        sink?.write(chunk);
        output = (output + chunk).slice(-4000);
        if (found) return;
        buffered += chunk;
        let newline;
        while (!found && (newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (!line.startsWith('{')) continue;
          try {
            const parsed = JSON.parse(line);
            found = true;
            clearTimeout(timer);
            resolve(parsed);
          } catch {
            // not the status line
          }
        }
      });
      child.stderr.on('data', (chunk) => {
        sink?.write(chunk);
        output = (output + chunk).slice(-4000);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox exited (${code ?? signal}) before it was ready`));
      });
    });
    const url = sandboxUrl(info);
    return { info, url, stop, pid: child.pid, exited };
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n--- sandbox output ---\n${output}`);
  }
}

/** The sandbox's API root (github.com layout) from its status line. */
function sandboxUrl(info) {
  const candidates = [info.apiUrl, info.url, info.restUrl, info.urls?.api, info.urls?.rest, info.baseUrl];
  const found = candidates.find((v) => typeof v === 'string' && /^https?:\/\//.test(v));
  if (!found) throw new Error(`cannot find the API URL in the sandbox status line: ${JSON.stringify(info)}`);
  return found.replace(/\/+$/, '');
}

/** Everything the sandbox at `url` received so far (its control endpoint; secrets redacted). */
export async function sandboxRequests(url) {
  const res = await fetch(`${url}/_sandbox/requests`);
  if (!res.ok) throw new Error(`GET /_sandbox/requests answered ${res.status}`);
  return res.json();
}

/** Empties the sandbox's request log, so that later counts start from zero. */
export async function resetSandboxLog(url) {
  const res = await fetch(`${url}/_sandbox/reset-log`, { method: 'POST' });
  if (!res.ok) throw new Error(`POST /_sandbox/reset-log answered ${res.status}`);
}

/** One GraphQL request to the sandbox as the owner of `token`; returns `data`, throws on errors. */
export async function sandboxGraphql(url, token, query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || body.errors?.length) throw new Error(`GraphQL answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body.data;
}

/** Opens a pull request (a scenario entry) in the running sandbox at `url`, through its control endpoint. */
export async function addSandboxPullRequest(url, pull) {
  const res = await fetch(`${url}/_sandbox/pulls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pull) });
  if (!res.ok) throw new Error(`POST /_sandbox/pulls answered ${res.status}: ${await res.text()}`);
}
