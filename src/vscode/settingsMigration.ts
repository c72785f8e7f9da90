import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { message } from '../core/inertText';
import { renamedSettings, type RenamedSetting } from '../core/renamedSettings';
import { showInfo } from './ui/notify';

type Scope = { readonly target: vscode.ConfigurationTarget; readonly folder?: vscode.WorkspaceFolder; readonly value: (i: ReturnType<vscode.WorkspaceConfiguration['inspect']>) => unknown };

const scopes = (folders: readonly vscode.WorkspaceFolder[]): Scope[] => [
  { target: vscode.ConfigurationTarget.Global, value: (i) => i?.globalValue },
  { target: vscode.ConfigurationTarget.Workspace, value: (i) => i?.workspaceValue },
  ...folders.map((folder) => ({ target: vscode.ConfigurationTarget.WorkspaceFolder, folder, value: (i: ReturnType<vscode.WorkspaceConfiguration['inspect']>) => i?.workspaceFolderValue })),
];

/**
 * Moves each renamed setting's value to its new name, in every place the lead set it (user,
 * workspace, folder), once. Until a move succeeds the old name keeps working (see
 * core/renamedSettings.ts), so a failed write only leaves a warning in the log. Returns the moves made.
 */
export async function migrateRenamedSettings(log: Logger, renames: readonly RenamedSetting[] = renamedSettings): Promise<RenamedSetting[]> {
  const moved: RenamedSetting[] = [];
  const hasWorkspace = vscode.workspace.workspaceFile !== undefined || (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  for (const rename of renames) {
    for (const scope of scopes(vscode.workspace.workspaceFolders ?? [])) {
      if (!hasWorkspace && scope.target !== vscode.ConfigurationTarget.Global) continue;
      const section = vscode.workspace.getConfiguration('leadDesk', scope.folder?.uri);
      const old = scope.value(section.inspect(rename.from));
      if (old === undefined || scope.value(section.inspect(rename.to)) !== undefined) continue;
      try {
        await section.update(rename.to, old, scope.target);
        await section.update(rename.from, undefined, scope.target);
        if (!moved.includes(rename)) moved.push(rename);
        log.info(`settings: moved leadDesk.${rename.from} to leadDesk.${rename.to} (${vscode.ConfigurationTarget[scope.target]})`);
      } catch (err) {
        log.warn(`settings: could not move leadDesk.${rename.from} to leadDesk.${rename.to}; the old name keeps working: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  if (moved.length > 0) {
    const list = moved.map((r) => `leadDesk.${r.from} → leadDesk.${r.to}`).join(', ');
    void showInfo(message`Lead Desk renamed ${moved.length === 1 ? 'a setting' : `${moved.length} settings`} and moved your values: ${list}.`);
  }
  return moved;
}
