// A CODEOWNERS file: each line is a pattern and its owners; for a path, the LAST matching line
// decides, and a matching line with no owners means "nobody owns this".

import { translated } from '../inertText';
import { compileGlob } from './pathGlob';
import type { PathMatcher } from './pathGlob';

export interface CodeOwnersRule {
  readonly pattern: string;
  readonly owners: readonly string[];
  /** 1-based, for messages that point at the file. */
  readonly line: number;
  readonly matches: PathMatcher;
}

export interface CodeOwnersProblem {
  readonly line: number;
  readonly message: string;
}

export interface CodeOwners {
  readonly rules: readonly CodeOwnersRule[];
  readonly problems: readonly CodeOwnersProblem[];
}

const OWNER = /^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+)$/;

/** The places GitHub looks, in its order of preference. */
export const CODEOWNERS_LOCATIONS: readonly string[] = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export function parseCodeowners(text: string): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const problems: CodeOwnersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    // Split on unescaped whitespace; "\ " keeps a space inside a pattern.
    const tokens = trimmed.match(/(?:\\.|[^\s\\])+/g) ?? [];
    const commentAt = tokens.findIndex((t, j) => j > 0 && t.startsWith('#'));
    const parts = commentAt < 0 ? tokens : tokens.slice(0, commentAt);
    const pattern = parts[0].replace(/\\ /g, ' ');
    if (pattern.startsWith('!')) {
      problems.push({ line, message: translated`Negated pattern "${pattern}" is not supported by GitHub; line ignored.` });
      return;
    }
    const owners: string[] = [];
    for (const o of parts.slice(1)) {
      if (OWNER.test(o)) owners.push(o);
      else problems.push({ line, message: translated`"${o}" is not a @user, @org/team or email.` });
    }
    rules.push({ pattern, owners, line, matches: compileGlob(pattern) });
  });
  return { rules, problems };
}

/** The rule that decides a path, or undefined when no rule matches. */
export function ruleFor(codeowners: CodeOwners, path: string): CodeOwnersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) if (codeowners.rules[i].matches(path)) return codeowners.rules[i];
  return undefined;
}

export function ownersOf(codeowners: CodeOwners, path: string): readonly string[] {
  return ruleFor(codeowners, path)?.owners ?? [];
}

/** Everyone who owns at least one of the paths, each once, in first-seen order. */
export function ownersOfPaths(codeowners: CodeOwners, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) for (const o of ownersOf(codeowners, p)) if (!out.includes(o)) out.push(o);
  return out;
}
