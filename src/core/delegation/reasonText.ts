// One line a person can check: counts and places, never scores.

import type { Evidence } from './evidence';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function windowLabel(days: number): string {
  if (days >= 360) {
    const y = Math.round(days / 365);
    return y === 1 ? 'year' : `${y} years`;
  }
  if (days >= 28) {
    const m = Math.round(days / 30.44);
    return m === 1 ? 'month' : `${m} months`;
  }
  return days === 1 ? 'day' : `${days} days`;
}

/** UTC, so the same index reads the same everywhere. */
function monthYear(time: number): string {
  const d = new Date(time);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface ReasonParts {
  readonly evidence?: Evidence;
  readonly windowDays: number;
  readonly codeOwner: boolean;
  readonly openReviews?: number;
  readonly busy?: { readonly message?: string };
}

export function formatReason(parts: ReasonParts): string {
  const out: string[] = [];
  const e = parts.evidence;
  if (e) {
    const where = e.area === '' ? 'these files' : e.area;
    const inWhere = e.area === '' ? 'on these files' : `in ${e.area}`;
    if (e.recentCommits > 0) {
      out.push(`${e.recentCommits}${e.recentCommitsCapped ? '+' : ''} ${e.recentCommits === 1 ? 'commit' : 'commits'} ${inWhere} in the last ${windowLabel(parts.windowDays)}`);
    } else if (e.lastCommit !== undefined) {
      out.push(`last committed to ${where} in ${monthYear(e.lastCommit)}`);
    }
    const more = e.reviewsCapped ? '+' : '';
    if (e.reviewsOnFiles > 0) out.push(`reviewed ${e.reviewsOnFiles}${more} ${e.reviewsOnFiles === 1 && !more ? 'change' : 'changes'} on these files`);
    else if (e.reviewsInArea > 0) out.push(`reviewed ${e.reviewsInArea}${more} ${e.reviewsInArea === 1 && !more ? 'change' : 'changes'} in ${e.area}`);
    if (out.length === 0 && e.similarFile) out.push(`worked on similar files such as ${e.similarFile}`);
  }
  if (parts.codeOwner) out.push('code owner');
  if (out.length === 0) out.push('active reviewer in this repository');
  if (parts.openReviews !== undefined) out.push(parts.openReviews === 0 ? 'no open reviews' : plural(parts.openReviews, 'open review'));
  if (parts.busy) out.push(parts.busy.message ? `busy: ${parts.busy.message}` : 'busy');
  return out.join(' · ');
}
