import * as vscode from 'vscode';
import { TeamTurnaround, type TeamTurnaroundDeps } from '../../app/nudge/nudgeTurnaround';
import { anyAwaitsReviewers } from '../../core/nudge/nudgeRules';
import type { NudgeTurnaround } from '../../core/nudge/nudgeTurnaround';
import type { QueueView } from '../../core/queue/grouping';

/**
 * The team's usual turnaround as the queue's rows and Nudge Reviewers read it. Nothing is measured
 * at start-up: the first time the tree shows one of my pull requests waiting for reviewers, or the
 * command runs, the figure is measured once for the day; the rows use the setting until then and
 * are redrawn when the measured figure arrives.
 */
export class NudgeTurnaroundSource implements vscode.Disposable {
  private readonly turnaround: TeamTurnaround;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  private measuring = false;
  /** Fires when a measurement may have changed the figure the rows use. */
  readonly onDidChange = this.emitter.event;

  constructor(deps: TeamTurnaroundDeps, onDidChangeAccount: vscode.Event<void>) {
    this.turnaround = new TeamTurnaround(deps);
    this.subscriptions = [
      onDidChangeAccount(() => {
        this.turnaround.clear();
        this.emitter.fire();
      }),
    ];
  }

  /** For the tree: the figure known now; starts today's measurement when a row depends on it. */
  nudgeAfterHours(view: QueueView | undefined): number {
    if (view && !this.measuring && this.turnaround.wouldMeasure && anyAwaitsReviewers(view)) {
      this.measuring = true;
      void this.turnaround.get().then(() => {
        this.measuring = false;
        this.emitter.fire();
      });
    }
    return this.turnaround.peek().hours;
  }

  /** For the command: today's figure, measured first if needed; never throws. */
  get(): Promise<NudgeTurnaround> {
    return this.turnaround.get();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
