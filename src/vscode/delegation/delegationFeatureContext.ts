import type { Services } from '../services';
import type { DelegationModel } from './delegationModel';

/** What the delegation commands share: the services and the one model the view renders. */
export interface DelegationFeatureContext {
  readonly services: Services;
  readonly model: DelegationModel;
}
