import type * as vscode from 'vscode';
import { recheckAt } from '../../core/boundaries/quietTime';
import type { SharedStore } from '../../core/focus/sharedStore';
import type { WorkingHours } from '../../core/workingHours';
import type { QueueFace } from '../entry/startupFace';
import { StateKey } from '../ids';

type Badge = QueueFace['badge'];
type StatusBar = QueueFace['statusBar'];

/**
 * Keeps the queue's start-up face in global storage: the badge and the status-bar count as they are
 * shown now, so that the next start-up shows them without loading the features
 * (src/vscode/entry/startupFace.ts). Written only when what it holds changes.
 */
export class QueueStartupFace {
  private badge: Badge;
  private statusBar: StatusBar;
  private statusBarCount = true;
  private written: string | undefined;
  private pending = false;

  constructor(
    private readonly globalState: vscode.Memento,
    /** Where End My Day's quiet time is kept (vscode/entry/sharedState.ts). */
    private readonly shared: Pick<SharedStore, 'get'>,
    private readonly workingHours: () => WorkingHours,
    private readonly now: () => number = Date.now,
  ) {}

  /** The badge on the queue view, as the queue feature sets it. */
  showBadge(badge: Badge): void {
    this.badge = badge && { value: badge.value, tooltip: badge.tooltip };
    this.schedule();
  }

  /** The status-bar count as shown (undefined when hidden), and whether the setting shows it. */
  showStatusBar(statusBar: StatusBar, statusBarCount: boolean): void {
    this.statusBar = statusBar;
    this.statusBarCount = statusBarCount;
    this.schedule();
  }

  // Both parts change on the same model event: one write for both.
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.write();
    });
  }

  private write(): void {
    const ended = this.shared.get<unknown>(StateKey.dayEndedUntil);
    // Working hours starting or ending (or End My Day running out) changes what the queue shows.
    const validUntil = recheckAt(this.now(), this.workingHours(), typeof ended === 'number' && Number.isFinite(ended) ? ended : undefined);
    const face: QueueFace = {
      version: 1,
      validUntil,
      statusBarCount: this.statusBarCount,
      ...(this.badge ? { badge: this.badge } : {}),
      ...(this.statusBar ? { statusBar: this.statusBar } : {}),
    };
    const json = JSON.stringify(face);
    // The first time, against what is stored: a window that loads its features writes nothing
    // when the face is as it was (why that matters: rememberSignedIn in src/vscode/entry/signedInMemo.ts).
    const before = this.written ?? JSON.stringify(this.globalState.get(StateKey.queueStartupFace));
    this.written = json;
    if (json !== before) void this.globalState.update(StateKey.queueStartupFace, face);
  }
}
