import type { Services } from '../services';
import type { DelegationModel } from './delegationModel';

/** What the delegation commands share: the services and the one model the view renders. */
export interface DelegationFeatureContext {
  readonly services: Services;
  readonly model: DelegationModel;
  /** Told of each review asked of someone else (`owner/repo#123`, their login), e.g. to count handoffs in the week. */
  readonly onDidRequestReview?: (pullRequest: string, login: string) => void;
}
