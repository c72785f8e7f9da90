import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import type { Logger } from '../../core/logger';
import type { GitHubClient } from '../../github/client';
import type { DelegationModel } from './delegationModel';

/** What the delegation commands share: the one model the view renders, and what they ask of the account. */
export interface DelegationFeatureContext {
  readonly model: DelegationModel;
  readonly settings: () => DelegationSettings;
  /** The client of the signed-in account; throws NotSignedInError when there is none. */
  readonly client: () => Promise<GitHubClient>;
  /** Scoped to delegation already. */
  readonly log: Logger;
}
