import * as vscode from 'vscode';

/** As often as an idle window's focus feature looks at shared storage for blocks other windows started. */
const idlePollMs = 3_000;

/**
 * Until the features load, watches for what start-up would have needed them for: a setting (a
 * schedule set, background refreshes turned on) takes effect at once, and a block, break or
 * evening that another window started shows here as soon as it would have before.
 */
export function watchStartupNeeds(needed: () => string | undefined, load: (reason: string) => void): vscode.Disposable {
  const check = () => {
    const reason = needed();
    if (!reason) return;
    stop();
    load(reason);
  };
  const timer = setInterval(check, idlePollMs);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('leadDesk')) check();
  });
  const stop = () => {
    clearInterval(timer);
    settings.dispose();
  };
  return new vscode.Disposable(stop);
}
