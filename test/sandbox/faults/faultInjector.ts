// Queues of faults aimed at routes. A queued fault is used by exactly one matching request,
// then normal service resumes; persistent faults last until clear(). Queues take precedence
// over persistent faults, and earlier injections over later ones.
import { compilePattern } from '../http/pathPattern';
import type { Fault, FaultSelector, FaultTarget } from './faultTypes';

interface Entry {
  test: (t: FaultTarget) => boolean;
  queue: Fault[];
  persistent: boolean;
}

export function compileSelector(sel: FaultSelector): (t: FaultTarget) => boolean {
  if (typeof sel === 'function') return sel;
  const s = sel.trim();
  if (s === '*') return () => true;
  if (s === 'graphql' || s === 'rest' || s === 'slack') return (t) => t.api === s;
  const operation = /^graphql\s+([_A-Za-z]\w*)$/.exec(s);
  if (operation) return (t) => t.api === 'graphql' && t.operation === operation[1];
  const slack = /^slack\s+(\S+)$/.exec(s);
  if (slack) return (t) => t.api === 'slack' && t.path === `/slack/api/${slack[1]}`;
  const m = /^([A-Z]+)\s+(\S+)$/.exec(s);
  const method = m ? m[1] : undefined;
  const pattern = compilePattern(m ? m[2] : s);
  return (t) => (!method || t.method === method) && pattern.match(t.path) !== undefined;
}

export class FaultInjector {
  private entries: Entry[] = [];
  /** The requests a `hold` fault keeps waiting, by how to let each go on. */
  private holding: Array<() => void> = [];

  /** Queues one or more faults for requests matching the selector, one fault per request. */
  inject(match: FaultSelector, fault: Fault | Fault[]): this {
    this.entries.push({ test: compileSelector(match), queue: Array.isArray(fault) ? [...fault] : [fault], persistent: false });
    return this;
  }

  /** Applies the fault to every matching request until clear(). */
  persist(match: FaultSelector, fault: Fault): this {
    this.entries.push({ test: compileSelector(match), queue: [fault], persistent: true });
    return this;
  }

  /** Drops every fault, and lets every held request go on. */
  clear(): void {
    this.entries = [];
    this.release();
  }

  /** Settles once release() lets the request go on (a `hold` fault). */
  hold(): Promise<void> {
    return new Promise((resolve) => this.holding.push(resolve));
  }

  /** How many requests are held now. */
  get held(): number {
    return this.holding.length;
  }

  /** Lets every held request go on; how many there were. */
  release(): number {
    const released = this.holding;
    this.holding = [];
    for (const resume of released) resume();
    return released.length;
  }

  /** Queued faults not yet consumed. */
  pending(): number {
    return this.entries.filter((e) => !e.persistent).reduce((n, e) => n + e.queue.length, 0);
  }

  /** Takes the fault for this request, if any. */
  take(target: FaultTarget): Fault | undefined {
    const queued = this.entries.find((e) => !e.persistent && e.queue.length > 0 && e.test(target));
    if (queued) {
      const fault = queued.queue.shift();
      if (queued.queue.length === 0) this.entries = this.entries.filter((e) => e !== queued);
      return fault;
    }
    return this.entries.find((e) => e.persistent && e.test(target))?.queue[0];
  }
}

/** The operation a GraphQL request's body names: its operationName, else the name its query text gives. */
export function graphqlOperationName(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string' && operationName !== '') return operationName;
  return typeof query === 'string' ? /^\s*(?:query|mutation)\s+([_A-Za-z]\w*)/.exec(query)?.[1] : undefined;
}
