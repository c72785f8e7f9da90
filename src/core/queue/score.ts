// The explainable priority inside a group. Every point comes with a sentence, so the tooltip can
// say exactly why one pull request sits above another.
import { translated } from '../inertText';
import type { CiState } from './queueTypes';
import { grouped } from '../groupedNumber';

export type ScoreFactor = 'waiting' | 'request' | 'blocks' | 'size' | 'ci';

export interface ScoreReason {
  readonly factor: ScoreFactor;
  readonly points: number;
  readonly text: string;
}

export interface Score {
  readonly total: number;
  readonly reasons: readonly ScoreReason[];
}

export type RequestKind = 'direct' | 'team' | 'teamNobodyNamed';

export interface ScoreInput {
  /** Working hours the pull request has waited. */
  readonly waitingHours: number;
  /** What kind of review request put it in the queue, when it is a request. */
  readonly request?: RequestKind;
  /** People other than the viewer who cannot move on until this one does. */
  readonly blocks: readonly string[];
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly ci: CiState;
  /** The viewer's own pull request: failing CI is theirs to fix, so it ranks up, not down. */
  readonly own: boolean;
}

/** The weights, in one place so the reasons and the tests agree. */
export const scoreWeights = {
  /** Points per working hour waited, up to `waitingCapHours`. */
  perWaitingHour: 1.5,
  waitingCapHours: 40,
  direct: 25,
  teamNobodyNamed: 15,
  team: 5,
  perBlockedPerson: 8,
  blockedCap: 4,
  smallLines: 50,
  small: 20,
  mediumLines: 200,
  medium: 10,
  largeLines: 1000,
  large: -10,
  ciPassing: 5,
  ciPending: -5,
  ciFailingOthers: -15,
  ciFailingOwn: 10,
} as const;


export function scorePullRequest(input: ScoreInput): Score {
  const w = scoreWeights;
  const reasons: ScoreReason[] = [];
  const add = (factor: ScoreFactor, points: number, text: string) => {
    if (points !== 0) reasons.push({ factor, points, text });
  };

  const hours = Math.max(0, input.waitingHours);
  const whole = Math.floor(hours);
  const waited = whole === 1 ? translated`waiting 1 working hour` : translated`waiting ${grouped(whole)} working hours`;
  add('waiting', Math.round(Math.min(hours, w.waitingCapHours) * w.perWaitingHour), hours > w.waitingCapHours ? translated`${waited} (counted up to ${w.waitingCapHours})` : waited);

  if (input.request === 'direct') add('request', w.direct, translated`you were asked by name`);
  else if (input.request === 'teamNobodyNamed') add('request', w.teamNobodyNamed, translated`only a team was asked and nobody is named, so everyone may assume someone else takes it`);
  else if (input.request === 'team') add('request', w.team, translated`one of your teams was asked`);

  const blocked = Math.min(input.blocks.length, w.blockedCap);
  const people = input.blocks.join(', ');
  if (blocked > 0) add('blocks', blocked * w.perBlockedPerson, input.blocks.length === 1 ? translated`blocks 1 person: ${people}` : translated`blocks ${input.blocks.length} people: ${people}`);

  const lines = input.additions + input.deletions;
  const lineCount = lines === 1 ? translated`1 line` : translated`${grouped(lines)} lines`;
  const files = input.changedFiles === 1 ? translated`${lineCount} in 1 file` : translated`${lineCount} in ${grouped(input.changedFiles)} files`;
  if (lines <= w.smallLines) add('size', w.small, translated`small change (${files}): a quick win`);
  else if (lines <= w.mediumLines) add('size', w.medium, translated`modest change (${files})`);
  else if (lines > w.largeLines) add('size', w.large, translated`large change (${files}) needs a longer slot`);

  if (input.ci === 'success') add('ci', w.ciPassing, translated`CI passes`);
  else if (input.ci === 'pending') add('ci', w.ciPending, translated`CI is still running`);
  else if (input.ci === 'failure') add('ci', input.own ? w.ciFailingOwn : w.ciFailingOthers, input.own ? translated`CI fails, and it is yours to fix` : translated`CI fails, so the author will likely push again`);

  return { total: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** "+18" / "−10", for tooltips. */
export function formatPoints(points: number): string {
  return points >= 0 ? `+${points}` : `−${Math.abs(points)}`;
}
