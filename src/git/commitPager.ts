// Turns `git log` output, as it streams in, into pages of commits for a caller that may be slower
// than git: at most a page waits, git is paused meanwhile, and the commit cap is applied.

import type { CommitRecord } from '../core/delegation/types';
import type { StreamFlow } from './gitSession';
import { LogStreamParser } from './logFormat';

/** How many parsed pages may wait for the caller before git is paused. */
const MAX_READY_PAGES = 1;

export class CommitPager {
  private readonly parser = new LogStreamParser();
  private readonly ready: CommitRecord[][] = [];
  private page: CommitRecord[] = [];
  private count = 0;
  private paused: StreamFlow | undefined;
  private wake: (() => void) | undefined;
  private finished = false;
  private abandoned = false;
  /** More commits arrived than the cap allows. */
  truncated = false;

  constructor(
    private readonly pageSize: number,
    private readonly maxCommits: number,
  ) {}

  /** Feeds git's output in (GitSession.stream's callback). */
  readonly onBytes = (bytes: Uint8Array, flow?: StreamFlow): void => {
    if (!this.abandoned) this.take(this.parser.push(bytes), flow);
  };

  /** git exited normally: the last commit and the last, partial page are complete. */
  end(): void {
    this.take(this.parser.end());
    if (this.page.length > 0) this.ready.push(this.page);
    this.page = [];
  }

  /** git is done, normally or not: no more pages will come. */
  close(): void {
    this.finished = true;
    this.wake?.();
  }

  /** The pages as they become ready; `beforeEach` may throw to stop (an abort, a deadline). */
  async *pages(beforeEach: () => void): AsyncGenerator<CommitRecord[]> {
    try {
      while (this.ready.length > 0 || !this.finished) {
        const next = this.ready.shift();
        if (this.paused && this.ready.length < MAX_READY_PAGES) {
          this.paused.resume();
          this.paused = undefined;
        }
        if (next) {
          beforeEach();
          yield next;
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
        }
      }
    } finally {
      // A caller that stops early must not leave git blocked on a full pipe: let it run out (its
      // window bounds it) without parsing the rest.
      this.abandoned = true;
      this.paused?.resume();
    }
  }

  private take(commits: readonly CommitRecord[], flow?: StreamFlow): void {
    if (this.abandoned) return;
    for (const commit of commits) {
      if (++this.count > this.maxCommits) {
        this.truncated = true;
        continue;
      }
      this.page.push(commit);
      if (this.page.length < this.pageSize) continue;
      this.ready.push(this.page);
      this.page = [];
      this.wake?.();
      if (flow && this.ready.length >= MAX_READY_PAGES && !this.paused) {
        this.paused = flow;
        flow.pause();
      }
    }
  }
}
