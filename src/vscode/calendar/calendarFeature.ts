import * as vscode from 'vscode';
import path from 'node:path';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import { describeFeedStatus } from '../../core/calendar/feedStatus';
import { scopedLogger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import type { Services } from '../services';
import { CalendarModel } from './calendarModel';
import { addCalendarFeedCommand } from './commands/addCalendarFeed';
import { findFocusTimeCommand } from './commands/findFocusTime';
import { refreshCalendarCommand } from './commands/refreshCalendar';
import { removeCalendarFeedCommand } from './commands/removeCalendarFeed';
import { FeedSecrets } from './feedSecrets';

/** What the calendar gives the other features: the lead's meetings, and when they change. */
export interface CalendarFeature extends vscode.Disposable {
  readonly meetings: MeetingSource;
  /** Whether any feed (an address or a file) is set up; without one, views say there is no calendar. */
  hasFeeds(): Promise<boolean>;
  readonly onDidChange: vscode.Event<void>;
  /** One line per feed for a view to show, e.g. "work calendar: offline since 10:40 (…), showing the copy from 10:25". */
  feedLines(): string[];
  /** Lines only for feeds that failed (offline, not a calendar) and are showing an older copy or none. */
  feedProblems(): string[];
}

/**
 * Calendar feeds (read-only) and Find Focus Time. Registering reads nothing: the feeds are first
 * read when a feature asks for meetings or a calendar command runs.
 */
export function registerCalendarFeature(services: Services): CalendarFeature {
  const { context, log, config } = services;
  const secrets = new FeedSecrets(context.secrets, (secret) => log.addSecret(secret));
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const model = new CalendarModel({
    log: scopedLogger(log, 'calendar'),
    secrets,
    settings: () => config.settings.calendar,
    storageDir: path.join(context.globalStorageUri.fsPath, 'calendar'),
    userAgent: `lead-desk/${version}`,
  });
  const commands = registerCommands(
    [
      addCalendarFeedCommand(model, secrets),
      removeCalendarFeedCommand(model),
      refreshCalendarCommand(model),
      findFocusTimeCommand({
        model,
        workingTime: () => config.settings.workingHours,
        slotMinutes: () => config.settings.calendar.focusSlotMinutes,
      }),
    ],
    log,
  );
  const disposable = vscode.Disposable.from(...commands, config.onDidChangeSection('calendar', () => model.settingsChanged()), model);
  return {
    meetings: model,
    hasFeeds: async () => (await model.sources()).length > 0,
    onDidChange: model.onDidChange,
    feedLines: () => model.statuses().map((s) => describeFeedStatus(s, Date.now())),
    feedProblems: () => model.statuses().filter((s) => s.health === 'offline' || s.health === 'malformed').map((s) => describeFeedStatus(s, Date.now())),
    dispose: () => void disposable.dispose(),
  };
}
