import * as vscode from 'vscode';
import path from 'node:path';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';

/** What the Delegation view is about: a pull request from the queue, or a file in the editor. */
export type DelegationSubject =
  | { readonly kind: 'pullRequest'; readonly pull: PullRequestRef }
  | { readonly kind: 'file'; readonly uri: vscode.Uri };

/** A stable key, for tree ids and for telling an old answer from the current one. */
export function subjectKey(subject: DelegationSubject): string {
  return subject.kind === 'pullRequest' ? `pr:${pullRequestKey(subject.pull)}` : `file:${subject.uri.toString()}`;
}

/** Short, for the view's description: "#123" or "fs.c". */
export function subjectShortLabel(subject: DelegationSubject): string {
  return subject.kind === 'pullRequest' ? `#${subject.pull.number}` : path.basename(subject.uri.fsPath);
}

/** Longer, for sentences: "acme/api#123 “Fix retries”" or "src/unix/fs.c". */
export function subjectLabel(subject: DelegationSubject): string {
  if (subject.kind === 'pullRequest') {
    const { owner, repo, number, title } = subject.pull;
    const fallback = `${owner}/${repo}#${number}`;
    return title && title !== fallback ? `${fallback} “${title}”` : fallback;
  }
  return vscode.workspace.asRelativePath(subject.uri, true);
}
