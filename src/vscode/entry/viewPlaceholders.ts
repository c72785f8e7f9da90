import * as vscode from 'vscode';

/** The views a manifest contributes, split as VS Code registers them. */
export interface ContributedViews {
  readonly trees: readonly string[];
  readonly webviews: readonly string[];
}

export function contributedViews(packageJSON: unknown): ContributedViews {
  const views = (packageJSON as { contributes?: { views?: Record<string, Array<{ id: string; type?: string }>> } }).contributes?.views ?? {};
  const all = Object.values(views).flat();
  return { trees: all.filter((v) => v.type !== 'webview').map((v) => v.id), webviews: all.filter((v) => v.type === 'webview').map((v) => v.id) };
}

const emptyTree: vscode.TreeDataProvider<never> = { getChildren: () => [], getTreeItem: (element) => element };

/**
 * Empty trees that stand in for the real ones until the features load. An empty tree shows the
 * view's welcome content, as the real one does before its first data; the first time one becomes
 * visible, the features are loaded. The features create their own tree views (with their own
 * options) for the same ids, so the stand-ins are disposed just before.
 */
export class TreePlaceholders implements vscode.Disposable {
  private readonly views: Array<vscode.TreeView<never>> = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly ids: readonly string[],
    onVisible: (id: string) => void,
  ) {
    for (const id of ids) {
      const view = vscode.window.createTreeView(id, { treeDataProvider: emptyTree });
      this.views.push(view);
      this.disposables.push(
        view.onDidChangeVisibility((e) => {
          if (e.visible) onVisible(id);
        }),
      );
    }
  }

  /** The stand-in for `id`, until the features load. */
  view(id: string): vscode.TreeView<never> | undefined {
    const index = this.ids.indexOf(id);
    return index < 0 ? undefined : this.views[index];
  }

  /**
   * Disposes the stand-ins and resolves once VS Code has let go of their ids. In VS Code 1.100 a
   * tree view's dispose() is asynchronous (it waits for its registration to be confirmed, then
   * forgets the id): a tree view created for the same id before that would be forgotten with it.
   */
  async release(): Promise<void> {
    for (const d of this.disposables.splice(0)) d.dispose();
    const views = this.views.splice(0);
    await Promise.all(views.map((view) => Promise.resolve(view.dispose() as unknown)));
  }

  dispose(): void {
    void this.release();
  }
}

/**
 * A webview view is resolved only once, by whichever provider is registered when it is first shown,
 * so its stand-in stays registered: it loads the features and hands the view to the provider they
 * give for its id.
 */
export class WebviewPlaceholder implements vscode.WebviewViewProvider {
  private target: vscode.WebviewViewProvider | undefined;

  constructor(
    private readonly viewId: string,
    private readonly load: (reason: string) => Promise<void>,
  ) {}

  async resolveWebviewView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): Promise<void> {
    // Not translated: why the features load is written to the log.
    if (!this.target) await this.load(`the view ${this.viewId} was shown`);
    // Not translated: a view no feature provides is a packaging mistake, not something the user can fix.
    if (!this.target) throw new Error(`Lead Desk contributes the view ${this.viewId}, but no feature provides it.`);
    await this.target.resolveWebviewView(view, context, token);
  }

  adopt(provider: vscode.WebviewViewProvider): vscode.Disposable {
    // Not translated: a programming error, caught by the host suite.
    if (this.target) throw new Error(`A provider for the view ${this.viewId} is already registered.`);
    this.target = provider;
    return new vscode.Disposable(() => {
      if (this.target === provider) this.target = undefined;
    });
  }
}
