import * as vscode from 'vscode';
import { tree } from '../../core/inertText';
import { anyEvent } from '../tree/anyEvent';
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { WorkingHours } from '../../core/workingHours';
import { buildQueueTree, itemTooltip, type GroupNode, type ItemNode, type NodeIcon, type QueueNode } from '../../core/queue/queueTree';
import { queueAdviceUri } from '../delegation/queueAdviceDecorations';
import { LineNode } from '../tree/lineNode';
import { NodeTreeProvider } from '../tree/nodeTreeProvider';
import { TreeModel } from '../tree/treeModel';
import { TreeNode, treeItem } from '../tree/treeNode';
import { inertMarkdown } from '../ui/markdown';
import type { QueueModel } from './queueModel';

// The wording, ordering, ids and contextValues of the queue's rows are built in plain Node
// (core/queue/queueTree.ts); these nodes only turn them into TreeItems. Ids are the stable
// `owner/repo#n:group` keys, so selection and expansion survive refreshes.

type Time = () => WorkingHours;

function themeIcon(icon: NodeIcon): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

class QueueGroupNode extends TreeNode {
  readonly kind = 'group';
  private readonly children: readonly TreeNode[];

  constructor(private readonly group: GroupNode, time: Time) {
    super(group.id);
    this.children = group.children.map((child) => queueTreeNode(child, time));
  }

  render(): vscode.TreeItem {
    const g = this.group;
    const item = treeItem(tree`${g.label}`, g.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = themeIcon(g.icon);
    item.description = g.description;
    item.tooltip = g.tooltip;
    return item;
  }

  override contextValue(): string {
    return this.group.contextValue;
  }

  override childNodes(): readonly TreeNode[] {
    return this.children;
  }
}

/** A pull request. Menu commands receive this node: `{ pullRequest }` is what they (and other features' commands) accept. */
class QueueItemNode extends TreeNode {
  readonly kind = 'item';
  readonly pullRequest: PullRequestRef;

  constructor(private readonly node: ItemNode, private readonly time: Time) {
    super(node.id);
    this.pullRequest = node.pullRequest;
  }

  render(): vscode.TreeItem {
    const n = this.node;
    const item = treeItem(tree`${n.label}`);
    item.iconPath = themeIcon(n.icon);
    item.description = tree`${n.description}`.value;
    item.accessibilityInformation = { label: `${n.label}, ${n.description}` };
    // "Should I delegate this?": the Delegation feature decorates routine pull requests through this URI.
    item.resourceUri = queueAdviceUri(this);
    return item;
  }

  override contextValue(): string {
    return this.node.contextValue;
  }

  /** The tooltip is built only when the user hovers: it explains why the item sits where it does. */
  override resolve(item: vscode.TreeItem): vscode.TreeItem {
    item.tooltip = inertMarkdown(itemTooltip(this.node.item, this.time()));
    return item;
  }
}

function queueTreeNode(node: QueueNode, time: Time): TreeNode {
  switch (node.kind) {
    case 'group':
      return new QueueGroupNode(node, time);
    case 'item':
      return new QueueItemNode(node, time);
    case 'message':
      return new LineNode(node.id, { label: tree`${node.label}`, icon: themeIcon(node.icon), ...(node.tooltip !== undefined ? { tooltip: node.tooltip } : {}) });
  }
}

export interface QueueTreeOptions {
  /** The team's usual review turnaround: my pull requests waiting longer offer Nudge Reviewers. */
  readonly nudgeAfterHours?: () => number;
  /** Fires when `nudgeAfterHours` may give another figure (a measurement arrived). */
  readonly onDidChangeNudgeAfter?: vscode.Event<void>;
}

/** Renders the model's groups. It never fetches: the model does, and fires onDidChange. */
export class QueueTreeProvider extends NodeTreeProvider {
  constructor(model: QueueModel, options: QueueTreeOptions = {}) {
    const time = () => model.settings.workingTime;
    super(
      new TreeModel(() => {
        const view = model.view;
        return view ? buildQueueTree(view, time(), options.nudgeAfterHours?.()).map((group) => queueTreeNode(group, time)) : [];
      }, anyEvent(model.onDidChange, options.onDidChangeNudgeAfter)),
    );
  }
}
