// The git half of "check out locally", free of the editor API so it is tested on real
// repositories in plain Node. The command decides whether git may run at all (trust, folder).
import { loadSimpleGit } from '../../git/simpleGitModule';

export interface CheckoutResult {
  readonly branch: string;
  /** True when the branch already existed and was moved forward to the pull request's head. */
  readonly updated: boolean;
}

/**
 * Fetches `pull/N/head` (which also works for pull requests from forks) into the local branch
 * `pr/N` and checks it out. An existing `pr/N` only moves by fast-forward, so local commits on it
 * are never thrown away; git's refusal then surfaces as the error.
 */
/** `source` is a remote's name or a repository URL. */
export async function checkOutPullRequestBranch(folder: string, source: string, number: number, timeoutMs = 120_000): Promise<CheckoutResult> {
  const { simpleGit } = await loadSimpleGit();
  const git = simpleGit({ baseDir: folder, timeout: { block: timeoutMs } });
  const branch = `pr/${number}`;
  const local = await git.branchLocal();
  if (local.current === branch) {
    await git.pull(source, `pull/${number}/head`, ['--ff-only']);
    return { branch, updated: true };
  }
  await git.fetch(source, `pull/${number}/head:${branch}`);
  await git.checkout(branch);
  return { branch, updated: local.all.includes(branch) };
}
