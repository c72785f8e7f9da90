// How long a review took. GitHub does not record time spent, but a review started with a pending
// comment is created then and submitted later, so for those the span from its creation to its
// submission is what the lead spent on it (capped: a review left pending overnight was not
// worked on all night). A review submitted in one step (an approval without comments) has no
// such span, and counts as a fixed estimate.

/** What a review with no span of its own counts as. */
export const reviewEstimateMs = 15 * 60_000;
/** The longest a span counts for: beyond this the review was left pending, not worked on. */
export const reviewCapMs = 2 * 60 * 60_000;
/** A shorter span is a one-step review whose creation and submission GitHub stamped apart. */
export const reviewSpanMinMs = 60_000;

export interface ReviewDuration {
  readonly ms: number;
  /** True when GitHub's timestamps gave it; false for the fixed estimate. */
  readonly timed: boolean;
}

/** The time a review counts for, from the span GitHub gave (0 or undefined: none). */
export function reviewDuration(spanMs: number | undefined): ReviewDuration {
  if (spanMs === undefined || !(spanMs >= reviewSpanMinMs)) return { ms: reviewEstimateMs, timed: false };
  return { ms: Math.min(spanMs, reviewCapMs), timed: true };
}

/** The span from a review's creation (its first pending comment) to its submission, or 0 without one. */
export function reviewSpan(createdAt: number, submittedAt: number): number {
  const span = submittedAt - createdAt;
  return Number.isFinite(span) && span >= reviewSpanMinMs ? span : 0;
}
