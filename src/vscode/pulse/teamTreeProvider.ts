import * as vscode from 'vscode';
import { tree } from '../../core/inertText';
import { ViewItem } from '../../core/viewItems';
import { CommandId } from '../ids';
import { NodeTreeProvider } from '../tree/nodeTreeProvider';
import { TreeModel } from '../tree/treeModel';
import { TreeNode, treeItem } from '../tree/treeNode';
import type { TeamModel } from './teamModel';
import { teammateDescription, teamRoots, waitingNodes, weekNodes, type TeamNode } from './teamNodes';
import { t } from '../l10n';

/** Renders the model; never fetches. Logins and titles are outside text: one clean line each. */
export class TeamTreeProvider extends NodeTreeProvider {
  constructor(model: TeamModel) {
    super(new TreeModel(() => teamRoots(model.state).map((row) => new TeamRowNode(row)), model.onDidChange));
  }
}

/**
 * One row of the Team view. The Delegate… commands receive this node: they read `kind`, `row`,
 * `login` and `pull` from it, and check them against the view's state before acting.
 */
class TeamRowNode extends TreeNode {
  readonly kind: TeamNode['kind'];
  readonly row?: Extract<TeamNode, { kind: 'teammate' }>['row'];
  readonly login?: string;
  readonly pull?: Extract<TeamNode, { kind: 'waiting' }>['pull'];

  constructor(private readonly data: TeamNode) {
    super(data.id);
    this.kind = data.kind;
    if (data.kind === 'teammate') this.row = data.row;
    if (data.kind === 'waiting') {
      this.login = data.login;
      this.pull = data.pull;
    }
  }

  override childNodes(): readonly TreeNode[] {
    const { data } = this;
    if (data.kind === 'pulse') return weekNodes(data.trend).map((n) => new TeamRowNode(n));
    if (data.kind === 'teammate') return waitingNodes(data.row).map((n) => new TeamRowNode(n));
    return [];
  }

  override contextValue(): string | undefined {
    const { data } = this;
    if (data.kind === 'teammate') return ViewItem.team.teammate(data.row.overloaded);
    if (data.kind === 'waiting') return ViewItem.team.waiting;
    return undefined;
  }

  render(): vscode.TreeItem {
    const { data } = this;
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (data.kind) {
      case 'pulse':
        return line(tree`${data.label}`, data.description, 'pulse', collapsed);
      case 'week':
        return line(tree`${data.label}`, data.description, 'calendar');
      case 'message': {
        const item = line(tree`${data.label}`, data.description, data.icon);
        if (data.command) item.command = { title: data.label, command: data.command, arguments: ['leadDesk.team'] };
        return item;
      }
      case 'teammate': {
        const { row } = data;
        const item = line(tree`${row.login}`, teammateDescription(row), 'person', row.waiting.length > 0 ? collapsed : vscode.TreeItemCollapsibleState.None);
        if (row.overloaded) item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.accessibilityInformation = { label: `${row.login}: ${teammateDescription(row)}` };
        return item;
      }
      case 'waiting': {
        const { pull } = data;
        const item = line(tree`${pull.repo}#${pull.number} ${pull.title}`, tree`${pull.owner} · ${pull.author ?? 'ghost'}`.value, 'git-pull-request');
        item.command = { title: t('Delegate…'), command: CommandId.delegateForTeammate, arguments: [this] };
        return item;
      }
    }
  }
}

function line(label: ReturnType<typeof tree>, description: string | undefined, icon: string, state = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const item = treeItem(label, state);
  if (description) item.description = description;
  item.iconPath = new vscode.ThemeIcon(icon);
  return item;
}
