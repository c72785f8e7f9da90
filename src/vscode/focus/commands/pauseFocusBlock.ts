import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';

/** Lead Desk: Pause Focus Block. The countdown stops; the guards stay on until the block ends. */
export function pauseFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.pauseFocusBlock,
    doing: 'pause the focus block',
    async run() {
      await model.coordinator.pause();
    },
  };
}
