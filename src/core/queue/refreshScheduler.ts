// When to fetch the queue: every N minutes while the window has focus, at once on focus when
// the data is stale, and after a failure no sooner than GitHub allows (retry-after / rate-limit
// reset) with exponential backoff, so a fault never turns into a retry storm. Overlapping
// refreshes share one load. Retries *inside* one request belong to Octokit's plugins; this class
// only decides when the next refresh starts. The clock and timers are injected, so tests run it
// in plain Node with a fake clock.

import { translated } from '../inertText';
import { systemClock, type Clock } from '../clock';
import { errorText } from '../errorText';

/** The scheduler reads the time like everyone else, and also sets its own timers. */
export interface TimerClock extends Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimerClock: TimerClock = {
  now: () => systemClock.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Why a refresh failed. GitHub's own kinds (see github/errors.ts, which must stay a subset of
 * these), plus 'signedOut' (no credentials at all) and 'stopped' (the scheduler was disposed).
 */
export type RefreshFailureKind =
  | 'unauthorized'
  | 'missingScope'
  | 'rateLimited'
  | 'secondaryRateLimited'
  | 'server'
  | 'timeout'
  | 'offline'
  | 'malformed'
  | 'notFound'
  | 'validation'
  | 'unknown'
  | 'signedOut'
  | 'stopped';

export interface RefreshFailure {
  readonly kind: RefreshFailureKind;
  /** A few words for the view's description: "offline", "rate limited". */
  readonly summary: string;
  /** One sentence for messages and tooltips. */
  readonly message: string;
  /** GitHub said not to ask again before this time (epoch ms). */
  readonly retryAt?: number;
  /** False when only the user can fix it (sign in again, grant a scope). */
  readonly transient: boolean;
  /** The original error, for the log and for commands that show it. */
  readonly cause?: unknown;
}

export interface RefreshState<T> {
  /** The last good data; kept through failures. */
  readonly data?: T;
  /** When `data` was fetched (epoch ms). */
  readonly updatedAt?: number;
  /** True while `data` came from the cache and no refresh has succeeded since. */
  readonly fromCache: boolean;
  readonly loading: boolean;
  /** The last attempt's failure; cleared by a success. */
  readonly failure?: RefreshFailure;
  /** Failures in a row. */
  readonly failures: number;
  /** When the next automatic refresh is due (epoch ms); undefined before start(). */
  readonly nextAttemptAt?: number;
}

/** The failure as something to throw: the original error when there is one. */
export function failureError(failure: RefreshFailure): Error {
  return failure.cause instanceof Error ? failure.cause : new Error(failure.message);
}

export type RefreshOutcome = { readonly ok: true } | { readonly ok: false; readonly failure: RefreshFailure; readonly skipped: boolean };

export interface RefreshSchedulerOptions<T> {
  readonly load: () => Promise<T>;
  readonly classify: (err: unknown) => RefreshFailure;
  readonly clock?: TimerClock;
  readonly intervalMs: number;
  /** First retry delay after a transient failure; doubles per failure. */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** Data to show before the first refresh (the cache), with when it was fetched. */
  readonly initial?: { readonly data: T; readonly updatedAt: number };
  /** Sees every new state, including ones where only `loading` changed. */
  readonly onChange?: (state: RefreshState<T>) => void;
  /** Sees every success with the data it replaced. */
  readonly onData?: (data: T, previous: T | undefined) => void;
}

export class RefreshScheduler<T> {
  private readonly clock: TimerClock;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private intervalMs: number;
  private current: RefreshState<T>;
  private inFlight: Promise<RefreshOutcome> | undefined;
  private timer: unknown;
  private started = false;
  private focused = true;
  private disposed = false;
  /**
   * Bumped by changed(): a load that began before it answers a question nobody asks any more
   * (another account's pull requests, the old search settings), so what it brings back is not
   * shown, and, while refreshing runs, another load follows it.
   */
  private generation = 0;

  constructor(private readonly options: RefreshSchedulerOptions<T>) {
    this.clock = options.clock ?? systemTimerClock;
    this.intervalMs = Math.max(1, options.intervalMs);
    this.backoffBaseMs = options.backoffBaseMs ?? 30_000;
    this.backoffMaxMs = options.backoffMaxMs ?? 15 * 60_000;
    this.current = options.initial
      ? { data: options.initial.data, updatedAt: options.initial.updatedAt, fromCache: true, loading: false, failures: 0 }
      : { fromCache: false, loading: false, failures: 0 };
  }

  get state(): RefreshState<T> {
    return this.current;
  }

  get isStarted(): boolean {
    return this.started;
  }

  /**
   * Starts automatic refreshing (the view became visible or a command needs data). Loads at once
   * when there is no data or it is stale; otherwise waits until it is due.
   */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    const due = this.dueAt();
    this.current = { ...this.current, nextAttemptAt: due };
    if (due <= this.clock.now()) void this.refresh();
    else this.arm();
  }

  /** Window focus: pause the timer while unfocused; on focus, refresh at once if the data is stale. */
  setFocused(focused: boolean): void {
    if (this.focused === focused) return;
    this.focused = focused;
    if (!focused) {
      this.disarm();
      return;
    }
    if (!this.started || this.inFlight) return;
    if ((this.current.nextAttemptAt ?? this.dueAt()) <= this.clock.now()) void this.refresh();
    else this.arm();
  }

  setIntervalMs(ms: number): void {
    this.intervalMs = Math.max(1, ms);
    if (!this.started || this.inFlight || this.current.failure) return;
    this.update({ nextAttemptAt: this.dueAt() });
    this.arm();
  }

  /** Replaces the data without fetching (e.g. another account's cache was dropped). */
  reset(initial?: { data: T; updatedAt: number }): void {
    this.current = initial
      ? { data: initial.data, updatedAt: initial.updatedAt, fromCache: true, loading: this.current.loading, failures: 0, nextAttemptAt: this.current.nextAttemptAt }
      : { fromCache: false, loading: this.current.loading, failures: 0, nextAttemptAt: this.current.nextAttemptAt };
    this.options.onChange?.(this.current);
  }

  /**
   * Loads now, or joins the load already running. A manual refresh inside a window where GitHub
   * asked us to wait (rate limits) does not send a request; it reports the failure again. Never rejects.
   */
  refresh(trigger: 'auto' | 'manual' = 'auto'): Promise<RefreshOutcome> {
    if (this.inFlight) return this.inFlight;
    if (this.disposed) return Promise.resolve(this.skipped());
    const failure = this.current.failure;
    if (trigger === 'manual' && failure?.retryAt !== undefined && failure.retryAt > this.clock.now()) return Promise.resolve(this.skipped());
    if (trigger === 'manual') this.started = true;
    this.disarm();
    this.inFlight = this.run().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /**
   * What the load reads changed (the account, the search settings, a review request just
   * withdrawn): loads now, or, when a load is running, drops what that one brings back and loads
   * again after it; its callers get the new load's outcome too.
   */
  changed(trigger: 'auto' | 'manual' = 'auto'): Promise<RefreshOutcome> {
    this.generation++;
    return this.refresh(trigger);
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
  }

  private skipped(): RefreshOutcome {
    return { ok: false, skipped: true, failure: this.current.failure ?? { kind: 'stopped', summary: 'stopped', message: translated`Refreshing has stopped.`, transient: false } };
  }

  private async run(): Promise<RefreshOutcome> {
    for (;;) {
      const generation = this.generation;
      this.update({ loading: true });
      let answer: { data: T } | { failure: RefreshFailure };
      try {
        answer = { data: await this.options.load() };
      } catch (error) {
        answer = { failure: this.classify(error) };
      }
      const current = generation === this.generation;
      if (current && 'data' in answer) return this.loaded(answer.data);
      // GitHub asking to wait (a rate limit) holds whatever the question: asking again now would not help.
      if ('failure' in answer && (current || (answer.failure.retryAt ?? 0) > this.clock.now())) return this.failed(answer.failure);
      // Changed while this loaded: its answer is dropped, and the question asked again.
      if (this.disposed || !this.started) {
        this.update({ loading: false });
        return this.skipped();
      }
    }
  }

  private loaded(data: T): RefreshOutcome {
    const previous = this.current.data;
    const now = this.clock.now();
    this.current = { data, updatedAt: now, fromCache: false, loading: false, failures: 0, nextAttemptAt: now + this.intervalMs };
    if (!this.disposed) this.arm();
    this.options.onChange?.(this.current);
    try {
      this.options.onData?.(data, previous);
    } catch {
      // A listener's failure is the listener's to report; the refresh itself succeeded.
    }
    return { ok: true };
  }

  private classify(err: unknown): RefreshFailure {
    try {
      return this.options.classify(err);
    } catch {
      return { kind: 'unknown', summary: 'failed', message: errorText(err), transient: true, cause: err };
    }
  }

  private failed(failure: RefreshFailure): RefreshOutcome {
    const failures = this.current.failures + 1;
    const now = this.clock.now();
    const next = Math.max(now + this.backoffMs(failures, failure), failure.retryAt ?? 0);
    this.current = { ...this.current, loading: false, failure, failures, nextAttemptAt: next };
    if (!this.disposed) this.arm();
    this.options.onChange?.(this.current);
    return { ok: false, failure, skipped: false };
  }

  /** Exponential for faults that clear by themselves; at least the normal interval for ones the user must fix. */
  backoffMs(failures: number, failure: RefreshFailure): number {
    const exponential = Math.min(this.backoffBaseMs * 2 ** Math.max(0, failures - 1), this.backoffMaxMs);
    return failure.transient ? exponential : Math.max(this.intervalMs, exponential);
  }

  private dueAt(): number {
    if (this.current.failure && this.current.nextAttemptAt !== undefined) return this.current.nextAttemptAt;
    return this.current.updatedAt === undefined ? this.clock.now() : this.current.updatedAt + this.intervalMs;
  }

  private arm(): void {
    this.disarm();
    if (!this.started || !this.focused || this.disposed || this.current.nextAttemptAt === undefined) return;
    const delay = Math.max(0, this.current.nextAttemptAt - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(patch: Partial<RefreshState<T>>): void {
    this.current = { ...this.current, ...patch };
    this.options.onChange?.(this.current);
  }
}
