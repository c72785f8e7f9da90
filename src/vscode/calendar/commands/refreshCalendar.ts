import * as vscode from 'vscode';
import { joinInert, message } from '../../../core/inertText';
import { t } from '../../l10n';
import { describeFeedStatus } from '../../../core/calendar/feedStatus';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo, showWarning } from '../../ui/notify';
import type { CalendarModel } from '../calendarModel';

/** Lead Desk: Refresh Calendars. Asks every feed now and says how each one is. */
export function refreshCalendarCommand(model: CalendarModel): LeadDeskCommand {
  return {
    id: CommandId.refreshCalendar,
    doing: 'refresh the calendars',
    async run() {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Refreshing calendars') }, () => model.refresh());
      const statuses = model.statuses();
      if (statuses.length === 0) {
        const choice = await showInfo(message`No calendar yet. Add one with its secret iCal address, or list .ics files in leadDesk.calendar.files.`, 'Add Calendar Feed');
        if (choice) await vscode.commands.executeCommand(CommandId.addCalendarFeed);
        return;
      }
      const now = Date.now();
      const lines = joinInert('message', statuses.map((s) => message`${describeFeedStatus(s, now)}`), '; ');
      if (statuses.every((s) => s.health === 'ok')) void showInfo(message`${lines}.`);
      else void showWarning(message`${lines}. Lead Desk keeps the last good copy and tries again every 15 minutes.`);
    },
  };
}
