import type * as vscode from 'vscode';
import type { TreeModel } from './treeModel';
import type { TreeNode } from './treeNode';

/**
 * The one TreeDataProvider of Lead Desk's views: it renders the nodes of a TreeModel and never
 * fetches. Ids and contextValues are set here, from the node, so every view gets them the same way.
 */
export class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly model: TreeModel<TreeNode>) {
    this.onDidChangeTreeData = model.onDidChange;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.render();
    item.id = node.id;
    const contextValue = node.contextValue();
    if (contextValue !== undefined) item.contextValue = contextValue;
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    return node.resolve(item);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return [...(node ? node.childNodes() : this.model.roots)];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.model.dispose();
  }
}
