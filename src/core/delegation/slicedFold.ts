// Folds lists into something a piece at a time, handing control back between slices bounded by
// elapsed time rather than by count: one page of commits can cost 1 ms or 100 ms depending on how
// many files each touches and how warm the JIT is, and an editor's extension host must answer
// its other extensions and its UI in between.

export interface SliceClock {
  /** Milliseconds, monotonic (performance.now in the product). */
  readonly now: () => number;
  /** Hands control back to the host until its pending work has run (setImmediate in the product). */
  readonly pause: () => Promise<void>;
  /** The most time one slice may take before pausing. */
  readonly budgetMs: number;
}

/**
 * One slicer per job. A slice runs on across calls of each(): the next page of commits is often
 * already waiting, and is handed over without the event loop running in between, so a budget
 * that restarted with every page would let the end of one page and the start of the next add up.
 */
export class TimeSlicer {
  private sliceStart: number;

  constructor(private readonly clock: SliceClock) {
    this.sliceStart = clock.now();
  }

  /** Calls `fold` for every item in order, pausing whenever the current slice has used its budget. */
  async each<T>(items: readonly T[], fold: (item: T) => void): Promise<void> {
    for (const item of items) {
      fold(item);
      if (this.clock.now() - this.sliceStart >= this.clock.budgetMs) await this.pause();
    }
  }

  /** Pauses now and starts a new slice (the caller knows a pause is due anyway). */
  async pause(): Promise<void> {
    await this.clock.pause();
    this.sliceStart = this.clock.now();
  }
}
