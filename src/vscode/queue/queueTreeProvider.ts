import * as vscode from 'vscode';
import { tree } from '../../core/inertText';
import { inertMarkdown } from '../ui/markdown';
import { buildQueueTree, itemTooltip, type QueueNode } from '../../core/queue/queueTree';
import type { QueueModel } from './queueModel';
import { queueAdviceUri } from '../delegation/queueAdviceDecorations';

/**
 * Renders the model's groups. It never fetches: the model does, and fires onDidChange. Ids are the
 * stable `owner/repo#n:group` keys, so selection and expansion survive refreshes.
 */
export class QueueTreeProvider implements vscode.TreeDataProvider<QueueNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<QueueNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private roots: readonly QueueNode[] = [];
  private parents = new Map<string, QueueNode>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly model: QueueModel) {
    this.subscription = model.onDidChange(() => this.rebuild());
    this.rebuild();
  }

  /** The nodes as currently shown (top-level groups). */
  get nodes(): readonly QueueNode[] {
    return this.roots;
  }

  private rebuild(): void {
    const view = this.model.view;
    this.roots = view ? buildQueueTree(view, this.model.settings.workingTime) : [];
    this.parents = new Map();
    const index = (node: QueueNode) => {
      if (node.kind !== 'group') return;
      for (const child of node.children) {
        this.parents.set(child.id, node);
        index(child);
      }
    };
    this.roots.forEach(index);
    this.emitter.fire(undefined);
  }

  getTreeItem(node: QueueNode): vscode.TreeItem {
    // Labels and descriptions carry PR titles and logins: one clean line, no hidden characters.
    const item = new vscode.TreeItem(
      tree`${node.label}`.value,
      node.kind === 'group' ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    if (node.kind === 'group') {
      item.description = node.description;
      item.contextValue = node.contextValue;
      item.tooltip = node.tooltip;
    } else if (node.kind === 'item') {
      item.description = tree`${node.description}`.value;
      item.contextValue = node.contextValue;
      item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
      // "Should I delegate this?": the Delegation feature decorates routine pull requests through this URI.
      item.resourceUri = queueAdviceUri(node);
    } else {
      item.tooltip = node.tooltip;
    }
    return item;
  }

  /** The tooltip is built only when the user hovers: it explains why the item sits where it does. */
  resolveTreeItem(item: vscode.TreeItem, node: QueueNode): vscode.TreeItem {
    if (node.kind === 'item') {
      item.tooltip = inertMarkdown(itemTooltip(node.item, this.model.settings.workingTime));
    }
    return item;
  }

  getChildren(node?: QueueNode): QueueNode[] {
    if (!node) return [...this.roots];
    return node.kind === 'group' ? [...node.children] : [];
  }

  getParent(node: QueueNode): QueueNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
