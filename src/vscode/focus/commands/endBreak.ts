import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: End Break. A scheduled block that waited for the break may start then. */
export function endBreakCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.endBreak,
    doing: 'end the break',
    async run() {
      await model.coordinator.endBreak();
    },
  };
}
