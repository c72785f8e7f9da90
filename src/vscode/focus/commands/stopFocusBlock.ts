import { message } from '../../../core/inertText';
import { showInfo } from '../../ui/notify';
import { formatDuration, stoppedText } from '../../../core/focus/format';
import { focusTypeLabel } from '../../../core/focus/types';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: Stop Focus Block. Ends it now, records it, and puts the guards back. */
export function stopFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.stopFocusBlock,
    doing: 'stop the focus block',
    async run() {
      const finished = await model.coordinator.stop();
      void showInfo(message`${stoppedText(finished.focusedMs, focusTypeLabel[finished.type])} Today: ${formatDuration(model.todaysTotalMs())} of focus.`);
    },
  };
}
