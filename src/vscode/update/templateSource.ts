import * as vscode from 'vscode';
import { t } from '../l10n';
import { errorText } from '../../core/errorText';

/** The template file could not be read; the message names the setting and what to do. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * Reads the weekly update template through VS Code's file system: the configured file (absolute,
 * or relative to the first workspace folder) or the one shipped in the extension.
 */
export function templateSource(extensionUri: vscode.Uri): (path: string) => Promise<string> {
  return async (path) => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const isAbsolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
    let uri: vscode.Uri;
    if (!path) uri = vscode.Uri.joinPath(extensionUri, 'media', 'update', 'weeklyUpdate.md');
    else if (isAbsolute) uri = vscode.Uri.file(path);
    else if (folder) uri = vscode.Uri.joinPath(folder, path);
    else throw new TemplateError(t('leadDesk.update.template is the relative path "{0}", but no folder is open. Use an absolute path, or clear the setting to use the shipped template.', path));
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      const reason = err instanceof vscode.FileSystemError ? err.code : errorText(err);
      throw new TemplateError(t('Could not read the weekly update template {0} ({1}). Fix leadDesk.update.template, or clear it to use the shipped template.', uri.fsPath, reason));
    }
  };
}
