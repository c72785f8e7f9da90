import * as vscode from 'vscode';
import { message } from '../../core/inertText';
import { showWarning } from '../ui/notify';
import { fetchViewer, missingScopes } from '../../github/viewer';
import type { Logger } from '../../core/logger';
import type { GitHubService } from '../github/githubService';
import { CommandId } from '../ids';
import type { RefreshCoordinator } from '../refreshCoordinator';
import type { AuthService } from './authService';

export interface AccountRefresherDeps {
  readonly auth: Pick<AuthService, 'requiredScopes' | 'credentials' | 'scopesToldAtSignIn'>;
  readonly github: Pick<GitHubService, 'client'>;
  readonly refresh: Pick<RefreshCoordinator, 'register'>;
  readonly log: Logger;
}

/**
 * On refresh, checks who the credentials belong to and warns once per account when scopes are
 * missing, so a feature failing later is not the first sign of it.
 */
export function registerAccountRefresher({ auth, github, log, refresh }: AccountRefresherDeps): vscode.Disposable {
  const warned = new Set<string>();
  return refresh.register('account', async () => {
    const viewer = await fetchViewer(await github.client());
    const missing = missingScopes(viewer.scopes, auth.requiredScopes());
    log.info(`GitHub account ${viewer.login}; scopes: ${viewer.scopes.join(', ') || '(fine-grained token)'}`);
    const key = `${viewer.login}:${missing.join(',')}`;
    if (missing.length === 0 || warned.has(key)) return;
    warned.add(key);
    const token = auth.credentials?.token;
    if (token && auth.scopesToldAtSignIn(token)) return;
    const choice = await showWarning(
      message`Your GitHub sign-in (${viewer.login}) lacks the scopes ${missing.join(', ')}. Some Lead Desk features will not work until you sign in again with them.`,
      'Sign In',
      'Use a Token',
    );
    if (choice) void vscode.commands.executeCommand(choice === 'Sign In' ? CommandId.signIn : CommandId.signInWithToken);
  });
}
