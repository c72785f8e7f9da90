import * as vscode from 'vscode';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import { fetchDayCounts } from '../../github/queue/dayCounts';
import { scopedLogger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import type { FocusModel } from '../focus/focusModel';
import type { Services } from '../services';
import { registerBreakReminder } from './breakReminder';
import { endMyDayCommand } from './commands/endMyDay';
import { QuietHours } from './quietHours';

/**
 * Boundaries: working hours for the whole extension, quiet review-request pop-ups outside them,
 * End My Day, and break suggestions. Built on the focus model, whose guards set the evening's status.
 */
export function registerBoundariesFeature(services: Services, focus: FocusModel, meetings?: MeetingSource): vscode.Disposable {
  const quiet = new QuietHours(services.interruptions, services.sharedState, () => services.config.settings.workingHours, focus.clock, scopedLogger(services.log, 'boundaries'));
  const commands = registerCommands(
    [
      endMyDayCommand({
        focus,
        quiet,
        workingHours: () => services.config.settings.workingHours,
        counts: async (dayStart) => fetchDayCounts(await services.github.client(), dayStart),
        canSetStatus: () => focus.settings.githubStatus.enabled || focus.settings.slack.enabled,
        log: focus.log,
        meetings: () => meetings,
      }),
    ],
    services.log,
  );
  quiet.check();
  return vscode.Disposable.from(
    ...commands,
    quiet,
    services.config.onDidChangeSection('workingHours', () => quiet.check()),
    // Where the shared state cannot be watched, coming back to this window shows another's End My Day.
    vscode.window.onDidChangeWindowState((e) => e.focused && quiet.check()),
    registerBreakReminder(focus),
  );
}
