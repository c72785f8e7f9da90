// The nudge comment, posted under the lead's name. The template is the lead's own words (a
// restricted, application-scoped setting); everything filled into it comes from GitHub and is
// escaped for the comment surface, so a title cannot mention, link or format anything. Only the
// reviewers the pull request already asks are mentioned, and only by well-formed logins.
// Not translated: the comment is posted for the reviewers.
import { escapeFor, oneLine } from '../inertText';
import type { Reviewer } from '../queue/queueTypes';

export const defaultNudgeTemplate = 'Hi {reviewers}, a gentle nudge: this pull request has been waiting {waiting} for review. Could you take a look when you have a moment? Thank you!';

/** The placeholders, for the setting's description and for the check below. */
export const nudgePlaceholders = ['reviewers', 'waiting', 'title'] as const;

const loginShape = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const slugShape = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function mention(r: Reviewer): string | undefined {
  if (r.kind === 'user') return loginShape.test(r.login) ? `@${r.login}` : undefined;
  return r.org && loginShape.test(r.org) && slugShape.test(r.slug) ? `@${r.org}/${r.slug}` : undefined;
}

export interface NudgeCommentParts {
  readonly template?: string;
  readonly reviewers: readonly Reviewer[];
  /** "2 d 3 h" of working time. */
  readonly waiting: string;
  readonly title: string;
}

export function formatNudgeComment(parts: NudgeCommentParts): string {
  const template = parts.template && parts.template.trim() !== '' ? parts.template : defaultNudgeTemplate;
  const mentions = parts.reviewers.map(mention).filter((m): m is string => m !== undefined);
  const values: Record<(typeof nudgePlaceholders)[number], string> = {
    reviewers: mentions.length > 0 ? mentions.join(', ') : 'reviewers',
    waiting: escapeFor('comment', oneLine(parts.waiting)),
    title: escapeFor('comment', oneLine(parts.title)),
  };
  return template.replace(/\{(reviewers|waiting|title)\}/g, (_m, key: keyof typeof values) => values[key]).trim();
}
