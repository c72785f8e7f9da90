import * as vscode from 'vscode';
import type { GitHubClient } from '../../github/client';
import { scopedLogger, type Logger } from '../../core/logger';
import type { AuthService } from '../auth/authService';

/**
 * Hands out one GitHub client for the current credentials and API root, and builds a new one only
 * when they change. Nothing here talks to GitHub until a feature asks for the client.
 */
export class GitHubService implements vscode.Disposable {
  private cached: { key: string; client: GitHubClient } | undefined;
  private readonly subscription: vscode.Disposable;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when the account or API root changes, so models drop data that belongs to the old one. */
  readonly onDidChangeAccount = this.emitter.event;

  constructor(
    private readonly auth: AuthService,
    private readonly log: Logger,
    private readonly userAgent: string,
  ) {
    this.subscription = auth.onDidChange(() => {
      this.cached = undefined;
      this.emitter.fire();
    });
  }

  /** The client for the signed-in account; throws NotSignedInError when there is none. */
  async client(): Promise<GitHubClient> {
    const credentials = await this.auth.require();
    const key = `${credentials.endpoints.apiUrl}\n${credentials.token}`;
    if (this.cached?.key !== key) {
      // Octokit is loaded with the first client, not when Lead Desk starts.
      const { createGitHubClient } = await import('../../github/client');
      // A concurrent call may have built the same client while the module loaded; keep that one.
      if (this.cached?.key !== key) {
        this.cached = {
          key,
          client: createGitHubClient({
            endpoints: credentials.endpoints,
            token: credentials.token,
            log: scopedLogger(this.log, 'github'),
            userAgent: this.userAgent,
          }),
        };
      }
    }
    return this.cached.client;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
