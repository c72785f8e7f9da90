import * as vscode from 'vscode';
import { ContextKey } from '../ids';

/** Shows the draft's editor buttons (copy, post, rewrite) only on a weekly update. */

/**
 * The weekly update documents this window opened (drafts and rewrites). Copy, post and rewrite act
 * on the one in the active editor, or else on the newest still open, so a button works from the
 * editor title and a palette command works from anywhere.
 */
export class UpdateDrafts implements vscode.Disposable {
  private documents: vscode.TextDocument[] = [];
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.documents = this.documents.filter((d) => d !== doc);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.updateContext(editor)),
    ];
  }

  track(document: vscode.TextDocument): void {
    this.documents = [...this.documents.filter((d) => d !== document), document];
    void this.updateContext(vscode.window.activeTextEditor);
  }

  current(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && this.documents.includes(active)) return active;
    return this.documents.filter((d) => !d.isClosed).at(-1);
  }

  private async updateContext(editor: vscode.TextEditor | undefined): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.weeklyUpdateActive, editor !== undefined && this.documents.includes(editor.document));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
