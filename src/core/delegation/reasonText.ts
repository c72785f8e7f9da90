// One line a person can check: counts and places, never scores.

import { monthName } from '../dateWords';
import { translated } from '../inertText';
import type { Evidence } from './evidence';


export function windowLabel(days: number): string {
  if (days >= 360) {
    const y = Math.round(days / 365);
    return y === 1 ? translated`year` : translated`${y} years`;
  }
  if (days >= 28) {
    const m = Math.round(days / 30.44);
    return m === 1 ? translated`month` : translated`${m} months`;
  }
  return days === 1 ? translated`day` : translated`${days} days`;
}

/** UTC, so the same index reads the same everywhere. */
function monthYear(time: number): string {
  const d = new Date(time);
  return `${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}`;
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
    const where = e.area === '' ? translated`these files` : e.area;
    const inWhere = e.area === '' ? translated`on these files` : translated`in ${e.area}`;
    if (e.recentCommits > 0) {
      const commits = `${e.recentCommits}${e.recentCommitsCapped ? '+' : ''}`;
      const window = windowLabel(parts.windowDays);
      out.push(e.recentCommits === 1 ? translated`${commits} commit ${inWhere} in the last ${window}` : translated`${commits} commits ${inWhere} in the last ${window}`);
    } else if (e.lastCommit !== undefined) {
      out.push(translated`last committed to ${where} in ${monthYear(e.lastCommit)}`);
    }
    const more = e.reviewsCapped ? '+' : '';
    if (e.reviewsOnFiles > 0) out.push(e.reviewsOnFiles === 1 && !more ? translated`reviewed ${e.reviewsOnFiles} change on these files` : translated`reviewed ${e.reviewsOnFiles}${more} changes on these files`);
    else if (e.reviewsInArea > 0) out.push(e.reviewsInArea === 1 && !more ? translated`reviewed ${e.reviewsInArea} change in ${e.area}` : translated`reviewed ${e.reviewsInArea}${more} changes in ${e.area}`);
    if (out.length === 0 && e.similarFile) out.push(translated`worked on similar files such as ${e.similarFile}`);
  }
  if (parts.codeOwner) out.push(translated`code owner`);
  if (out.length === 0) out.push(translated`active reviewer in this repository`);
  if (parts.openReviews !== undefined) out.push(parts.openReviews === 0 ? translated`no open reviews` : parts.openReviews === 1 ? translated`${parts.openReviews} open review` : translated`${parts.openReviews} open reviews`);
  if (parts.busy) out.push(parts.busy.message ? translated`busy: ${parts.busy.message}` : translated`busy`);
  return out.join(' · ');
}
