import * as vscode from 'vscode';
import type { PullRequestRef } from '../core/pullRequestRef';

/** Something that would normally pop up a notification, e.g. a new review request. */
export interface Interruption {
  readonly kind: 'reviewRequest';
  readonly pullRequest: PullRequestRef;
}

/**
 * Sits between features that want the user's attention (the review queue) and the user. While a
 * focus block holds interruptions, they are kept; when it lets go, the holder gets them back to
 * show one digest instead of many pop-ups.
 */
export class InterruptionGate implements vscode.Disposable {
  private holder: string | undefined;
  private held: Interruption[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  get isHolding(): boolean {
    return this.holder !== undefined;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Starts holding interruptions on behalf of `holder` (e.g. "focus"). */
  hold(holder: string): void {
    this.holder = holder;
    this.emitter.fire();
  }

  /** Stops holding and hands back what arrived meanwhile, de-duplicated by pull request. */
  release(): Interruption[] {
    const held = this.held;
    this.holder = undefined;
    this.held = [];
    this.emitter.fire();
    return held;
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
