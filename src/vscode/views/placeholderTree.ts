import * as vscode from 'vscode';

/**
 * A view's tree before its feature has anything to show: empty, so VS Code displays the view's
 * welcome content (package.json `viewsWelcome`) that tells the user what to do.
 */
export function registerWelcomeOnlyView(viewId: string): vscode.Disposable {
  const provider: vscode.TreeDataProvider<never> = {
    getTreeItem: (element) => element,
    getChildren: () => [],
  };
  return vscode.window.registerTreeDataProvider(viewId, provider);
}
