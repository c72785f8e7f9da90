import * as vscode from 'vscode';
import { message } from '../core/inertText';
import { showWarning } from './ui/notify';
import { parseSettings, type LeadDeskSettings, type SettingsProblem } from '../core/settings';
import type { Logger } from '../core/logger';
import { readWithMoves } from '../core/renamedSettings';

/** Whether the lead set `key` anywhere (user, workspace, folder), rather than it being the declared default. */
export function hasOwnValue(section: vscode.WorkspaceConfiguration, key: string): boolean {
  const i = section.inspect(key);
  return !!i && (i.globalValue !== undefined || i.workspaceValue !== undefined || i.workspaceFolderValue !== undefined);
}

/**
 * Reads `leadDesk.*` once and again only when a `leadDesk` setting changes. Problems (bad values)
 * are logged and shown once per distinct message, with a button to open the setting.
 */
export class ConfigService implements vscode.Disposable {
  private current: LeadDeskSettings;
  private readonly emitter = new vscode.EventEmitter<LeadDeskSettings>();
  private readonly shownProblems = new Set<string>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Logger) {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('leadDesk')) return;
      this.current = this.read();
      this.emitter.fire(this.current);
    });
  }

  get settings(): LeadDeskSettings {
    return this.current;
  }

  /**
   * Fires when one part of the settings (`queue`, `delegation`…) has a different value, and not
   * for changes elsewhere: turning on a focus guard must not make the delegation view refetch.
   */
  onDidChangeSection<K extends keyof LeadDeskSettings>(section: K, listener: (value: LeadDeskSettings[K]) => void): vscode.Disposable {
    let last = JSON.stringify(this.current[section]);
    return this.onDidChange((settings) => {
      const next = JSON.stringify(settings[section]);
      if (next === last) return;
      last = next;
      listener(settings[section]);
    });
  }

  private read(): LeadDeskSettings {
    const section = vscode.workspace.getConfiguration('leadDesk');
    const { settings, problems } = parseSettings(readWithMoves((key) => section.get(key), (key) => hasOwnValue(section, key)));
    for (const problem of problems) this.report(problem);
    return settings;
  }

  private report(problem: SettingsProblem): void {
    this.log.warn(problem.message);
    if (this.shownProblems.has(problem.message)) return;
    this.shownProblems.add(problem.message);
    void showWarning(message`${problem.message}`, 'Open Setting').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', problem.key);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
