import * as vscode from 'vscode';
import { fetchViewer, missingScopes } from '../../github/viewer';
import { scopedLogger } from '../../core/logger';
import type { Services } from '../services';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

/** Asks for a personal access token, checks it against GitHub, then keeps it in SecretStorage. */
export function signInWithTokenCommand({ auth, log, refresh }: Services): LeadDeskCommand {
  return {
    id: CommandId.signInWithToken,
    doing: 'sign in with a token',
    async run(tokenArg?: unknown) {
      const endpoints = auth.endpoints();
      const needed = auth.requiredScopes();
      const token = typeof tokenArg === 'string' && tokenArg ? tokenArg : await vscode.window.showInputBox({
        title: 'Lead Desk: Sign In with a Personal Access Token',
        prompt: `A token for ${endpoints.webUrl} with the scopes ${needed.join(', ')}. It is kept in VS Code's secret storage.`,
        password: true,
        ignoreFocusOut: true,
        placeHolder: 'ghp_… or github_pat_…',
        validateInput: (value) => (/\s/.test(value.trim()) || value.trim().length < 20 ? 'That does not look like a GitHub token.' : undefined),
      });
      if (!token) return;
      const forget = log.addSecret(token.trim());
      try {
        const { createGitHubClient } = await import('../../github/client');
        const client = createGitHubClient({ endpoints, token: token.trim(), log: scopedLogger(log, 'github') });
        const viewer = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Checking the token with GitHub…' },
          () => fetchViewer(client),
        );
        await auth.storeToken(token.trim());
        const missing = missingScopes(viewer.scopes, needed);
        const note = missing.length ? ` It lacks the scopes ${missing.join(', ')}, so some features will not work.` : '';
        log.info(`token accepted for ${viewer.login}; scopes: ${viewer.scopes.join(', ') || '(fine-grained)'}`);
        void vscode.window[missing.length ? 'showWarningMessage' : 'showInformationMessage'](`Lead Desk is signed in to GitHub as ${viewer.login}.${note}`);
        void refresh.refreshAll().catch(() => undefined);
      } finally {
        // The stored token is registered again by the auth service; this one only covered the check.
        forget();
      }
    },
  };
}
