import * as vscode from 'vscode';
import { message } from '../../../core/inertText';
import { t } from '../../l10n';
import { checkFeedUrl } from '../../../core/calendar/feedUrl';
import { describeFeedStatus } from '../../../core/calendar/feedStatus';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo, showWarning } from '../../ui/notify';
import type { CalendarModel } from '../calendarModel';
import type { FeedSecrets } from '../feedSecrets';

/**
 * Lead Desk: Add Calendar Feed. Asks for the secret iCal address (typed into a password box, kept
 * in SecretStorage) and a name, then reads it once to say what it found. Takes no arguments: a
 * link must not be able to add a feed.
 */
export function addCalendarFeedCommand(model: CalendarModel, secrets: FeedSecrets): LeadDeskCommand {
  return {
    id: CommandId.addCalendarFeed,
    doing: 'add the calendar feed',
    async run() {
      const url = await vscode.window.showInputBox({
        title: t('Add Calendar Feed (1/2): Secret address'),
        prompt: t('The secret iCal address from Google Calendar ("Secret address in iCal format"), Outlook ("Publish a calendar", ICS link) or Fastmail. It is stored in VS Code’s secret storage and never written to a calendar.'),
        placeHolder: t('https://… or webcal://…'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => {
          if (value.trim() === '') return undefined;
          const checked = checkFeedUrl(value);
          return checked.ok ? undefined : checked.problem;
        },
      });
      if (!url?.trim()) return;
      const checked = checkFeedUrl(url);
      if (!checked.ok) return;
      const name = await vscode.window.showInputBox({ title: t('Add Calendar Feed (2/2): Name'), prompt: t('A name to tell this calendar apart in Lead Desk'), value: t('work calendar'), ignoreFocusOut: true });
      if (!name?.trim()) return;
      const source = await secrets.add(name.trim(), checked.url);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: message`Reading ${source.name}…`.value }, () => model.refresh());
      const status = model.statuses().find((s) => s.feedId === source.id);
      const line = status ? describeFeedStatus(status, Date.now()) : t('{0}: not loaded yet', source.name);
      if (status?.health === 'ok') void showInfo(message`Added ${line}.`);
      else void showWarning(message`Added, but could not read it yet: ${line}. Lead Desk tries again every 15 minutes; check the address or remove the feed with Lead Desk: Remove Calendar Feed.`);
    },
  };
}
