import * as vscode from 'vscode';
import type { PullRequestRef } from '../../core/pullRequestRef';
import { t } from '../l10n';

/** The GitHub Pull Requests extension, which reviews a pull request inside the editor. */
export const pullRequestExtensionId = 'GitHub.vscode-pull-request-github';

/** Where a pull request was opened: in that extension, or in the browser. */
export interface OpenedForReview {
  readonly tool: 'pullRequestExtension' | 'browser';
  /** The address that was opened: the extension's URI, or the pull request's web page. */
  readonly target: string;
}

/**
 * What opening needs from the editor, apart so that a test can run the real command with a
 * recording `openExternal` instead of a browser tab.
 */
export interface ReviewToolHost {
  readonly hasPullRequestExtension: () => boolean;
  /** The editor's own URI scheme (`vscode`, `vscode-insiders`, `code-oss`…), which routes to extensions' URI handlers. */
  readonly uriScheme: () => string;
  /**
   * Hands one of the editor's own URIs to its URL service, which passes it to the owning
   * extension's handler. `vscode.open` does that in the desktop and the web workbench alike;
   * `env.openExternal` does not in the web, where it sends the URI to the operating system's
   * desktop app instead of the extension running in this very window.
   */
  readonly openInEditor: (uri: vscode.Uri) => Thenable<unknown>;
  readonly openExternal: (uri: vscode.Uri) => Thenable<boolean>;
}

export const editorReviewToolHost: ReviewToolHost = {
  hasPullRequestExtension: () => vscode.extensions.getExtension(pullRequestExtensionId) !== undefined,
  uriScheme: () => vscode.env.uriScheme,
  openInEditor: (uri) => vscode.commands.executeCommand('vscode.open', uri),
  openExternal: (uri) => vscode.env.openExternal(uri),
};

/**
 * Opens the pull request where it can be reviewed: in the GitHub Pull Requests extension when it
 * is installed, through the URI its handler documents (`/open-pull-request-webview?uri=…`), else
 * on the web. The address always comes from the queue's record (or what the user pasted), never
 * from a command argument.
 */
export function openForReview(pr: PullRequestRef, host: ReviewToolHost = editorReviewToolHost): OpenedForReview {
  if (!/^https?:\/\//.test(pr.url)) throw new Error(t('{0}/{1}#{2} has no web address.', pr.owner, pr.repo, pr.number));
  if (host.hasPullRequestExtension()) {
    const target = `${host.uriScheme()}://${pullRequestExtensionId.toLowerCase()}/open-pull-request-webview?uri=${encodeURIComponent(pr.url)}`;
    // Uri.parse would decode the query once more; build it from parts so the address stays encoded.
    open(host.openInEditor(vscode.Uri.from({ scheme: host.uriScheme(), authority: pullRequestExtensionId.toLowerCase(), path: '/open-pull-request-webview', query: `uri=${encodeURIComponent(pr.url)}` })));
    return { tool: 'pullRequestExtension', target };
  }
  open(host.openExternal(vscode.Uri.parse(pr.url)));
  return { tool: 'browser', target: pr.url };
}

/**
 * Not awaited: the editor may first ask the lead whether to open an outside address, and the
 * command (a review block starting, say) must not wait on that answer.
 */
function open(opening: Thenable<unknown>): void {
  void Promise.resolve(opening).catch(() => undefined);
}
