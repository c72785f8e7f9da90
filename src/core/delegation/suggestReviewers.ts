// The one entry point the editor and the backtest share: score expertise, then rank.

import type { ExpertiseIndex } from './expertiseIndex';
import { defaultScoringOptions, scoreExpertise } from './expertiseScore';
import type { ScoringOptions } from './expertiseScore';
import { defaultRankingOptions, rankCandidates } from './rankCandidates';
import type { RankedCandidate, RankingOptions, RankingRequest } from './rankCandidates';

export interface DelegationOptions {
  readonly scoring: ScoringOptions;
  readonly ranking: RankingOptions;
}

export const defaultDelegationOptions: DelegationOptions = { scoring: defaultScoringOptions, ranking: defaultRankingOptions };

export function suggestReviewers(
  index: ExpertiseIndex,
  request: Omit<RankingRequest, 'index' | 'expertise'>,
  options: DelegationOptions = defaultDelegationOptions,
): RankedCandidate[] {
  const expertise = scoreExpertise(index, request.touchedPaths, request.now, options.scoring);
  return rankCandidates({ ...request, index, expertise }, options.ranking);
}
