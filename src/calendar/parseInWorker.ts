// Runs the calendar parse on a worker thread. Expanding a 5 MB feed takes ical.js a third of a
// second or more, and on the extension host's thread that is a third of a second in which no
// keystroke, view or other extension gets an answer. The worker is started on the first parse,
// ended after a minute without one (ical.js's peak memory goes with it), and when workers cannot
// be started at all, parses run on the calling thread as before.
import { Worker } from 'node:worker_threads';
import { CalendarParseError, type ExpandedCalendar, type ExpandOptions } from '../core/calendar/expandCalendar';
import { errorText } from '../core/errorText';

/** Marks a worker started by this module, so the bundle serves parses only in such a worker. */
export const PARSE_WORKER_FLAG = 'leadDeskCalendarParser';

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly options: ExpandOptions;
}

export type ParseReply =
  | { readonly id: number; readonly result: ExpandedCalendar }
  | { readonly id: number; readonly error: { readonly message: string; readonly parse: boolean } };

const IDLE_MS = 60_000;

interface Pending {
  readonly request: ParseRequest;
  readonly resolve: (result: ExpandedCalendar) => void;
  readonly reject: (err: unknown) => void;
}

export interface ParserThreadOptions {
  /** The script the worker runs: the parser bundle itself. Undefined: parse on this thread. */
  readonly script: string | undefined;
  /** The parse itself, for this thread when a worker is not available. */
  readonly expandHere: (text: string, options: ExpandOptions) => ExpandedCalendar;
}

export class ParserThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;
  /** Set once a worker could not start: later parses go straight to this thread. */
  private unavailable: boolean;

  constructor(private readonly options: ParserThreadOptions) {
    // Only the bundled JavaScript can run in a worker; under a TypeScript loader there is no worker.
    this.unavailable = options.script === undefined || !options.script.endsWith('.js');
  }

  /** True while parses go to a worker thread (for the log and the tests). */
  get usesWorker(): boolean {
    return !this.unavailable;
  }

  expand(text: string, options: ExpandOptions): Promise<ExpandedCalendar> {
    if (this.unavailable) return this.here({ id: 0, text, options });
    return new Promise<ExpandedCalendar>((resolve, reject) => {
      const request: ParseRequest = { id: this.nextId++, text, options };
      this.pending.set(request.id, { request, resolve, reject });
      const worker = this.start();
      if (!worker) return;
      if (this.idle) clearTimeout(this.idle);
      this.idle = undefined;
      worker.postMessage(request);
    });
  }

  /** Ends the worker; parses still waiting are finished on this thread. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (this.idle) clearTimeout(this.idle);
    void worker?.terminate();
    this.drainHere();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.options.script!, { workerData: { [PARSE_WORKER_FLAG]: true } });
    } catch {
      this.giveUp();
      return undefined;
    }
    // The worker never keeps the extension host (or a test run) alive on its own.
    worker.unref();
    worker.on('message', (reply: ParseReply) => this.settle(reply));
    worker.on('error', () => {
      if (this.worker === worker) this.worker = undefined;
      this.giveUp();
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      // An exit with parses outstanding (killed, out of memory): they finish here instead.
      if (this.pending.size > 0) this.giveUp();
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: ParseReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if ('result' in reply) waiting.resolve(reply.result);
    else waiting.reject(reply.error.parse ? new CalendarParseError(reply.error.message) : new Error(reply.error.message));
    if (this.pending.size === 0 && this.worker) {
      const worker = this.worker;
      this.idle = setTimeout(() => {
        if (this.worker === worker && this.pending.size === 0) {
          this.worker = undefined;
          void worker.terminate();
        }
      }, IDLE_MS);
      this.idle.unref();
    }
  }

  private giveUp(): void {
    this.unavailable = true;
    this.drainHere();
  }

  private drainHere(): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) this.here(p.request).then(p.resolve, p.reject);
  }

  private here(request: ParseRequest): Promise<ExpandedCalendar> {
    return new Promise((resolve) => resolve(this.options.expandHere(request.text, request.options)));
  }
}

/** The worker's side: answers each request with the expansion or the reason it failed. */
export function serveParses(port: { on(event: 'message', listener: (request: ParseRequest) => void): unknown; postMessage(reply: ParseReply): void }, expand: (text: string, options: ExpandOptions) => ExpandedCalendar): void {
  port.on('message', (request) => {
    try {
      port.postMessage({ id: request.id, result: expand(request.text, request.options) });
    } catch (err) {
      port.postMessage({ id: request.id, error: { message: errorText(err), parse: CalendarParseError.is(err) } });
    }
  });
}
