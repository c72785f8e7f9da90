// An in-memory guard for the orchestration tests: a "world" with a status the guard sets and puts
// back, failure injection per operation, and a count of every write.
import type { EngageOutcome, Guard, GuardTarget, ReleaseOutcome } from '../../../src/guards/guard';
import { GuardError } from '../../../src/guards/guardError';
import type { GuardId } from '../../../src/core/focus/guardCatalogue';
import { silentLogger, type Logger } from '../../../src/core/logger';
import type { ManualClock } from '../../../src/core/clock';
import type { ScheduleEntry } from '../../../src/core/focus/schedule';
import { MemorySharedStore } from '../../../src/core/focus/sharedStore';
import { FocusCoordinator } from '../../../src/app/focus/focusCoordinator';

export interface FakeWorld {
  status: { text: string; expiresAt: number | null } | null;
  writes: number;
  reads: number;
}

export interface FakePlan {
  readonly text: string;
  readonly expiresAt: number;
}

type Op = 'snapshot' | 'engage' | 'release';

export class FakeGuard implements Guard<FakeWorld['status'], FakePlan> {
  readonly label: string;
  /** Tests name fake guards freely (g0, g1…); the orchestrator only uses ids as storage keys. */
  readonly id: GuardId;
  readonly failures: Record<Op, GuardError[]> = { snapshot: [], engage: [], release: [] };
  /** Set to hold calls until released, to test overlapping pulses. */
  gate: Promise<void> | undefined;

  constructor(
    id: string,
    readonly world: FakeWorld,
    private readonly now: () => number,
    private readonly graceMs = 5 * 60_000,
  ) {
    this.id = id as GuardId;
    this.label = `fake ${id}`;
  }

  failNext(op: Op, ...errors: GuardError[]): void {
    this.failures[op].push(...errors);
  }

  private async enter(op: Op): Promise<void> {
    await this.gate;
    const failure = this.failures[op].shift();
    if (failure) throw failure;
  }

  private current(): FakeWorld['status'] {
    const s = this.world.status;
    return s && s.expiresAt !== null && s.expiresAt <= this.now() ? null : s;
  }

  async snapshot(): Promise<FakeWorld['status']> {
    await this.enter('snapshot');
    this.world.reads++;
    return this.current();
  }

  plan(target: GuardTarget): FakePlan {
    return { text: `busy until ${target.endsAt}`, expiresAt: target.endsAt + this.graceMs };
  }

  async engage(plan: FakePlan, previous: FakePlan | undefined): Promise<EngageOutcome> {
    await this.enter('engage');
    // Like the real guards: what is already set is not written again, and either plan counts as ours.
    if (this.current()?.text === plan.text) return 'engaged';
    if (previous && this.current()?.text !== previous.text) return 'userChanged';
    this.world.writes++;
    this.world.status = { text: plan.text, expiresAt: plan.expiresAt };
    return 'engaged';
  }

  async release(snapshot: FakeWorld['status'], plan: FakePlan, _now?: number, previous?: FakePlan): Promise<ReleaseOutcome> {
    await this.enter('release');
    const current = this.current();
    if (current?.text !== plan.text && current?.text !== previous?.text) return current ? 'userChanged' : 'nothingToRestore';
    this.world.writes++;
    this.world.status = snapshot;
    return snapshot ? 'restored' : 'cleared';
  }

  restoreDeadline(snapshot: FakeWorld['status'], plan: FakePlan, startedAt: number): number {
    return snapshot ? Math.max(plan.expiresAt, startedAt + 24 * 3_600_000) : plan.expiresAt;
  }

  expiredAnyway(snapshot: FakeWorld['status'], plan: FakePlan, now: number): boolean {
    return plan.expiresAt <= now && !snapshot;
  }

  describe(plan: FakePlan): string {
    return plan.text;
  }
}

/** Counts engage and release calls, to see a repeated one even when it writes nothing. */
export class CountingGuard extends FakeGuard {
  engages = 0;
  releases = 0;
  override engage(...args: Parameters<FakeGuard['engage']>): ReturnType<FakeGuard['engage']> {
    this.engages++;
    return super.engage(...args);
  }
  override release(...args: Parameters<FakeGuard['release']>): ReturnType<FakeGuard['release']> {
    this.releases++;
    return super.release(...args);
  }
}

/** One window's coordinator over fresh storage, with a lease it takes at once. */
export function singleWindow(clock: ManualClock, guards: readonly Guard[], schedule: readonly ScheduleEntry[] = []): FocusCoordinator {
  return new FocusCoordinator({
    store: new MemorySharedStore(),
    clock,
    log: silentLogger,
    windowId: 'w1',
    guards: () => guards.map((guard) => ({ guard, enabled: true })),
    schedule: () => schedule,
    lease: { ttlMs: 30_000, renewBeforeMs: 20_000, settleMs: 0 },
  });
}

export const offline = (): GuardError => new GuardError('offline', 'Could not reach the service.');
export const rateLimited = (retryAt: number): GuardError => new GuardError('rateLimited', 'Slow down.', { retryAt });
export const missingScope = (): GuardError => new GuardError('missingScope', 'Needs the user scope.', { scopes: ['user'] });

/** A logger that keeps what it is told, to assert on warnings and errors. */
export function recordingLogger(): { log: Logger; lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const at = (level: string) => (message: string | Error) => void lines.push({ level, message: String(message) });
  return { lines, log: { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}
