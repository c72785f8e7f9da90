import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { errorText } from '../core/errorText';

/** Something that can reload its data from GitHub or git when the user asks for a refresh. */
export type Refresher = () => Promise<void>;

/**
 * "Lead Desk: Refresh" reloads every feature that registered here. Runs that overlap share one
 * promise, so pressing refresh twice never doubles the requests.
 */
export class RefreshCoordinator implements vscode.Disposable {
  private readonly refreshers = new Map<string, Refresher>();
  private running: Promise<void> | undefined;

  constructor(private readonly log: Logger) {}

  register(name: string, refresher: Refresher): vscode.Disposable {
    this.refreshers.set(name, refresher);
    return new vscode.Disposable(() => this.refreshers.delete(name));
  }

  /** Runs all refreshers; a failing one is logged and does not stop the others. Rejects with the first failure. */
  refreshAll(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const results = await Promise.allSettled([...this.refreshers.entries()].map(async ([name, refresher]) => {
      try {
        await refresher();
      } catch (err) {
        this.log.warn(`refresh of ${name} failed: ${errorText(err)}`);
        throw err;
      }
    }));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  dispose(): void {
    this.refreshers.clear();
  }
}
