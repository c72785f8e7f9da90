import type { SnoozeKind } from '../../../core/queue/localState';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { Logger } from '../../../core/logger';
import type { QueueModel } from '../queueModel';
import { pullRequestArgument } from './pullRequestArgument';
import { t } from '../../l10n';

function snoozeCommand(model: QueueModel, log: Logger, id: CommandId, kind: SnoozeKind, placeHolder: string, doing: string): LeadDeskCommand {
  return {
    id,
    doing,
    async run(arg?: unknown) {
      const snoozed = new Set(model.localState.snoozes.map((s) => s.key));
      const pr = await pullRequestArgument(model, arg, placeHolder, log, { filter: (key) => !snoozed.has(key) });
      if (pr) await model.snooze(pr, kind);
    },
  };
}

/** Hidden for one hour. */
export function snoozeForAnHourCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return snoozeCommand(model, log, CommandId.snoozeForAnHour, 'hour', t('Pull request to snooze for an hour'), 'snooze the pull request for an hour');
}

/** Hidden until the start of tomorrow's working day (9:00 unless leadDesk.workingHours says otherwise). */
export function snoozeUntilTomorrowCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return snoozeCommand(model, log, CommandId.snoozeUntilTomorrow, 'tomorrow', t('Pull request to snooze until tomorrow morning'), 'snooze the pull request until tomorrow morning');
}

/** Hidden until GitHub reports any update to the pull request (a push, a comment, a review). */
export function snoozeUntilActivityCommand(model: QueueModel, log: Logger): LeadDeskCommand {
  return snoozeCommand(model, log, CommandId.snoozeUntilActivity, 'activity', t('Pull request to snooze until new activity'), 'snooze the pull request until new activity');
}
