import * as vscode from 'vscode';
import { joinInert, markdown, tree, type InertText } from '../../core/inertText';
import { inertMarkdown } from '../ui/markdown';
import { isPaused, remainingMs } from '../../core/focus/focusMachine';
import { blockTitle, focusStatusText, formatClock, formatCountdown, formatDuration } from '../../core/focus/format';
import { CommandId } from '../ids';
import type { FocusModel } from './focusModel';
import { t } from '../l10n';

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
    const minutes = block ? Math.ceil(remainingMs(block, now) / 60_000) : 0;
    const label = block
      ? (isPaused(block) ? tree`${blockTitle(block)} focus block, paused, ${minutes} minutes left` : tree`${blockTitle(block)} focus block, ${minutes} minutes left`).value
      : this.model.state.break ? t('On a break') : t('Start a focus block');
    if (label !== this.item.accessibilityInformation?.label) this.item.accessibilityInformation = { label };
  }

  renderDetails(): void {
    const now = this.model.clock.now();
    const state = this.model.state;
    this.renderText(now);
    const guards = this.model.guards();
    const warnings = guards.filter((g) => g.warning);
    // Block labels can be pull request titles and guard warnings can quote a server: all of it is
    // outside text, so every value goes through the Markdown escaper.
    const parts: Array<InertText<'markdown'>> = [];
    const block = state.block;
    if (block) {
      const paused = isPaused(block);
      parts.push(markdown`**${blockTitle(block)}**  \n`);
      parts.push(paused ? markdown`Paused with ${formatCountdown(remainingMs(block, now))} left  \n` : markdown`Until ${formatClock(block.endsAt)}  \n`);
      const active = guards.filter((g) => g.enabled);
      const list = active.length ? joinInert('markdown', active.map((g) => markdown`${g.label} (${g.summary})`), ', ') : markdown`none`;
      parts.push(markdown`\nGuards: ${list}  \n`);
      this.item.command = CommandId.showFocusMenu;
    } else if (state.break) {
      parts.push(markdown`**Break** until ${formatClock(state.break.endsAt)}  \n`);
      this.item.command = CommandId.showFocusMenu;
    } else {
      parts.push(markdown`**Start a focus block**  \n`);
      this.item.command = CommandId.startFocusBlock;
    }
    for (const g of warnings) parts.push(markdown`\n$(warning) ${g.label}: ${g.warning ?? ''}  \n`);
    parts.push(markdown`\nToday: ${formatDuration(this.model.todaysTotalMs())} of focus`);
    this.item.tooltip = inertMarkdown(...parts);
    this.item.backgroundColor = warnings.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
