import type { SpacerClock } from '../../../src/github/writeSpacing';

/** Time moves only by the spacer's own sleeps, which return at once and are recorded. */
export class VirtualSpacerClock implements SpacerClock {
  readonly slept: number[] = [];
  constructor(public time = 0) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
