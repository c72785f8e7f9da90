// Control endpoints for processes that cannot hold the Sandbox object, such as the host suite that
// runs inside VS Code's extension host:
//   GET  /_sandbox/requests   the request log (JSON array, secrets already redacted)
//   POST /_sandbox/reset-log  empties it
// Control requests are answered before logging, so they never appear in the log themselves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './http/requestLog';

export const CONTROL_PREFIX = '/_sandbox/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), 'cache-control': 'no-store' });
  res.end(text);
}

/** Answers a control request and returns true; returns false for every other request. */
export function handleControl(req: IncomingMessage, res: ServerResponse, requests: RequestLogEntry[]): boolean {
  const pathname = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname;
  if (!pathname.startsWith(CONTROL_PREFIX)) return false;
  req.resume();
  const route = `${(req.method ?? 'GET').toUpperCase()} ${pathname}`;
  if (route === 'GET /_sandbox/requests') {
    send(res, 200, requests);
  } else if (route === 'POST /_sandbox/reset-log') {
    const cleared = requests.length;
    requests.splice(0, requests.length);
    send(res, 200, { cleared });
  } else {
    send(res, 404, { message: `No sandbox control endpoint ${route}`, endpoints: ['GET /_sandbox/requests', 'POST /_sandbox/reset-log'] });
  }
  return true;
}
