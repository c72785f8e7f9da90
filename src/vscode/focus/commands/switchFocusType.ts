import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { FocusModel } from '../focusModel';
import { pickType, readFocusArgs } from './focusPickers';
import { t } from '../../l10n';

/** Lead Desk: Switch Focus Type (deep work, review, planning), keeping the clock. */
export function switchFocusTypeCommand(model: FocusModel): LeadDeskCommand {
  return {
    id: CommandId.switchFocusType,
    doing: 'switch the focus type',
    async run(arg?: unknown) {
      const type = readFocusArgs(arg).type ?? (await pickType(t('Switch Focus Type'), model.block?.type));
      if (type) await model.coordinator.switchType(type, readFocusArgs(arg).label);
    },
  };
}
