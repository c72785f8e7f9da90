// Control endpoints for processes that cannot hold the Sandbox object, such as the host suite that
// runs inside VS Code's extension host:
//   GET  /_sandbox/requests   the request log (JSON array, secrets already redacted)
//   POST /_sandbox/reset-log  empties it
//   POST /_sandbox/pulls      adds a pull request (a scenario entry as JSON), as if just opened
//   POST /_sandbox/faults     queues faults: { "match": "DELETE /repos/:owner/:repo/…", "fault": {…} or [{…}] }
//   POST /_sandbox/faults/clear  drops every fault and lets every held request go on
//   GET  /_sandbox/faults/held   how many requests a `hold` fault keeps waiting: { "held": n }
//   POST /_sandbox/faults/release  lets them go on: { "released": n }
// Control requests are answered before logging, so they never appear in the log themselves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './http/requestLog';
import type { Fault } from './faults/faultTypes';
import type { FaultInjector } from './faults/faultInjector';
import type { ScenarioPull } from './scenarios/scenario';
import { AddPullError } from './state/addPull';

/** What the control endpoints act on. */
export interface ControlTarget {
  requests: RequestLogEntry[];
  /** Adds a pull request to the running state; throws AddPullError when it does not fit the scenario. */
  addPull(pull: ScenarioPull): { repo: string; number: number };
  /** Queues faults for the requests a selector string matches (see faults/faultInjector.ts), one per request. */
  injectFault(match: string, fault: Fault | Fault[]): void;
  clearFaults(): void;
  /** The requests `hold` faults keep waiting. */
  faults: Pick<FaultInjector, 'held' | 'release'>;
}

export const CONTROL_PREFIX = '/_sandbox/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function addPull(req: IncomingMessage, res: ServerResponse, target: ControlTarget): void {
  readJson(req)
    .then((body) => send(res, 201, target.addPull(body as ScenarioPull)))
    .catch((err: unknown) => {
      if (err instanceof SyntaxError || err instanceof AddPullError) send(res, 422, { message: err.message });
      else send(res, 500, { message: String(err) });
    });
}

/** Only faults that are plain data: one with a callback cannot come over HTTP. */
function injectFault(req: IncomingMessage, res: ServerResponse, target: ControlTarget): void {
  readJson(req)
    .then((body) => {
      const { match, fault } = (body ?? {}) as { match?: unknown; fault?: unknown };
      const faults = Array.isArray(fault) ? fault : [fault];
      if (typeof match !== 'string' || faults.length === 0 || !faults.every((f) => f && typeof f === 'object' && typeof (f as { kind?: unknown }).kind === 'string')) {
        send(res, 422, { message: 'Send { "match": "<selector>", "fault": { "kind": … } or a list of them }.' });
        return;
      }
      target.injectFault(match, faults as Fault[]);
      send(res, 201, { queued: faults.length });
    })
    .catch((err: unknown) => send(res, err instanceof SyntaxError ? 422 : 500, { message: String(err) }));
}

const endpoints = ['GET /_sandbox/requests', 'POST /_sandbox/reset-log', 'POST /_sandbox/pulls', 'POST /_sandbox/faults', 'POST /_sandbox/faults/clear', 'GET /_sandbox/faults/held', 'POST /_sandbox/faults/release'];

/** Answers a control request and returns true; returns false for every other request. */
export function handleControl(req: IncomingMessage, res: ServerResponse, target: ControlTarget): boolean {
  const pathname = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
  if (!pathname.startsWith(CONTROL_PREFIX)) return false;
  const route = `${(req.method ?? 'GET').toUpperCase()} ${pathname}`;
  if (route === 'POST /_sandbox/pulls') {
    addPull(req, res, target);
    return true;
  }
  if (route === 'POST /_sandbox/faults') {
    injectFault(req, res, target);
    return true;
  }
  req.resume();
  const { requests } = target;
  if (route === 'GET /_sandbox/requests') {
    send(res, 200, requests);
  } else if (route === 'POST /_sandbox/faults/clear') {
    target.clearFaults();
    send(res, 200, { cleared: true });
  } else if (route === 'GET /_sandbox/faults/held') {
    send(res, 200, { held: target.faults.held });
  } else if (route === 'POST /_sandbox/faults/release') {
    send(res, 200, { released: target.faults.release() });
  } else if (route === 'POST /_sandbox/reset-log') {
    const cleared = requests.length;
    requests.splice(0, requests.length);
    send(res, 200, { cleared });
  } else {
    send(res, 404, { message: `No sandbox control endpoint ${route}`, endpoints });
  }
  return true;
}
