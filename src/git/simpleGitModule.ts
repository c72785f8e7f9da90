// simple-git is loaded when git is first needed, not when Lead Desk starts: activation runs no git
// and should not pay for loading it either.
import type * as SimpleGitModule from 'simple-git';

let loading: Promise<typeof SimpleGitModule> | undefined;

export function loadSimpleGit(): Promise<typeof SimpleGitModule> {
  loading ??= import('simple-git');
  return loading;
}
