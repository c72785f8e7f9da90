// Orders people for a change: expertise first, then the facts a lead would weigh by hand.
// Busy people are not hidden (the lead may still choose them) but always sort below available
// ones; a heavy review load costs a fixed, stated amount so the order stays explainable.

import { collectEvidence } from './evidence';
import type { Evidence } from './evidence';
import type { ExpertiseIndex } from './expertiseIndex';
import type { ExpertiseResult } from './expertiseScore';
import type { PersonSummary } from './identityResolver';
import { identityKeys } from './identityKeys';
import { ownerIdentities } from './ownerIdentity';
import { commonDirectory, normalizePath } from './paths';
import { formatReason } from './reasonText';
import type { RawIdentity } from './types';

export interface RankingOptions {
  /** Added to the relative expertise (0..1) of a code owner of any touched path. */
  readonly codeOwnerBoost: number;
  /** Open reviews a person can carry before a penalty applies. */
  readonly freeReviews: number;
  readonly penaltyPerExtraReview: number;
  readonly maxLoadPenalty: number;
  /** The window the reason counts commits in. */
  readonly reasonWindowDays: number;
  readonly limit: number;
}

export const defaultRankingOptions: RankingOptions = {
  codeOwnerBoost: 0.3,
  freeReviews: 2,
  penaltyPerExtraReview: 0.1,
  maxLoadPenalty: 0.5,
  reasonWindowDays: 182,
  limit: 10,
};

export interface LoadSignal {
  readonly who: RawIdentity;
  readonly openReviews: number;
}

export interface AvailabilitySignal {
  readonly who: RawIdentity;
  readonly busy: boolean;
  readonly message?: string;
}

export interface RankingRequest {
  readonly index: ExpertiseIndex;
  readonly expertise: ExpertiseResult;
  readonly touchedPaths: readonly string[];
  readonly now: number;
  /** The PR author and the lead: never suggested. */
  readonly exclude?: readonly RawIdentity[];
  readonly load?: readonly LoadSignal[];
  readonly availability?: readonly AvailabilitySignal[];
  /** Owners of the touched paths as CODEOWNERS writes them: "@login", "@org/team", "email". */
  readonly codeOwners?: readonly string[];
  readonly teamMembers?: Readonly<Record<string, readonly string[]>>;
}

export interface ScoreBreakdown {
  /** Review and authorship parts of the expertise, relative to the strongest candidate (sum ≤ 1). */
  readonly review: number;
  readonly authorship: number;
  readonly codeOwner: number;
  /** Subtracted. */
  readonly loadPenalty: number;
}

export interface RankedCandidate {
  readonly person: PersonSummary;
  readonly score: number;
  readonly available: boolean;
  readonly busyMessage?: string;
  readonly openReviews?: number;
  readonly codeOwner: boolean;
  readonly breakdown: ScoreBreakdown;
  readonly evidence?: Evidence;
  readonly reason: string;
}

interface Draft {
  id: string;
  /** Only filled in up front for people known from outside; others are described once they make the cut. */
  person?: PersonSummary;
  review: number;
  authorship: number;
  codeOwner: boolean;
  openReviews?: number;
  busy?: { message?: string };
  score: number;
}

/** A person found in history, or a stand-in for someone only known from outside (a code owner). */
function personFor(index: ExpertiseIndex, who: RawIdentity): PersonSummary | undefined {
  const id = index.identities.lookup(who);
  if (id !== undefined) return index.identities.describe(id);
  const keys = identityKeys(who);
  if (keys.length === 0) return undefined;
  return { id: `ext:${keys[0]}`, name: who.login ?? who.name ?? who.email ?? keys[0], emails: who.email ? [who.email] : [], logins: who.login ? [who.login] : [], keys };
}

export function rankCandidates(request: RankingRequest, options: RankingOptions = defaultRankingOptions): RankedCandidate[] {
  const { index, expertise, now } = request;
  const resolveId = (who: RawIdentity): string | undefined => personFor(index, who)?.id;
  const excluded = new Set((request.exclude ?? []).flatMap((w) => resolveId(w) ?? []));

  const drafts = new Map<string, Draft>();
  for (const e of expertise.people) {
    if (excluded.has(e.personId) || e.total <= 0) continue;
    drafts.set(e.personId, { id: e.personId, review: e.review, authorship: e.authorship, codeOwner: false, score: 0 });
  }
  for (const owner of request.codeOwners ?? []) {
    for (const who of ownerIdentities(owner, request.teamMembers)) {
      const person = personFor(index, who);
      if (!person || excluded.has(person.id)) continue;
      const d = drafts.get(person.id) ?? { id: person.id, person, review: 0, authorship: 0, codeOwner: false, score: 0 };
      d.codeOwner = true;
      drafts.set(person.id, d);
    }
  }
  for (const l of request.load ?? []) {
    const d = drafts.get(resolveId(l.who) ?? '');
    if (d) d.openReviews = l.openReviews;
  }
  for (const a of request.availability ?? []) {
    const d = drafts.get(resolveId(a.who) ?? '');
    if (d && a.busy) d.busy = a.message === undefined ? {} : { message: a.message };
  }

  let max = 0;
  for (const d of drafts.values()) max = Math.max(max, d.review + d.authorship);
  const scale = max > 0 ? 1 / max : 0;
  const breakdowns = new Map<string, ScoreBreakdown>();
  for (const d of drafts.values()) {
    const extra = Math.max(0, (d.openReviews ?? 0) - options.freeReviews);
    const breakdown: ScoreBreakdown = {
      review: d.review * scale,
      authorship: d.authorship * scale,
      codeOwner: d.codeOwner ? options.codeOwnerBoost : 0,
      loadPenalty: Math.min(options.maxLoadPenalty, extra * options.penaltyPerExtraReview),
    };
    d.score = breakdown.review + breakdown.authorship + breakdown.codeOwner - breakdown.loadPenalty;
    breakdowns.set(d.id, breakdown);
  }

  const ordered = [...drafts.values()].sort(
    (x, y) => Number(x.busy !== undefined) - Number(y.busy !== undefined) || y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );

  const files = [...new Set(request.touchedPaths.map(normalizePath))];
  const area = commonDirectory(files);
  return ordered.slice(0, options.limit).map((d) => {
    const evidence = d.id.startsWith('ext:') ? undefined : collectEvidence(index, d.id, files, area, now, options.reasonWindowDays, expertise.similar);
    return {
      person: d.person ?? index.identities.describe(d.id),
      score: d.score,
      available: d.busy === undefined,
      ...(d.busy?.message !== undefined ? { busyMessage: d.busy.message } : {}),
      ...(d.openReviews !== undefined ? { openReviews: d.openReviews } : {}),
      codeOwner: d.codeOwner,
      breakdown: breakdowns.get(d.id) as ScoreBreakdown,
      ...(evidence ? { evidence } : {}),
      reason: formatReason({ evidence, windowDays: options.reasonWindowDays, codeOwner: d.codeOwner, openReviews: d.openReviews, busy: d.busy }),
    };
  });
}
