// The message that goes with a handoff: short, names the person and the code they know, and reads
// the same whether it is pasted into chat or posted on the pull request.
// Not translated: the message is posted for the teammate who takes the review.

import { escapeFor, oneLine } from '../inertText';
import { commonDirectory, normalizePath } from './paths';
import { defaultHandoffTemplate } from './delegationSettings';

export interface HandoffMessageParts {
  /** GitHub login, when known; without it the person is addressed by name. */
  readonly login?: string;
  readonly name: string;
  /** What they know best, e.g. `src/unix/` (see `handoffArea`). */
  readonly area: string;
  readonly template?: string;
}

/** The place to name: the directory the files share, the single file itself, or "this code". */
export function handoffArea(paths: readonly string[]): string {
  const files = [...new Set(paths.map(normalizePath).filter((p) => p !== ''))];
  if (files.length === 0) return 'this code';
  if (files.length === 1) return files[0];
  const dir = commonDirectory(files);
  return dir === '' ? 'these files' : dir;
}

// A GitHub login: letters, digits and single hyphens. Anything else is not a login, and putting it
// after "@" could address or format something else.
const loginShape = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** The message as plain text, for the clipboard and chat. */
export function formatHandoffMessage(parts: HandoffMessageParts): string {
  return renderHandoff(parts, oneLine);
}

/**
 * The message as a GitHub comment posted under the lead's name. Names and paths come from git and
 * GitHub, so each is escaped: it cannot mention anyone, link, add an image or HTML, or format. Only
 * the template's own "@{login}" mentions, and only with a login of the right shape.
 */
export function formatHandoffComment(parts: HandoffMessageParts): string {
  return renderHandoff(parts, (text) => escapeFor('comment', text));
}

function renderHandoff(parts: HandoffMessageParts, escape: (text: string) => string): string {
  const template = parts.template && parts.template.trim() !== '' ? parts.template : defaultHandoffTemplate;
  const login = parts.login !== undefined && loginShape.test(parts.login) ? parts.login : undefined;
  const name = oneLine(parts.name).trim();
  const firstName = name.split(' ')[0] || name;
  const values: Record<string, string> = {
    login: login ?? escape(firstName),
    name: escape(name),
    area: escape(parts.area),
  };
  let text = template.replace(/\{(login|name|area)\}/g, (_m, key: string) => values[key]);
  // "@{login}" with no login would address nobody on GitHub; fall back to plain text.
  if (!login) text = text.replace(new RegExp(`@${escapeRegExp(values.login)}(?![A-Za-z0-9-])`, 'g'), values.login);
  return text.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
