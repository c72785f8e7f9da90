import * as vscode from 'vscode';
import type { InertText } from '../../core/inertText';

/**
 * One row of a Lead Desk tree view. Each view declares its own kinds of row as subclasses; the
 * provider only asks a node for its TreeItem and children. The id is built from a stable key (a
 * pull request key and group, a block id, a guard id, a person), never from a label, so selection
 * and expansion survive refreshes and two rows with the same text cannot collide.
 *
 * Menu commands receive the node itself as their argument, so a subclass's fields are part of what
 * those commands read (`pullRequest` for the queue's commands, `kind`/`row` for delegation's).
 */
export abstract class TreeNode {
  /** Set by the TreeModel when it links a freshly built tree, so the view can reveal a node. */
  parent: TreeNode | undefined;

  constructor(readonly id: string) {}

  /** What the row shows. The provider sets its id and contextValue. */
  abstract render(): vscode.TreeItem;

  /** The catalogue's contextValue (core/viewItems.ts) that menus match, if the row has menus. */
  contextValue(): string | undefined {
    return undefined;
  }

  childNodes(): readonly TreeNode[] {
    return [];
  }

  /** Details that are costly or only wanted on hover (tooltips). */
  resolve(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }
}

/** A row whose label is one clean line: labels carry titles, names and messages from outside. */
export function treeItem(label: InertText<'tree'>, collapsible = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  return new vscode.TreeItem(label.value, collapsible);
}
