import * as vscode from 'vscode';
import { message } from '../../core/inertText';
import type { Logger } from '../../core/logger';
import { migrateLegacyWorkingHours, WorkingHoursKey } from '../../core/workingHoursSettings';
import { showInfo } from '../ui/notify';

const scopes = [
  { target: vscode.ConfigurationTarget.Global, value: 'globalValue', name: 'user' },
  { target: vscode.ConfigurationTarget.Workspace, value: 'workspaceValue', name: 'workspace' },
] as const;

/**
 * Moves `leadDesk.queue.workingDays` / `workingHours` into `leadDesk.workingHours`, once, in each
 * scope that set them, and says so in one message. If a write fails the old settings stay, and the
 * settings parser goes on reading them, so the lead's hours never reset.
 */
export async function migrateWorkingHours(log: Logger): Promise<void> {
  const section = vscode.workspace.getConfiguration('leadDesk');
  const moved: string[] = [];
  for (const scope of scopes) {
    if (scope.target === vscode.ConfigurationTarget.Workspace && !vscode.workspace.workspaceFolders?.length) continue;
    const current = section.inspect(WorkingHoursKey.current)?.[scope.value];
    const days = section.inspect(WorkingHoursKey.legacyDays)?.[scope.value];
    const hours = section.inspect(WorkingHoursKey.legacyHours)?.[scope.value];
    const value = migrateLegacyWorkingHours(days, hours);
    if (!value) continue;
    try {
      if (current === undefined) await section.update(WorkingHoursKey.current, value, scope.target);
      await section.update(WorkingHoursKey.legacyDays, undefined, scope.target);
      await section.update(WorkingHoursKey.legacyHours, undefined, scope.target);
      moved.push(scope.name);
    } catch (err) {
      log.warn(`could not move the ${scope.name} working hours to leadDesk.workingHours (${err instanceof Error ? err.message : String(err)}); the old settings still apply`);
    }
  }
  if (moved.length === 0) return;
  const open = 'Open Setting';
  const choice = await showInfo(message`Your working days and hours (${moved.join(' and ')} settings) moved to leadDesk.workingHours, which now also sets a time zone and applies to all of Lead Desk.`, open);
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'leadDesk.workingHours');
}
