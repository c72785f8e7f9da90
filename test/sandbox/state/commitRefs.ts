// Resolves a commit reference (sha, unique 7+ char prefix, branch, HEAD) within one
// repository, remembering which pull request the commit belongs to (for its CI state).
import type { CommitRecord, PullRecord, RepoRecord, SandboxState } from './records';

export interface CommitHit {
  commit: CommitRecord;
  pull?: PullRecord;
}

export function repoCommits(state: SandboxState, repo: RepoRecord): CommitHit[] {
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  const fromPulls = state.pulls.filter((p) => p.repo.toLowerCase() === key).flatMap((pull) => pull.commits.map((commit) => ({ commit, pull })));
  return [...repo.commits.map((commit) => ({ commit })), ...fromPulls];
}

export function resolveCommitRef(state: SandboxState, repo: RepoRecord, ref: string): CommitHit | undefined {
  const all = repoCommits(state, repo);
  if (/^[0-9a-f]{7,40}$/i.test(ref)) {
    const hit = all.find((c) => c.commit.sha.toLowerCase().startsWith(ref.toLowerCase()));
    if (hit) return hit;
  }
  const branch = ref.replace(/^refs\/heads\//, '');
  const key = `${repo.owner}/${repo.name}`.toLowerCase();
  const pull = state.pulls.find((p) => p.repo.toLowerCase() === key && p.headRef === branch);
  if (pull) return { commit: pull.commits[pull.commits.length - 1], pull };
  if (branch === repo.defaultBranch || branch === 'HEAD') return [...all].sort((a, b) => b.commit.date.localeCompare(a.commit.date))[0];
  return undefined;
}
