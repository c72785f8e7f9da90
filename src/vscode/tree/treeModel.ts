import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/**
 * The nodes one tree view shows, built from its feature's model. The feature's model fetches and
 * keeps state; this only turns that state into nodes, on first use after each change (as VS Code
 * asks for them), and says when they changed.
 */
export class TreeModel<N extends TreeNode> implements vscode.Disposable {
  private built: readonly N[] | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly build: () => readonly N[],
    sourceChanged: vscode.Event<unknown>,
  ) {
    this.subscription = sourceChanged(() => this.invalidate());
  }

  get roots(): readonly N[] {
    if (!this.built) {
      this.built = this.build();
      link(this.built, undefined);
    }
    return this.built;
  }

  /** Drops the nodes so the next read builds them again, and tells the view. */
  invalidate(): void {
    this.built = undefined;
    this.emitter.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function link(nodes: readonly TreeNode[], parent: TreeNode | undefined): void {
  for (const node of nodes) {
    node.parent = parent;
    link(node.childNodes(), node);
  }
}
