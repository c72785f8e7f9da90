import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { message } from '../core/inertText';
import { settingMoves, type SettingMove } from '../core/renamedSettings';
import { showInfo } from './ui/notify';
import { t } from './l10n';
import { errorText } from '../core/errorText';

type Inspection = ReturnType<vscode.WorkspaceConfiguration['inspect']>;

interface Scope {
  readonly target: vscode.ConfigurationTarget;
  readonly folder?: vscode.WorkspaceFolder;
  readonly value: (i: Inspection) => unknown;
}

function scopes(): Scope[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const user: Scope = { target: vscode.ConfigurationTarget.Global, value: (i) => i?.globalValue };
  if (folders.length === 0 && vscode.workspace.workspaceFile === undefined) return [user];
  return [
    user,
    { target: vscode.ConfigurationTarget.Workspace, value: (i) => i?.workspaceValue },
    ...folders.map((folder): Scope => ({ target: vscode.ConfigurationTarget.WorkspaceFolder, folder, value: (i) => i?.workspaceFolderValue })),
  ];
}

/**
 * Moves the values of renamed and merged settings to their new names, in every place the lead set
 * them (user, workspace, folder), once, and says so in one message. Until a move succeeds the old
 * names keep working (core/renamedSettings.ts, core/workingHoursSettings.ts), so a failed write
 * only leaves a warning in the log. A value already set under the new name wins; the old one is
 * then only removed. Returns the moves made.
 */
export async function migrateSettings(log: Logger, moves: readonly SettingMove[] = settingMoves): Promise<SettingMove[]> {
  const moved: SettingMove[] = [];
  for (const move of moves) {
    for (const scope of scopes()) {
      const section = vscode.workspace.getConfiguration('leadDesk', scope.folder?.uri);
      const old = move.from.map((key) => scope.value(section.inspect(key)));
      if (old.every((v) => v === undefined)) continue;
      const value = move.value(old);
      if (value === undefined) continue;
      try {
        if (scope.value(section.inspect(move.to)) === undefined) await section.update(move.to, value, scope.target);
        for (const key of move.from) await section.update(key, undefined, scope.target);
        if (!moved.includes(move)) moved.push(move);
        log.info(`settings: moved ${names(move.from)} to leadDesk.${move.to} (${vscode.ConfigurationTarget[scope.target]})`);
      } catch (err) {
        log.warn(`settings: could not move ${names(move.from)} to leadDesk.${move.to}; the old settings keep working: ${errorText(err)}`);
      }
    }
  }
  if (moved.length > 0) {
    const list = moved.map((m) => `${names(m.from, t(' and '))} → leadDesk.${m.to}`).join('; ');
    void showInfo(moved.length === 1 ? message`Lead Desk moved a setting to their new names, with your values: ${list}.` : message`Lead Desk moved ${moved.length} settings to their new names, with your values: ${list}.`);
  }
  return moved;
}

/** The settings' full names; joined in English for the log, in the display language for the toast. */
function names(keys: readonly string[], and = ' and '): string {
  return keys.map((k) => `leadDesk.${k}`).join(and);
}
