import * as vscode from 'vscode';

/** One event that fires whenever any of the given ones does: a tree built from several sources. */
export function anyEvent(...events: ReadonlyArray<vscode.Event<unknown> | undefined>): vscode.Event<unknown> {
  const present = events.filter((e): e is vscode.Event<unknown> => e !== undefined);
  if (present.length === 1) return present[0];
  return (listener, thisArgs, disposables) => {
    const all = vscode.Disposable.from(...present.map((e) => e(listener, thisArgs)));
    disposables?.push(all);
    return all;
  };
}
