// A lookup that everyone asking at the same time shares (one request for the credentials, not
// one per caller), without losing a change that happens while it runs: a lookup already running
// may have read the state from before the change, so whoever knows of a change gets the next one.

export class SharedLookup<T> {
  private running: Promise<T> | undefined;
  /** The lookup that starts once the running one ends, shared by every change heard meanwhile. */
  private next: Promise<T> | undefined;

  constructor(private readonly lookUp: () => Promise<T>) {}

  /** The running lookup's answer, or a new lookup's when none runs. */
  current(): Promise<T> {
    this.running ??= this.lookUp().finally(() => (this.running = undefined));
    return this.running;
  }

  /** An answer from a lookup that starts after now: for callers who heard that what it reads changed. */
  afterChange(): Promise<T> {
    const running = this.running;
    if (!running) return this.current();
    this.next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.current();
      });
    return this.next;
  }
}
