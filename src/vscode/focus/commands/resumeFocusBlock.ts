import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: Resume Focus Block. The end moves later by the length of the pause. */
export function resumeFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.resumeFocusBlock,
    doing: 'resume the focus block',
    async run() {
      await model.coordinator.resume();
    },
  };
}
