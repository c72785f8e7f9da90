import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';
import { readFocusArgs } from './focusPickers';

/** Lead Desk: Extend Focus Block by 15 minutes (or `{ minutes }`). */
export function extendFocusBlockCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.extendFocusBlock,
    doing: 'extend the focus block',
    async run(arg?: unknown) {
      await model.coordinator.extend(readFocusArgs(arg).minutes ?? 15);
    },
  };
}
