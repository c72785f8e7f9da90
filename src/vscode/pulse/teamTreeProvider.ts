import * as vscode from 'vscode';
import { tree } from '../../core/inertText';
import { CommandId } from '../ids';
import type { TeamModel } from './teamModel';
import { teammateDescription, teamRoots, waitingNodes, weekNodes, type TeamNode } from './teamNodes';

/** Context values the Delegate… menu entries match on. */
export const TeamContext = { teammate: 'leadDesk.teammate', overloaded: 'leadDesk.teammate.overloaded', waiting: 'leadDesk.teamPull' } as const;

/** Renders the model; never fetches. Logins and titles are outside text: one clean line each. */
export class TeamTreeProvider implements vscode.TreeDataProvider<TeamNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: TeamModel) {
    this.subscription = model.onDidChange(() => this.emitter.fire());
  }

  getChildren(node?: TeamNode): TeamNode[] {
    if (!node) return teamRoots(this.model.state);
    if (node.kind === 'pulse') return weekNodes(node.trend);
    if (node.kind === 'teammate') return waitingNodes(node.row);
    return [];
  }

  getTreeItem(node: TeamNode): vscode.TreeItem {
    switch (node.kind) {
      case 'pulse':
        return item(node.id, node.label, node.description, 'pulse', vscode.TreeItemCollapsibleState.Collapsed);
      case 'week':
        return item(node.id, node.label, node.description, 'calendar');
      case 'message': {
        const it = item(node.id, node.label, node.description, node.icon);
        if (node.command) it.command = { title: node.label, command: node.command, arguments: ['leadDesk.team'] };
        return it;
      }
      case 'teammate': {
        const { row } = node;
        const it = item(node.id, tree`${row.login}`.value, teammateDescription(row), row.overloaded ? 'warning' : 'person', row.waiting.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        if (row.overloaded) it.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        it.contextValue = row.overloaded ? TeamContext.overloaded : TeamContext.teammate;
        it.accessibilityInformation = { label: `${row.login}: ${teammateDescription(row)}` };
        return it;
      }
      case 'waiting': {
        const { pull } = node;
        const it = item(node.id, tree`${pull.repo}#${pull.number} ${pull.title}`.value, tree`${pull.owner} · ${pull.author ?? 'ghost'}`.value, 'git-pull-request');
        it.contextValue = TeamContext.waiting;
        it.command = { title: 'Delegate…', command: CommandId.delegateForTeammate, arguments: [node] };
        return it;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function item(id: string, label: string, description: string | undefined, icon: string, state = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const it = new vscode.TreeItem(label, state);
  it.id = id;
  if (description) it.description = description;
  it.iconPath = new vscode.ThemeIcon(icon);
  return it;
}
