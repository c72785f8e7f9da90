import * as vscode from 'vscode';
import { isPaused, remainingMs } from '../../core/focus/focusMachine';
import { blockTitle, focusStatusText, formatClock, formatCountdown, formatDuration } from '../../core/focus/format';
import { CommandId } from '../ids';
import type { FocusModel } from './focusModel';

/**
 * `$(target) Focus` when idle, `$(clock) 47:12 · Deep work` while a block runs. The countdown text
 * is recomputed on the ticker's beat and written only when it differs; the tooltip (type, end time,
 * guards, warnings) only when the model changes.
 */
export class FocusStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  /** Status-bar writes, for the benchmark: one per visible change. */
  writes = 0;

  constructor(private readonly model: FocusModel) {
    this.item = vscode.window.createStatusBarItem('leadDesk.focusStatus', vscode.StatusBarAlignment.Left, 90);
    this.item.name = 'Lead Desk Focus';
    this.subscription = model.onDidChange(() => this.renderDetails());
    this.renderDetails();
    this.item.show();
  }

  /** The text for `now`, from the shared state; cheap enough to run every second. */
  renderText(now: number): void {
    const text = focusStatusText(this.model.state, now);
    if (text === this.item.text) return;
    this.item.text = text;
    this.writes++;
    // Whole minutes for screen readers: a label that changed every second would be noise.
    const block = this.model.state.block;
    const label = block
      ? `${blockTitle(block)} focus block${isPaused(block) ? ', paused' : ''}, ${Math.ceil(remainingMs(block, now) / 60_000)} minutes left`
      : this.model.state.break ? 'On a break' : 'Start a focus block';
    if (label !== this.item.accessibilityInformation?.label) this.item.accessibilityInformation = { label };
  }

  renderDetails(): void {
    const now = this.model.clock.now();
    const state = this.model.state;
    this.renderText(now);
    const guards = this.model.guards();
    const warnings = guards.filter((g) => g.warning);
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.isTrusted = { enabledCommands: [CommandId.showFocusMenu, CommandId.startFocusBlock] };
    const block = state.block;
    if (block) {
      const paused = isPaused(block);
      tooltip.appendMarkdown(`**${escape(blockTitle(block))}**  \n`);
      tooltip.appendMarkdown(paused ? `Paused with ${formatCountdown(remainingMs(block, now))} left  \n` : `Until ${formatClock(block.endsAt)}  \n`);
      const active = guards.filter((g) => g.enabled);
      tooltip.appendMarkdown(`\nGuards: ${active.length ? active.map((g) => `${escape(g.label)} (${escape(g.summary)})`).join(', ') : 'none'}  \n`);
      this.item.command = CommandId.showFocusMenu;
    } else if (state.break) {
      tooltip.appendMarkdown(`**Break** until ${formatClock(state.break.endsAt)}  \n`);
      this.item.command = CommandId.showFocusMenu;
    } else {
      tooltip.appendMarkdown('**Start a focus block**  \n');
      this.item.command = CommandId.startFocusBlock;
    }
    for (const g of warnings) tooltip.appendMarkdown(`\n$(warning) ${escape(g.label)}: ${escape(g.warning!)}  \n`);
    tooltip.appendMarkdown(`\nToday: ${formatDuration(this.model.todaysTotalMs())} of focus`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warnings.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
