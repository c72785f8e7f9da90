/** The time every feature reads; injected so tests pin it or move it by hand. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to, for tests and benchmarks. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(time: number | Date): void {
    this.current = typeof time === 'number' ? time : time.getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
