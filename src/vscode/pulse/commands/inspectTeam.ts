import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { PulseFeatureContext } from '../pulseFeatureContext';
import { teamRoots } from '../teamNodes';

/** Hidden: the Team view's state and its top-level rows, for host tests and bug reports. */
export function inspectTeamCommand({ model }: PulseFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.inspectTeam,
    doing: 'inspect the Team view',
    run: () => {
      const state = model.state;
      return { state, roots: teamRoots(state).map((n) => ({ kind: n.kind, id: n.id, ...('label' in n ? { label: n.label, description: n.description } : {}) })) };
    },
  };
}
