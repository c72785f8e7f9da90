import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { PulseFeatureContext } from '../pulseFeatureContext';

/** Re-reads the team's review load and the pulse answers. */
export function refreshTeamCommand({ model }: PulseFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.refreshTeam,
    doing: 'refresh the Team view',
    run: () => model.refresh(),
  };
}
