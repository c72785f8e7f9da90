import type * as vscode from 'vscode';
import type { MeetingSource } from '../../core/calendar/calendarEvent';
import { scopedLogger } from '../../core/logger';
import { loadWeekView } from '../../app/week/loadWeekView';
import { handoffsBetween } from '../../app/week/recordActivity';
import type { HandoffSeen } from '../../core/update/updateTypes';
import { fetchReviewsGiven } from '../../github/week/reviewsGiven';
import { WeekStore } from '../../storage/weekStore';
import { NotSignedInError } from '../../github/notSignedInError';
import { registerCommands } from '../commands/command';
import { featureHost } from '../entry/featureHost';
import { ViewId } from '../ids';
import type { Services } from '../services';
import { inspectWeekCommand } from './commands/inspectWeek';
import { refreshWeekCommand } from './commands/refreshWeek';
import { WeekRecorder } from './weekRecorder';
import { WeekViewProvider } from './weekViewProvider';

export interface WeekFeature extends vscode.Disposable {
  /** Delegation reports a review it asked someone else for: `owner/repo#123` and their login. */
  recordHandoff(pullRequest: string, login: string): void;
  /** Reviews handed off in [from, to) (epoch ms), from the week records on this machine. */
  handoffsBetween(from: number, to: number): Promise<readonly HandoffSeen[]>;
}

export interface WeekFeatureOptions {
  /** The calendar's meetings when a feed is set up; without one the view counts none and says so. */
  readonly meetings?: () => Promise<MeetingSource | undefined>;
  /** Calendar feeds that failed, said in the view; their last good copies are still counted. */
  readonly calendarProblems?: () => readonly string[];
  /** Fires when the calendar's meetings or feed states change. */
  readonly onDidChangeCalendar?: vscode.Event<void>;
}

/**
 * The This Week view and the records behind it. Registering does no I/O: the records are read and
 * written once the view is shown or a minute has passed, and GitHub is asked only when the view is
 * drawn.
 */
export function registerWeekFeature(services: Services, options: WeekFeatureOptions = {}): WeekFeature {
  const log = scopedLogger(services.log, 'week');
  const store = new WeekStore(services.context.globalStorageUri.fsPath, log);
  const recorder = new WeekRecorder(store, services.sharedState, log);
  const reviews = async (from: number, to: number) => {
    try {
      return await fetchReviewsGiven(await services.github.client(), from, to);
    } catch (err) {
      if (NotSignedInError.is(err)) return undefined;
      throw err;
    }
  };
  const provider = new WeekViewProvider(
    services.context.extensionUri,
    async (week) => {
      await recorder.recordNow();
      const settings = services.config.settings;
      return loadWeekView(
        { records: store, now: Date.now, workingTime: settings.workingHours, targetPercent: settings.week.codingTargetPercent, meetings: await options.meetings?.(), calendarProblems: options.calendarProblems, reviews, log },
        week,
      );
    },
    log,
  );
  const redraw = () => void provider.refresh();
  const disposables: vscode.Disposable[] = [
    // Through the entry, which registered the view at start-up and loaded this on its first showing.
    featureHost().registerWebviewViewProvider(ViewId.week, provider),
    ...registerCommands([inspectWeekCommand(provider), refreshWeekCommand(recorder, provider)], services.log),
    services.config.onDidChangeSection('week', redraw),
    services.config.onDidChangeSection('queue', redraw),
    services.github.onDidChangeAccount(redraw),
    ...(options.onDidChangeCalendar ? [options.onDidChangeCalendar(redraw)] : []),
    recorder.onDidRecord(redraw),
    provider,
    recorder,
  ];
  recorder.start();
  return {
    recordHandoff: (pullRequest, login) => void recorder.handoff(pullRequest, login),
    handoffsBetween: (from, to) => handoffsBetween(store, from, to),
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
