import * as vscode from 'vscode';
import { tree, type InertText } from '../../core/inertText';
import { isPaused, remainingMs } from '../../core/focus/focusMachine';
import { blockTitle, formatClock, formatCountdown, formatDuration } from '../../core/focus/format';
import { formatOccurrenceTimes, type UpcomingRow } from '../../core/focus/upcoming';
import { focusTypeLabel, type ActiveBlock, type BreakPeriod, type FinishedBlock } from '../../core/focus/types';
import { guardCatalogue, isGuardId } from '../../core/focus/guardCatalogue';
import { ViewItem } from '../../core/viewItems';
import { CommandId } from '../ids';
import { t } from '../l10n';
import { LineNode } from '../tree/lineNode';
import { TreeNode, treeItem } from '../tree/treeNode';
import type { GuardView } from './focusModel';
import { guardFixes } from './guardFixes';

// The Focus view's rows. Ids come from stable keys (block ids, occurrence ids, guard ids).
// The current block's row receives the focus menu commands, which read `minutes`, `type` and
// `label` from their argument: no node has fields by those names.

type Now = () => number;

const settingsCommand = (key: string): vscode.Command => ({ title: t('Open Setting'), command: 'workbench.action.openSettings', arguments: [key] });

/** The running or paused block, or the break after one. */
export class CurrentNode extends TreeNode {
  constructor(
    private readonly block: ActiveBlock | undefined,
    private readonly brk: BreakPeriod | undefined,
    private readonly now: Now,
  ) {
    super('focus:current');
  }

  render(): vscode.TreeItem {
    const { block, brk } = this;
    if (!block) {
      const item = treeItem(tree`Break`);
      item.description = brk ? tree`until ${formatClock(brk.endsAt)}`.value : undefined;
      item.iconPath = new vscode.ThemeIcon('coffee');
      return item;
    }
    const paused = isPaused(block);
    const item = treeItem(tree`${blockTitle(block)}`);
    item.description = paused ? tree`paused · ${formatCountdown(remainingMs(block, this.now()))} left`.value : tree`until ${formatClock(block.endsAt)}`.value;
    item.iconPath = new vscode.ThemeIcon(paused ? 'debug-pause' : 'clock');
    const pr = block.pullRequest;
    item.tooltip = pr ? tree`${pr.owner}/${pr.repo}#${pr.number}: ${pr.title}`.value : undefined;
    item.command = block.pullRequest?.url
      ? { title: t('Open Pull Request'), command: 'vscode.open', arguments: [vscode.Uri.parse(block.pullRequest.url)] }
      : { title: t('Focus Block Actions'), command: CommandId.showFocusMenu };
    return item;
  }

  override contextValue(): string {
    return this.block ? ViewItem.focus.block(isPaused(this.block)) : ViewItem.focus.break;
  }
}

/**
 * A break suggested during the block while Do Not Disturb held its toast back: a click takes it,
 * the row's × dismisses it, and it goes by itself when the block ends.
 */
export function breakSuggestionNode(row: InertText<'tree'>): LineNode {
  return new LineNode('focus:breakSuggestion', {
    label: row,
    description: t('click to take it'),
    tooltip: t('You have focused for a long stretch without a break. Click to take one, or dismiss this; Do Not Disturb stays on until the block ends.'),
    icon: new vscode.ThemeIcon('coffee'),
    command: { title: t('Take the Suggested Break'), command: CommandId.takeSuggestedBreak },
    contextValue: ViewItem.focus.breakSuggestion,
  });
}

export function idleNode(): LineNode {
  return new LineNode('focus:idle', {
    label: tree`No focus block running`,
    description: t('Start one'),
    icon: new vscode.ThemeIcon('target'),
    command: { title: t('Start a Focus Block'), command: CommandId.startFocusBlock },
  });
}

export type SectionId = 'today' | 'upcoming' | 'guards';
const sectionLabels: Record<SectionId, string> = { today: t('Today'), upcoming: t('Upcoming'), guards: t('Guards') };

/** A heading with its rows; it opens by itself and says in a few words what it holds. */
export class SectionNode extends TreeNode {
  constructor(
    private readonly section: SectionId,
    private readonly children: readonly TreeNode[],
    private readonly summary: string | undefined,
  ) {
    super(`focus:section:${section}`);
  }

  render(): vscode.TreeItem {
    // Today's section has nothing to open until a block is done.
    const empty = this.section === 'today' && this.children.length === 0;
    const item = treeItem(tree`${sectionLabels[this.section]}`, empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded);
    if (this.summary) item.description = this.summary;
    return item;
  }

  override childNodes(): readonly TreeNode[] {
    return this.children;
  }
}

/** A block finished today. */
export class FinishedNode extends TreeNode {
  constructor(private readonly finished: FinishedBlock) {
    super(`focus:today:${finished.id}`);
  }

  render(): vscode.TreeItem {
    const b = this.finished;
    const item = treeItem(tree`${blockTitle(b)}`);
    const [from, to, focused] = [formatClock(b.startedAt), formatClock(b.endedAt), formatDuration(b.focusedMs)];
    item.description = (b.outcome === 'stopped' ? tree`${from}–${to} · ${focused} · stopped early` : tree`${from}–${to} · ${focused}`).value;
    item.iconPath = new vscode.ThemeIcon(b.outcome === 'completed' ? 'pass' : 'circle-slash');
    return item;
  }
}

/** A scheduled block to come, or running now. */
export class OccurrenceNode extends TreeNode {
  constructor(
    private readonly row: UpcomingRow,
    /** Why it waits or was skipped (a meeting), when the schedule said so. */
    private readonly note?: string,
  ) {
    super(`focus:upcoming:${row.occurrence.id}`);
  }

  render(): vscode.TreeItem {
    const { occurrence: o, now } = this.row;
    const item = treeItem(tree`${o.label}`);
    const times = formatOccurrenceTimes(o);
    const kind = this.row.plannedId ? tree`${focusTypeLabel[o.type]}, once` : tree`${focusTypeLabel[o.type]}`;
    item.description = (this.note ? tree`${times} · ${this.note}` : now ? tree`${times} · ${kind} · now` : tree`${times} · ${kind}`).value;
    item.iconPath = new vscode.ThemeIcon(now ? 'clock' : this.row.plannedId ? 'pinned' : 'calendar');
    item.command = editScheduleCommand;
    return item;
  }
}

const editScheduleCommand: vscode.Command = { title: t('Edit Focus Schedule'), command: CommandId.editFocusSchedule };

export function noScheduleNode(): LineNode {
  return new LineNode('focus:upcoming:none', {
    label: tree`No scheduled blocks`,
    description: t('Plan your week'),
    icon: new vscode.ThemeIcon('calendar'),
    command: editScheduleCommand,
  });
}

/** A click on a guard offers the first fix for its failure (as its warning does), else its setting. */
function guardCommand(g: GuardView): vscode.Command {
  // The model's guards come from the guard catalogue; an unknown id only opens the focus settings.
  if (!isGuardId(g.id)) return settingsCommand('leadDesk.focus');
  const fix = g.record?.failure ? guardFixes(g.id, g.record.failure.kind)[0] : undefined;
  return fix ? { title: fix.title, command: fix.command } : settingsCommand(`leadDesk.${guardCatalogue[g.id].setting}`);
}

/** One guard: what it does now, or the problem that needs the user. */
export class GuardNode extends TreeNode {
  constructor(private readonly guard: GuardView) {
    super(`focus:guard:${guard.id}`);
  }

  render(): vscode.TreeItem {
    const g = this.guard;
    const item = treeItem(tree`${g.label}`);
    item.description = g.summary;
    item.tooltip = g.warning ?? tree`${g.label}: ${g.summary}`.value;
    item.iconPath = g.warning
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(!g.enabled ? 'circle-slash' : g.record?.phase === 'engaged' ? 'shield' : 'circle-outline');
    item.command = guardCommand(g);
    return item;
  }

  override contextValue(): string {
    return ViewItem.focus.guard(this.guard.id);
  }
}
