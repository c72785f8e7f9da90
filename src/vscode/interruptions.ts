import * as vscode from 'vscode';
import type { Quiet } from '../core/boundaries/quietTime';
import type { PullRequestRef } from '../core/pullRequestRef';

/** Something that would normally pop up a notification, e.g. a new review request. */
export interface Interruption {
  readonly kind: 'reviewRequest';
  readonly pullRequest: PullRequestRef;
}

/**
 * Sits between features that want the user's attention (the review queue) and the user. While a
 * focus block holds interruptions, they are kept; when it lets go, the holder gets them back to
 * show one digest instead of many pop-ups. Outside working hours (or after End My Day) the gate is
 * quiet as well; what arrives then, or is still held when a block ends then, waits for the next
 * working morning's digest.
 */
export class InterruptionGate implements vscode.Disposable {
  private holder: string | undefined;
  private held: Interruption[] = [];
  private quietNow: Quiet | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  get isHolding(): boolean {
    return this.holder !== undefined || this.quietNow !== undefined;
  }

  /** Set outside working hours and after End My Day; the queue says so instead of nagging. */
  get quiet(): Quiet | undefined {
    return this.quietNow;
  }

  /** Starts (or, with undefined, ends) quiet time; ending it hands back what waited, unless a block still holds. */
  setQuiet(quiet: Quiet | undefined): Interruption[] {
    const was = this.quietNow;
    this.quietNow = quiet;
    if (was?.reason === quiet?.reason && was?.until === quiet?.until) return [];
    if (quiet || this.holder !== undefined) {
      this.emitter.fire();
      return [];
    }
    return this.takeHeld();
  }

  private takeHeld(): Interruption[] {
    const held = this.held;
    this.held = [];
    this.emitter.fire();
    return held;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Starts holding interruptions on behalf of `holder` (e.g. "focus"). */
  hold(holder: string): void {
    this.holder = holder;
    this.emitter.fire();
  }

  /** Stops holding and hands back what arrived meanwhile, de-duplicated by pull request; during quiet time they wait on. */
  release(): Interruption[] {
    this.holder = undefined;
    if (this.quietNow) {
      this.emitter.fire();
      return [];
    }
    return this.takeHeld();
  }

  /** Delivers now with `show`, or keeps the interruptions for the digest while holding. */
  offer(interruptions: readonly Interruption[], show: (items: readonly Interruption[]) => void): void {
    if (interruptions.length === 0) return;
    if (!this.isHolding) {
      show(interruptions);
      return;
    }
    const seen = new Set(this.held.map((i) => `${i.pullRequest.owner}/${i.pullRequest.repo}#${i.pullRequest.number}`));
    for (const item of interruptions) {
      const key = `${item.pullRequest.owner}/${item.pullRequest.repo}#${item.pullRequest.number}`;
      if (!seen.has(key)) this.held.push(item);
      seen.add(key);
    }
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
