import * as vscode from 'vscode';
import { format } from 'date-fns';
import { isPaused, remainingMs } from '../../core/focus/focusMachine';
import { blockTitle, formatClock, formatCountdown, formatDuration } from '../../core/focus/format';
import { focusTypeLabel } from '../../core/focus/types';
import { CommandId } from '../ids';
import type { FocusModel, GuardView } from './focusModel';

type SectionId = 'today' | 'upcoming' | 'guards';

/** A row in the Focus view. Ids come from stable keys (block ids, occurrence ids, guard ids). */
export type FocusNode =
  | { readonly kind: 'current' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'section'; readonly section: SectionId }
  | { readonly kind: 'finished'; readonly blockId: string }
  | { readonly kind: 'occurrence'; readonly occurrenceId: string }
  | { readonly kind: 'noSchedule' }
  | { readonly kind: 'guard'; readonly guardId: string };

const settingsCommand = (key: string): vscode.Command => ({ title: 'Open Setting', command: 'workbench.action.openSettings', arguments: [key] });
const guardSetting: Record<string, string> = {
  githubStatus: 'leadDesk.focus.githubStatus.enabled',
  notifications: 'leadDesk.focus.notifications',
  slack: 'leadDesk.focus.slack',
};

/**
 * The Focus view: the current block, today's blocks and total, upcoming scheduled blocks and each
 * guard's state. It renders the model and never fetches. With nothing to show it stays empty, so
 * the view's welcome text appears.
 */
export class FocusTreeProvider implements vscode.TreeDataProvider<FocusNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<FocusNode | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: FocusModel) {
    this.subscription = model.onDidChange(() => this.emitter.fire(undefined));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private isEmpty(): boolean {
    const state = this.model.state;
    return !state.block && !state.break && this.model.todaysBlocks().length === 0 && this.model.settings.schedule.length === 0 && !this.model.guards().some((g) => g.warning);
  }

  getChildren(node?: FocusNode): FocusNode[] {
    if (!node) {
      if (this.isEmpty()) return [];
      const top: FocusNode[] = [this.model.state.block || this.model.state.break ? { kind: 'current' } : { kind: 'idle' }];
      top.push({ kind: 'section', section: 'today' }, { kind: 'section', section: 'upcoming' }, { kind: 'section', section: 'guards' });
      return top;
    }
    if (node.kind !== 'section') return [];
    switch (node.section) {
      case 'today':
        return this.model.todaysBlocks().map((b) => ({ kind: 'finished', blockId: b.id }));
      case 'upcoming': {
        const upcoming = this.model.upcoming(5);
        return upcoming.length ? upcoming.map((o) => ({ kind: 'occurrence', occurrenceId: o.id })) : [{ kind: 'noSchedule' }];
      }
      case 'guards':
        return this.model.guards().map((g) => ({ kind: 'guard', guardId: g.id }));
    }
  }

  getTreeItem(node: FocusNode): vscode.TreeItem {
    const now = this.model.clock.now();
    switch (node.kind) {
      case 'current':
        return this.currentItem(now);
      case 'idle': {
        const item = new vscode.TreeItem('No focus block running', vscode.TreeItemCollapsibleState.None);
        item.id = 'focus:idle';
        item.description = 'Start one';
        item.iconPath = new vscode.ThemeIcon('target');
        item.command = { title: 'Start a Focus Block', command: CommandId.startFocusBlock };
        return item;
      }
      case 'section':
        return this.sectionItem(node.section);
      case 'finished': {
        const b = this.model.todaysBlocks().find((x) => x.id === node.blockId);
        const item = new vscode.TreeItem(b ? blockTitle(b) : 'Block', vscode.TreeItemCollapsibleState.None);
        item.id = `focus:today:${node.blockId}`;
        if (b) {
          item.description = `${formatClock(b.startedAt)}–${formatClock(b.endedAt)} · ${formatDuration(b.focusedMs)}${b.outcome === 'stopped' ? ' · stopped early' : ''}`;
          item.iconPath = new vscode.ThemeIcon(b.outcome === 'completed' ? 'pass' : 'circle-slash');
        }
        return item;
      }
      case 'occurrence': {
        const o = this.model.upcoming(5).find((x) => x.id === node.occurrenceId);
        const item = new vscode.TreeItem(o?.label ?? 'Scheduled block', vscode.TreeItemCollapsibleState.None);
        item.id = `focus:upcoming:${node.occurrenceId}`;
        if (o) {
          const running = o.start <= now;
          item.description = `${format(o.start, 'EEE HH:mm')}–${format(o.end, 'HH:mm')} · ${focusTypeLabel[o.type]}${running ? ' · now' : ''}`;
          item.iconPath = new vscode.ThemeIcon(running ? 'clock' : 'calendar');
        }
        item.command = settingsCommand('leadDesk.focus.schedule');
        return item;
      }
      case 'noSchedule': {
        const item = new vscode.TreeItem('No scheduled blocks', vscode.TreeItemCollapsibleState.None);
        item.id = 'focus:upcoming:none';
        item.description = 'Plan your week';
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.command = settingsCommand('leadDesk.focus.schedule');
        return item;
      }
      case 'guard':
        return this.guardItem(this.model.guards().find((g) => g.id === node.guardId));
    }
  }

  private currentItem(now: number): vscode.TreeItem {
    const { block, break: brk } = this.model.state;
    if (!block) {
      const item = new vscode.TreeItem('Break', vscode.TreeItemCollapsibleState.None);
      item.id = 'focus:current';
      item.description = brk ? `until ${formatClock(brk.endsAt)}` : undefined;
      item.iconPath = new vscode.ThemeIcon('coffee');
      item.contextValue = 'focusBreak';
      return item;
    }
    const paused = isPaused(block);
    const item = new vscode.TreeItem(blockTitle(block), vscode.TreeItemCollapsibleState.None);
    item.id = 'focus:current';
    item.description = paused ? `paused · ${formatCountdown(remainingMs(block, now))} left` : `until ${formatClock(block.endsAt)}`;
    item.iconPath = new vscode.ThemeIcon(paused ? 'debug-pause' : 'clock');
    item.contextValue = paused ? 'focusBlockPaused' : 'focusBlockRunning';
    item.tooltip = block.pullRequest ? `${block.pullRequest.owner}/${block.pullRequest.repo}#${block.pullRequest.number}: ${block.pullRequest.title}` : undefined;
    item.command = block.pullRequest?.url
      ? { title: 'Open Pull Request', command: 'vscode.open', arguments: [vscode.Uri.parse(block.pullRequest.url)] }
      : { title: 'Focus Block Actions', command: CommandId.showFocusMenu };
    return item;
  }

  private sectionItem(section: SectionId): vscode.TreeItem {
    const labels: Record<SectionId, string> = { today: 'Today', upcoming: 'Upcoming', guards: 'Guards' };
    const item = new vscode.TreeItem(labels[section], vscode.TreeItemCollapsibleState.Expanded);
    item.id = `focus:section:${section}`;
    if (section === 'today') {
      const blocks = this.model.todaysBlocks();
      item.description = `${formatDuration(this.model.todaysTotalMs())} of focus · ${blocks.length} block${blocks.length === 1 ? '' : 's'} done`;
      if (blocks.length === 0) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
    }
    if (section === 'guards') {
      const warnings = this.model.guards().filter((g) => g.warning).length;
      if (warnings) item.description = `${warnings} need${warnings === 1 ? 's' : ''} attention`;
    }
    return item;
  }

  private guardItem(g: GuardView | undefined): vscode.TreeItem {
    const item = new vscode.TreeItem(g?.label ?? 'Guard', vscode.TreeItemCollapsibleState.None);
    if (!g) return item;
    item.id = `focus:guard:${g.id}`;
    item.description = g.summary;
    item.tooltip = g.warning ?? `${g.label}: ${g.summary}`;
    item.iconPath = g.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(!g.enabled ? 'circle-slash' : g.record?.phase === 'engaged' ? 'shield' : 'circle-outline');
    item.contextValue = `focusGuard.${g.id}`;
    item.command = g.id === 'slack' && g.record?.failure?.kind === 'notConnected'
      ? { title: 'Connect Slack', command: CommandId.connectSlack }
      : g.id === 'githubStatus' && (g.record?.failure?.kind === 'missingScope' || g.record?.failure?.kind === 'notConnected')
        ? { title: 'Sign In', command: CommandId.signIn }
        : settingsCommand(guardSetting[g.id] ?? 'leadDesk.focus');
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
