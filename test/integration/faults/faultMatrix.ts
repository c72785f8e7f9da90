// The columns of the fault matrix (what can go wrong between Lead Desk and GitHub) and a row that
// records which cells passed, printed after each suite so the table can be assembled from runs.
import type { Sandbox } from '../../sandbox/server';
import type { Fault } from '../../sandbox/faults/faultTypes';
import { isWriteRequest } from '../../../src/github/writeSpacing';

export const FAULT_COLUMNS = [
  '401',
  'missing scope',
  'primary rate limit',
  'secondary rate limit',
  'GraphQL error at 200',
  '502',
  'hang/timeout',
  'connection reset',
  'malformed JSON',
  'offline',
] as const;
export type FaultColumn = (typeof FAULT_COLUMNS)[number];

/** One row: a cell passes when every test registered in it passed. */
export class MatrixRow {
  private readonly planned = new Map<FaultColumn, number>();
  private readonly passed = new Map<FaultColumn, number>();

  constructor(readonly name: string) {}

  /** Registers one test in `column`; the returned function is called as the test's last step. */
  cell(column: FaultColumn): () => void {
    this.planned.set(column, (this.planned.get(column) ?? 0) + 1);
    return () => this.passed.set(column, (this.passed.get(column) ?? 0) + 1);
  }

  result(column: FaultColumn): 'pass' | 'FAIL' | 'untested' {
    const planned = this.planned.get(column) ?? 0;
    if (planned === 0) return 'untested';
    return (this.passed.get(column) ?? 0) === planned ? 'pass' : 'FAIL';
  }

  /** "| queue refresh | pass | pass | … |", in FAULT_COLUMNS order. */
  format(): string {
    return `| ${this.name} | ${FAULT_COLUMNS.map((c) => this.result(c)).join(' | ')} |`;
  }

  static header(): string {
    return `| | ${FAULT_COLUMNS.join(' | ')} |\n|${'---|'.repeat(FAULT_COLUMNS.length + 1)}`;
  }
}

/**
 * A client deadline that ends when the sandbox leaves a request unanswered, so "GitHub hangs" is
 * tested on that event rather than on a timer racing the machine's load. Calls made after the hang
 * get a deadline that never ends by itself.
 */
export function hangSwitch(): { deadline: (timeoutMs: number) => AbortSignal; fault: (applied?: boolean) => Fault } {
  let live: AbortController[] = [];
  const onHang = () => {
    for (const c of live) c.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    live = [];
  };
  return {
    deadline: () => {
      const controller = new AbortController();
      live.push(controller);
      return controller.signal;
    },
    fault: (applied) => ({ kind: 'hang', onHang, ...(applied ? { applied } : {}) }),
  };
}

/** Requests in the log that would change data on GitHub (REST writes, GraphQL mutations). */
export function writesIn(sandbox: Sandbox): Sandbox['requests'] {
  return sandbox.requests.filter((r) => isWriteRequest({ method: r.method, url: r.path, query: (r.body as { query?: unknown } | undefined)?.query }));
}

/** Collects unhandled rejections while a suite runs. */
export function unhandledRejections(): { readonly seen: unknown[]; install(): void; remove(): void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  return {
    seen,
    install: () => void process.on('unhandledRejection', listener),
    remove: () => void process.off('unhandledRejection', listener),
  };
}

/** Lets promise callbacks and I/O that are already due run, so a stray rejection would be seen. */
export function drainEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
