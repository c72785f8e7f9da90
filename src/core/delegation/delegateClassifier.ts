// "Should I delegate this?" The lead's time goes to changes only they can judge; the rest can
// go to someone else first. A path under keepPaths (security, release, billing…) always stays.

import { translated } from '../inertText';
import type { ExpertiseResult } from './expertiseScore';
import { isDependencyManifest, isDocsPath, isTestPath } from './fileKinds';
import { compileGlob } from './pathGlob';
import { normalizePath } from './paths';

export interface ChangedFile {
  readonly path: string;
  /** Lines added and deleted; leave out when unknown (binary files, or not fetched). */
  readonly additions?: number;
  readonly deletions?: number;
}

export interface DelegateOptions {
  /** gitignore-style globs of paths the lead always reviews personally. */
  readonly keepPaths: readonly string[];
  /** Changes below this many changed lines are small. */
  readonly smallChangeLines: number;
  /** Someone "clearly knows more" when their expertise is at least this multiple of mine… */
  readonly moreExpertRatio: number;
  /** …and at least this share of all expertise on the files (so two near-zeros do not count). */
  readonly moreExpertMinShare: number;
}

export const defaultDelegateOptions: DelegateOptions = { keepPaths: [], smallChangeLines: 20, moreExpertRatio: 2, moreExpertMinShare: 0.15 };

export type DelegateReasonKind = 'docsOnly' | 'testsOnly' | 'dependencyBump' | 'small' | 'othersKnowMore';

export interface DelegateReason {
  readonly kind: DelegateReasonKind;
  readonly text: string;
}

export interface ExpertiseStanding {
  readonly mine: number;
  readonly bestOther?: { readonly name: string; readonly score: number };
}

export interface DelegateDecision {
  readonly delegate: boolean;
  readonly reasons: readonly DelegateReason[];
  /** Paths that matched keepPaths, with the pattern: why the answer is no. */
  readonly kept: ReadonlyArray<{ readonly path: string; readonly pattern: string }>;
}

/** My expertise on the files next to the strongest other person's, from one scoring result. */
export function expertiseStanding(result: ExpertiseResult, myId: string | undefined, exclude: ReadonlySet<string>, nameOf: (personId: string) => string): ExpertiseStanding {
  const mine = myId === undefined ? 0 : (result.people.find((p) => p.personId === myId)?.total ?? 0);
  const best = result.people.find((p) => p.personId !== myId && !exclude.has(p.personId));
  return best ? { mine, bestOther: { name: nameOf(best.personId), score: best.total } } : { mine };
}

/**
 * `changedFiles` is how many files the change touches in all. When `files` is only part of them
 * (GitHub lists the first 100 in a batch), nothing about the rest is known, so the change is never
 * called routine: the files seen being docs, tests or manifests, or few lines, says nothing about
 * the others. Paths under keepPaths among the files seen are still reported.
 */
export function shouldDelegate(files: readonly ChangedFile[], standing: ExpertiseStanding | undefined, options: DelegateOptions = defaultDelegateOptions, changedFiles: number = files.length): DelegateDecision {
  const paths = files.map((f) => normalizePath(f.path));
  const keepMatchers = options.keepPaths.map((pattern) => ({ pattern, matches: compileGlob(pattern) }));
  const kept = paths.flatMap((path) => {
    const hit = keepMatchers.find((k) => k.matches(path));
    return hit ? [{ path, pattern: hit.pattern }] : [];
  });
  const partial = changedFiles > files.length;
  if (kept.length > 0 || paths.length === 0 || partial) return { delegate: false, reasons: [], kept };

  const reasons: DelegateReason[] = [];
  if (paths.every(isDocsPath)) reasons.push({ kind: 'docsOnly', text: translated`only documentation changes` });
  else if (paths.every(isTestPath)) reasons.push({ kind: 'testsOnly', text: translated`only tests change` });
  else if (paths.every(isDependencyManifest)) reasons.push({ kind: 'dependencyBump', text: translated`only dependency manifests and lockfiles change` });

  const counted = files.every((f) => f.additions !== undefined && f.deletions !== undefined);
  if (counted) {
    const lines = files.reduce((n, f) => n + (f.additions ?? 0) + (f.deletions ?? 0), 0);
    if (lines < options.smallChangeLines) reasons.push({ kind: 'small', text: lines === 1 ? translated`small change (1 line)` : translated`small change (${lines} lines)` });
  }

  const best = standing?.bestOther;
  if (standing && best && best.score >= options.moreExpertMinShare && best.score >= options.moreExpertRatio * standing.mine) {
    reasons.push({ kind: 'othersKnowMore', text: translated`${best.name} knows these files better than you` });
  }
  return { delegate: reasons.length > 0, reasons, kept };
}
