import type * as vscode from 'vscode';
import type { InertText } from '../../core/inertText';
import { TreeNode, treeItem } from './treeNode';

/** What a one-line row shows; only the label is required. */
export interface Line {
  readonly label: InertText<'tree'>;
  readonly description?: string;
  readonly icon?: vscode.ThemeIcon;
  readonly tooltip?: string;
  /** What a click runs. */
  readonly command?: vscode.Command;
  readonly contextValue?: string;
}

/** A row with no children that only shows text: a note, a hint, a fact or a link to act on. */
export class LineNode extends TreeNode {
  constructor(
    id: string,
    private readonly line: Line,
  ) {
    super(id);
  }

  render(): vscode.TreeItem {
    const { line } = this;
    const item = treeItem(line.label);
    if (line.description !== undefined) item.description = line.description;
    if (line.icon) item.iconPath = line.icon;
    if (line.tooltip !== undefined) item.tooltip = line.tooltip;
    if (line.command) item.command = line.command;
    return item;
  }

  override contextValue(): string | undefined {
    return this.line.contextValue;
  }
}
