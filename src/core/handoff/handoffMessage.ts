// The message that goes with a handoff: short, names the person and the code they know, and reads
// the same whether it is pasted into chat or posted on the pull request.

import { commonDirectory, normalizePath } from '../delegation/paths';
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

export function formatHandoffMessage(parts: HandoffMessageParts): string {
  const template = parts.template && parts.template.trim() !== '' ? parts.template : defaultHandoffTemplate;
  const firstName = parts.name.trim().split(/\s+/)[0] || parts.name;
  const values: Record<string, string> = {
    login: parts.login ?? firstName,
    name: parts.name,
    area: parts.area,
  };
  let text = template.replace(/\{(login|name|area)\}/g, (_m, key: string) => values[key]);
  // "@{login}" with no login would address nobody on GitHub; fall back to plain text.
  if (!parts.login) text = text.replace(new RegExp(`@${escapeRegExp(firstName)}\\b`, 'g'), firstName);
  return text.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
