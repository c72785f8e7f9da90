import * as vscode from 'vscode';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface RecordedToasts {
  /** "info: text [Button, Button]", in the order Lead Desk asked for them. */
  readonly shown: string[];
  readonly restore: () => void;
}

/**
 * Replaces the notification calls of the API object this suite shares with the extension, so a
 * test sees every notification Lead Desk shows (and that it is a toast, not a modal dialog). The
 * recorded calls answer "dismissed".
 */
export function recordToasts(): RecordedToasts {
  const win = vscode.window as Writable<typeof vscode.window>;
  const originals = { info: win.showInformationMessage, warning: win.showWarningMessage, error: win.showErrorMessage };
  const shown: string[] = [];
  const record = (kind: string) =>
    ((text: string, ...rest: unknown[]) => {
      const options = rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0]) ? (rest.shift() as vscode.MessageOptions) : undefined;
      shown.push(`${options?.modal ? 'modal ' : ''}${kind}: ${text} [${rest.map(String).join(', ')}]`);
      return Promise.resolve(undefined);
    }) as typeof vscode.window.showInformationMessage;
  win.showInformationMessage = record('info');
  win.showWarningMessage = record('warning');
  win.showErrorMessage = record('error');
  return {
    shown,
    restore: () => {
      win.showInformationMessage = originals.info;
      win.showWarningMessage = originals.warning;
      win.showErrorMessage = originals.error;
    },
  };
}
