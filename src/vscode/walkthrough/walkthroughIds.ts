// The walkthrough as package.json declares it (contributes.walkthroughs), named once for the code.
import { ContextKey } from '../ids';

/** `<publisher>.<name>#<walkthrough id>`, as workbench.action.openWalkthrough takes it. */
export const walkthroughRef = 'lead-desk.lead-desk#leadDesk.gettingStarted';

/** The keys whose turning true completes a step, reported by the inspect command. */
export const walkthroughContextKeys = [ContextKey.signedIn, ContextKey.focusRunning, ContextKey.delegationHasCandidates] as const;

export const walkthroughSteps = ['signIn', 'queue', 'focusBlock', 'schedule', 'delegation'] as const;
export type WalkthroughStep = (typeof walkthroughSteps)[number];

/** `leadDesk.walkthrough.<step>`: the context key the step completes on. */
export function stepContextKey(step: WalkthroughStep): string {
  return `leadDesk.walkthrough.${step}`;
}

/** The setting the schedule step waits on. */
export const scheduleSetting = 'leadDesk.focus.schedule';
