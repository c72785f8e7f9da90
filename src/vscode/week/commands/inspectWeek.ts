import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { WeekViewProvider } from '../weekViewProvider';

/** Hidden: what the This Week view last showed, for the host tests and bug reports. */
export function inspectWeekCommand(provider: WeekViewProvider): LeadDeskCommand {
  return {
    id: CommandId.inspectWeek,
    doing: 'inspect the week view',
    run: () => provider.inspect(),
  };
}
