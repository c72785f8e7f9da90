// Facts about a repository the delegation index depends on: where it is, which commit HEAD is,
// whether history is cut short (shallow clone), and its .mailmap for trailer identities.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitReadError, NotAGitRepositoryError } from './gitErrors';
import type { GitSession } from './gitSession';

export interface RepositoryInfo {
  /** Top of the work tree (or the git dir of a bare repository). */
  readonly root: string;
  /** undefined in a repository with no commits yet. */
  readonly headSha: string | undefined;
  /** A shallow clone has only part of the history, so expertise from it is partial. */
  readonly shallow: boolean;
}

export async function inspectRepository(session: GitSession): Promise<RepositoryInfo> {
  // The usual case, a work tree, takes one rev-parse for its top, its depth and HEAD's commit
  // (which --quiet leaves out, with a silent exit status 1, when there are no commits yet): every
  // git process before the history read delays the first answer. Anything else (a bare
  // repository, which has no top level, or no repository at all) is told apart below. It runs
  // beside the session's queue, so it does not wait for simple-git to load either.
  const inTree = await session.collect(['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'], { quietExitIsOutput: true }).output.then(
    (out) => out.toString('utf8').split('\n'),
    unlessUnreadable(undefined),
  );
  if (inTree) return { root: inTree[0].trim(), headSha: noteCommit(session, inTree[2]?.trim() ?? ''), shallow: inTree[1].trim() === 'true' };
  // Outside any repository rev-parse fails; in a work tree, HEAD^{commit} above would have answered.
  const bare = await session.run(['rev-parse', '--is-bare-repository']).then(
    (out) => out.trim() === 'true',
    unlessUnreadable(false),
  );
  if (!bare) throw new NotAGitRepositoryError(session.dir);
  const [rootLine, shallowLine] = (await session.run(['rev-parse', '--absolute-git-dir', '--is-shallow-repository'])).split('\n');
  return { root: rootLine.trim(), headSha: await resolveCommit(session, 'HEAD'), shallow: shallowLine.trim() === 'true' };
}

/**
 * For a git check whose failure is an answer ("not here"): `answer` unless git could not read the
 * repository at all, which is thrown on.
 */
function unlessUnreadable<T>(answer: T): (err: unknown) => T {
  return (err) => {
    if (GitReadError.is(err)) throw err;
    return answer;
  };
}

const FULL_SHA = /^[0-9a-f]{40,64}$/;

// Commits a session has already seen. An object name never changes what it names, so a full sha
// checked once needs no second `rev-parse`; an update otherwise checks HEAD's sha and its base two
// or three times over (ancestry, then the read's tip and start).
const knownCommits = new WeakMap<GitSession, Set<string>>();

function known(session: GitSession): Set<string> {
  let set = knownCommits.get(session);
  if (!set) knownCommits.set(session, (set = new Set()));
  return set;
}

/** The full sha of a revision, or undefined when it does not name a commit here. */
export async function resolveCommit(session: GitSession, revision: string): Promise<string | undefined> {
  if (known(session).has(revision)) return revision;
  // --end-of-options keeps a revision that starts with "-" from being read as an option.
  return noteCommit(session, (await session.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).trim());
}

/** What rev-parse printed for a commit, if it is a full sha: the session then knows that commit. */
function noteCommit(session: GitSession, printed: string): string | undefined {
  if (!FULL_SHA.test(printed)) return undefined;
  known(session).add(printed);
  return printed;
}

/** Whether `ancestor` is reachable from `descendant`, i.e. history was only added to, not rewritten. */
export async function isAncestor(session: GitSession, ancestor: string, descendant: string): Promise<boolean> {
  // simple-git treats `merge-base --is-ancestor`'s silent exit status 1 as success, so compare the merge base instead.
  const a = await resolveCommit(session, ancestor);
  const d = await resolveCommit(session, descendant);
  if (a === undefined || d === undefined) return false;
  const base = (await session.run(['merge-base', a, d])).trim();
  return base === a;
}

/** The repository's .mailmap, or '' when it has none. */
export async function readMailmap(root: string): Promise<string> {
  try {
    return await readFile(join(root, '.mailmap'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return '';
    throw err;
  }
}
