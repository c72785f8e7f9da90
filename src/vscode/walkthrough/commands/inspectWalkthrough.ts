import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { contextKeyValues } from '../contextKeys';
import { walkthroughContextKeys } from '../walkthroughIds';
import { stepsDone } from '../walkthroughProgress';

/** Hidden from the palette: the context keys the walkthrough's steps complete on, as last set. */
export function inspectWalkthroughCommand(): LeadDeskCommand {
  return {
    id: CommandId.inspectWalkthrough,
    doing: 'inspect the walkthrough',
    run: () => ({ contextKeys: contextKeyValues(walkthroughContextKeys), stepsDone: stepsDone() }),
  };
}
