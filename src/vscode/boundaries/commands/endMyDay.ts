import { startOfDay } from 'date-fns';
import { firstMeetingFrom, summariseDay } from '../../../core/boundaries/daySummary';
import type { MeetingSource } from '../../../core/calendar/calendarEvent';
import { message, pick } from '../../../core/inertText';
import type { Logger } from '../../../core/logger';
import { nextWorkingStart, type WorkingHours } from '../../../core/workingHours';
import type { DayCounts } from '../../../github/queue/dayCounts';
import type { LeadDeskCommand } from '../../commands/command';
import type { FocusModel } from '../../focus/focusModel';
import { CommandId } from '../../ids';
import { showInfo } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { QuietHours } from '../quietHours';
import { t } from '../../l10n';
import { errorText } from '../../../core/errorText';

export interface EndMyDayDependencies {
  readonly focus: FocusModel;
  readonly quiet: QuietHours;
  readonly workingHours: () => WorkingHours;
  /** Counts from GitHub; rejects when signed out or offline, and the screen says so. */
  readonly counts: (dayStart: number) => Promise<DayCounts>;
  /** Whether a guard can publish a status (GitHub Busy or Slack is turned on). */
  readonly canSetStatus: () => boolean;
  readonly meetings?: () => MeetingSource | undefined;
  readonly log: Logger;
}

type Choice = 'end' | 'endWithStatus';

/**
 * Lead Desk: End My Day. One screen with the day's figures; choosing an end snoozes review-request
 * pop-ups until the next working morning and, if asked, sets "Off until Mon 09:00" through the
 * focus guards, which put back what was there when the morning comes.
 */
export function endMyDayCommand(deps: EndMyDayDependencies): LeadDeskCommand {
  return {
    id: CommandId.endMyDay,
    doing: 'end your day',
    async run() {
      const now = deps.focus.clock.now();
      const hours = deps.workingHours();
      const until = nextWorkingStart(now, hours);
      const counts = await deps.counts(startOfDay(now).getTime()).catch((err: unknown) => {
        deps.log.info(`End My Day without GitHub figures: ${errorText(err)}`);
        return undefined;
      });
      const summary = summariseDay({ focusedMs: deps.focus.todaysTotalMs(), counts, until, hours, firstMeeting: firstMeetingFrom(deps.meetings?.(), until) });
      const detail = summary.nextMeetingAt ? pick`${summary.figures} · First meeting ${summary.nextMeetingAt}: ${summary.nextMeetingTitle ?? ''}` : pick`${summary.figures}`;
      const items = [
        { label: pick`$(home) End my day`, description: pick`notifications wait until ${summary.until}`, detail, value: 'end' as Choice },
        ...(deps.canSetStatus()
          ? [{ label: pick`$(home) End my day and show me as off`, description: pick`status "Off until ${summary.until}", put back then`, detail, value: 'endWithStatus' as Choice }]
          : []),
      ];
      const choice = await pickOne(items, { title: t('End My Day'), placeHolder: summary.figures, ignoreFocusOut: true });
      if (!choice) return;
      await deps.quiet.endDay(until);
      if (choice === 'endWithStatus') await deps.focus.coordinator.endDay(until);
      else if (deps.focus.block) await deps.focus.coordinator.stop();
      void showInfo(
        choice === 'endWithStatus'
          ? message`Day ended. Your status says "Off until ${summary.until}" and goes back to what it was then; review requests wait for one digest.`
          : message`Day ended. Review requests wait until ${summary.until}, then come as one digest.`,
      );
    },
  };
}
