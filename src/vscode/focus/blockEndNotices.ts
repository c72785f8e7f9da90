import * as vscode from 'vscode';
import { pick, tree, type InertText } from '../../core/inertText';
import type { BlockEndNotice } from './blockEndNotice';
import { t } from '../l10n';
import type { FocusModel } from './focusModel';
import { guardHolds } from './guardHold';

export type { BlockEndNotice } from './blockEndNotice';

/**
 * Holds the break offer, the digest of held review requests and guard problems until the block's
 * guards are released, then shows them. A notification during Lead Desk's own Do Not Disturb lands
 * unseen in the notification centre, so nothing is shown while a guard still holds. When the mode
 * may still be on afterwards (the guard did not turn it off: it was the lead's own, or they changed
 * it), the notices wait behind a status-bar item instead, which lists them when clicked.
 */
export class BlockEndNotices implements vscode.Disposable {
  private readonly pending: BlockEndNotice[] = [];
  private parked: BlockEndNotice[] = [];
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private readonly parkedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the parked list changes, for the Time Blocks view's suggestion row. */
  readonly onDidChangeParked = this.parkedEmitter.event;
  /** What was shown or parked, in order, with the guards' phases at that moment: read by the host tests, never shown. */
  readonly record: string[] = [];

  constructor(
    private readonly model: FocusModel,
    /** The command the status-bar item runs; it calls openParked(). */
    command: string,
  ) {
    this.item = vscode.window.createStatusBarItem('leadDesk.focusAfterBlock', vscode.StatusBarAlignment.Left, 89);
    this.item.name = t('Lead Desk: After Your Focus Block');
    this.item.command = command;
    this.subscription = model.onDidChange(() => this.flush());
    model.afterFocus = this;
  }

  /**
   * Parks a message at once, for one raised while Lead Desk's own Do Not Disturb is on (the break
   * suggestion during a block): the item is where the lead sees it.
   */
  park(notice: BlockEndNotice): void {
    this.parked.push(notice);
    this.record.push(/* Not translated: read by the host tests. */ `parked 1 during the block (${this.phases()})`);
    this.render();
  }

  add(notice: BlockEndNotice): void {
    this.pending.push(notice);
    this.flush();
  }

  /** Whether the guards are done with the last block (released, given up, or failing to release). */
  private settled(): boolean {
    if (this.model.state.block) return false;
    return this.model.guards().every((g) => !guardHolds(g));
  }

  /** Whether Lead Desk's Do Not Disturb guard is on in settings but did not turn the mode off. */
  private mayStillBeQuiet(): boolean {
    const dnd = this.model.guards().find((g) => g.id === 'notifications');
    if (!dnd?.enabled || !dnd.record) return false;
    return !(dnd.record.phase === 'released' && (dnd.record.outcome === 'restored' || dnd.record.outcome === 'cleared'));
  }

  private flush(): void {
    this.dropStaleSuggestions();
    if (this.pending.length === 0 || !this.settled()) return;
    const notices = this.pending.splice(0);
    const phases = this.phases();
    if (this.mayStillBeQuiet()) {
      this.parked.push(...notices);
      this.record.push(/* Not translated: read by the host tests. */ `parked ${notices.length} (${phases})`);
      this.render();
      return;
    }
    this.record.push(/* Not translated: read by the host tests. */ `shown ${notices.length} (${phases})`);
    for (const notice of notices) notice.show();
  }

  /** A suggestion parked during a block goes with it: its end brings its own break offer. */
  private dropStaleSuggestions(): void {
    const blockId = this.model.state.block?.id;
    this.keepParked((n) => n.duringBlock === undefined || n.duringBlock === blockId);
  }

  private keepParked(keep: (notice: BlockEndNotice) => boolean): void {
    const kept = this.parked.filter(keep);
    if (kept.length === this.parked.length) return;
    this.parked = kept;
    this.render();
  }

  private phases(): string {
    return this.model.guards().map((g) => `${g.id}:${g.record?.phase ?? 'none'}${g.record?.outcome ? `/${g.record.outcome}` : ''}`).join(',');
  }

  hasParked(): boolean {
    return this.parked.length > 0;
  }

  /** The parked notices as picker items; picking one runs it and takes it off the list. */
  items(): Array<{ label: InertText<'pick'>; value: () => void }> {
    return this.parked.map((notice) => ({
      label: notice.label,
      value: () => this.take(notice),
    }));
  }

  /** The break suggested during the running block, while it waits to be taken or dismissed. */
  suggestion(): BlockEndNotice | undefined {
    return this.parked.findLast((n) => n.duringBlock !== undefined && n.row !== undefined);
  }

  /** Takes the suggested break, as picking it from the status-bar item does. */
  take(notice: BlockEndNotice): void {
    this.keepParked((n) => n !== notice);
    notice.pick();
  }

  /** Drops the suggestion without a break. */
  dismiss(notice: BlockEndNotice): void {
    this.keepParked((n) => n !== notice);
  }

  /** A new block makes old offers stale; what was parked during the running block stays. */
  clearParked(): void {
    const blockId = this.model.state.block?.id;
    this.keepParked((n) => n.duringBlock !== undefined && n.duringBlock === blockId);
  }

  private render(): void {
    this.parkedEmitter.fire();
    const n = this.parked.length;
    if (n === 0) {
      this.item.hide();
      return;
    }
    if (this.parked.every((notice) => notice.duringBlock !== undefined)) {
      // Raised during the block while Do Not Disturb hides notifications.
      this.item.text = t('$(coffee) Break suggested');
      this.item.tooltip = t('You have focused for a long stretch without a break. Click to take one; Do Not Disturb stays on until the block ends.');
    } else {
      this.item.text = pick`$(bell-dot) ${n} after focus`.value;
      this.item.tooltip = (
        n === 1
          ? tree`${n} message from your focus block (the break offer, review requests that waited). Click to see it.`
          : tree`${n} messages from your focus block (the break offer, review requests that waited). Click to see them.`
      ).value;
    }
    this.item.show();
  }

  dispose(): void {
    if (this.model.afterFocus === this) this.model.afterFocus = undefined;
    this.subscription.dispose();
    this.parkedEmitter.dispose();
    this.item.dispose();
  }
}
