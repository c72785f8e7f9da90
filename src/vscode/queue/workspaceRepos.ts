import * as vscode from 'vscode';
import { loadSimpleGit } from '../../git/simpleGitModule';
import type { Logger } from '../../core/logger';
import { parseGitHubRemote, remoteHosts, type RepoName } from '../../core/queue/remotes';
import { errorText } from '../../core/errorText';

export interface FolderRemote extends RepoName {
  readonly folder: vscode.WorkspaceFolder;
  /** The git remote's name, e.g. "origin". */
  readonly remote: string;
  /** Its fetch URL. */
  readonly url: string;
}

/**
 * The GitHub repositories of the open workspace folders, read from their git remotes. Git runs
 * only in a trusted workspace (a repository's config can run programs), only when asked, with a
 * timeout, and the answer is kept until the folders or the trust change.
 */
export class WorkspaceRepos implements vscode.Disposable {
  private cached: Promise<FolderRemote[]> | undefined;
  private readonly disposables: vscode.Disposable[];
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the folders or the trust changed, so the answer may differ. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly log: Logger,
    private readonly webUrl: () => string,
  ) {
    const invalidate = () => {
      this.cached = undefined;
      this.emitter.fire();
    };
    this.disposables = [this.emitter, vscode.workspace.onDidChangeWorkspaceFolders(invalidate), vscode.workspace.onDidGrantWorkspaceTrust(invalidate)];
  }

  /** Every folder remote that points at GitHub; empty in an untrusted or folder-less workspace. */
  remotes(): Promise<FolderRemote[]> {
    if (!vscode.workspace.isTrusted) return Promise.resolve([]);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) return Promise.resolve([]);
    this.cached ??= this.read(folders);
    return this.cached;
  }

  /** "owner/repo" for the Stale group's search. */
  async repoNames(): Promise<string[]> {
    return [...new Set((await this.remotes()).map((r) => `${r.owner}/${r.repo}`))];
  }

  private async read(folders: readonly vscode.WorkspaceFolder[]): Promise<FolderRemote[]> {
    const hosts = remoteHosts(this.webUrl());
    const found: FolderRemote[] = [];
    // One folder at a time: a multi-root workspace must not start a burst of git processes.
    for (const folder of folders) {
      if (folder.uri.scheme !== 'file') continue;
      try {
        const { simpleGit } = await loadSimpleGit();
        const remotes = await simpleGit({ baseDir: folder.uri.fsPath, timeout: { block: 10_000 } }).getRemotes(true);
        for (const remote of remotes) {
          const url = remote.refs.fetch || remote.refs.push;
          const repo = parseGitHubRemote(url, hosts);
          if (repo) found.push({ ...repo, folder, remote: remote.name, url });
        }
      } catch (err) {
        // Not a git repository, or git is missing: that folder simply adds no repository.
        this.log.debug(`no git remotes for ${folder.name}: ${errorText(err)}`);
      }
    }
    return found;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
