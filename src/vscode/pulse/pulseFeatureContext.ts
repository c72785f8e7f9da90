import type { SendPulseOutcome } from '../../app/pulse/sendPulse';
import type { PullRequestRef } from '../../core/pullRequestRef';
import type { TeamModel } from './teamModel';

/** What the Team view's commands need. */
export interface PulseFeatureContext {
  readonly model: TeamModel;
  /** Sends this week's pulse and tells the view. */
  readonly send: () => Promise<SendPulseOutcome>;
  /** Opens the Delegation view for a pull request the Team view shows. */
  readonly delegate: (pull: PullRequestRef) => Promise<unknown>;
}
