import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { WeekViewProvider } from '../weekViewProvider';
import type { WeekRecorder } from '../weekRecorder';

/** Records the latest focus blocks and draws the shown week again, asking GitHub for reviews if due. */
export function refreshWeekCommand(recorder: WeekRecorder, provider: WeekViewProvider): LeadDeskCommand {
  return {
    id: CommandId.refreshWeek,
    doing: 'refresh the week',
    async run() {
      await recorder.recordNow();
      await provider.refresh();
    },
  };
}
