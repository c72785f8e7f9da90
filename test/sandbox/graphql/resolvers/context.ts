// What every resolver can see: the state, the clock, and who is asking.
import type { SandboxState, TokenRecord, UserRecord } from '../../state/records';
import type { RateBucket } from '../../limits/rateLimiter';

export interface GqlContext {
  state: SandboxState;
  now: Date;
  viewer: UserRecord;
  token: TokenRecord;
  /** Browser-facing host for url fields, e.g. "https://github.com". */
  webUrl: string;
  /** Cost and bucket of this very request, for the rateLimit field. */
  rate: { cost: number; nodeCount: number; bucket: RateBucket };
}
