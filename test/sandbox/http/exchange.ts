// One request/response pair: classifies the request (REST, GraphQL, Slack; github.com or
// GHES layout), reads the body once, and writes responses with the headers GitHub always sends.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ApiKind, RequestLogEntry } from './requestLog';
import { redactBody, redactHeaders } from './requestLog';

const MAX_BODY = 10 * 1024 * 1024;

export class Exchange {
  readonly method: string;
  readonly url: URL;
  readonly api: ApiKind;
  /** Path without the GHES prefix: "/user", "/graphql", "/slack/api/auth.test". */
  readonly path: string;
  readonly ghes: boolean;
  readonly requestId = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
  readonly log: RequestLogEntry;
  rawBody: Buffer = Buffer.alloc(0);
  /** Headers added by auth/rate-limit layers before the handler answers. */
  readonly extraHeaders: Record<string, string> = {};
  /** Set by the malformedJson fault: the real answer goes out as 200 with its body cut short. */
  corruptJson = false;
  /** Set by graphqlPartialData: rewrites the real JSON answer before it goes out. */
  rewriteJson?: (body: unknown) => unknown;
  /** Set by faults with `applied`: the request is served, then this replaces its answer. */
  private answerLost?: () => void;
  private started = Date.now();

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
  ) {
    this.method = (req.method ?? 'GET').toUpperCase();
    this.url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const p = this.url.pathname.replace(/\/{2,}/g, '/');
    if (p === '/api/graphql' || p === '/graphql') {
      this.api = 'graphql';
      this.path = '/graphql';
      this.ghes = p.startsWith('/api/');
    } else if (p.startsWith('/slack/api/')) {
      this.api = 'slack';
      this.path = p;
      this.ghes = false;
    } else if (p === '/api/v3' || p.startsWith('/api/v3/')) {
      this.api = 'rest';
      this.path = p.slice('/api/v3'.length) || '/';
      this.ghes = true;
    } else {
      this.api = 'rest';
      this.path = p;
      this.ghes = false;
    }
    this.log = {
      method: this.method,
      // Slack clients may pass the token in the query string; keep it out of the log.
      path: (req.url ?? '/').replace(/([?&]token=)[^&]*/g, '$1REDACTED'),
      route: `${this.method} ${this.path}`,
      api: this.api,
      status: 0,
      headers: redactHeaders(req.headers),
      time: this.started,
    };
  }

  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  header(name: string): string | undefined {
    const v = this.req.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  }

  async readBody(): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) throw new Error('Request body too large');
      chunks.push(chunk as Buffer);
    }
    this.rawBody = Buffer.concat(chunks);
    const parsed = this.parseBody();
    if (parsed !== undefined) this.log.body = redactBody(parsed);
  }

  /** JSON or form-encoded body as an object; undefined when empty; a string when unparseable. */
  parseBody(): unknown {
    if (this.rawBody.length === 0) return undefined;
    const text = this.rawBody.toString('utf8');
    const type = this.header('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  get finished(): boolean {
    return this.res.headersSent || this.res.destroyed;
  }

  send(status: number, body: string | Buffer | undefined, headers: Record<string, string> = {}): void {
    if (this.finished) return;
    if (this.answerLost) {
      const lose = this.answerLost;
      this.answerLost = undefined;
      this.log.appliedStatus = status;
      lose();
      return;
    }
    if (this.corruptJson && body !== undefined && body.length > 1) {
      const text = body.toString();
      body = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
      status = 200;
      headers = { ...headers, 'content-type': 'application/json; charset=utf-8' };
      delete headers['etag'];
    }
    const all: Record<string, string> = {
      'x-github-request-id': this.requestId,
      ...this.extraHeaders,
      ...headers,
    };
    if (body !== undefined) all['content-length'] = String(Buffer.byteLength(body));
    this.res.writeHead(status, all);
    this.res.end(body);
    this.finishLog(status);
  }

  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (this.rewriteJson) body = this.rewriteJson(body);
    this.send(status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
  }

  /** Serves the request for real (a write takes effect), then answers with `instead`. */
  loseAnswer(instead: () => void): void {
    this.answerLost = instead;
  }

  /** Never answers; resolves when the client or the sandbox closes the connection. */
  hang(): Promise<void> {
    this.finishLog(0);
    return new Promise((resolve) => {
      if (this.res.destroyed || this.req.socket.destroyed) resolve();
      else this.res.once('close', () => resolve());
    });
  }

  /** Drops the connection without a response (the client sees ECONNRESET). */
  destroy(): void {
    this.finishLog(0);
    this.req.socket.resetAndDestroy();
  }

  private finishLog(status: number): void {
    this.log.status = status;
    this.log.durationMs = Date.now() - this.started;
  }
}
