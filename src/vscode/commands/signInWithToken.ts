import * as vscode from 'vscode';
import { message, pick } from '../../core/inertText';
import { t } from '../l10n';
import { notify } from '../ui/notify';
import { fetchViewer, missingScopes } from '../../github/viewer';
import { scopedLogger } from '../../core/logger';
import type { AuthService } from '../auth/authService';
import type { LeadDeskLog } from '../log';
import type { RefreshCoordinator } from '../refreshCoordinator';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

/**
 * Asks for a personal access token, checks it against GitHub, then keeps it in SecretStorage.
 * It takes no arguments on purpose: a command link in a notification or a Markdown page can pass
 * any argument, and a token passed that way would sign the lead in as someone else.
 */
export function signInWithTokenCommand(
  auth: Pick<AuthService, 'signInEndpoints' | 'requiredScopes' | 'storeToken'>,
  log: LeadDeskLog,
  refresh: Pick<RefreshCoordinator, 'refreshAll'>,
): LeadDeskCommand {
  return {
    id: CommandId.signInWithToken,
    doing: 'sign in with a token',
    async run(...ignored: unknown[]) {
      if (ignored.some((a) => a !== undefined)) log.warn('sign in with a token: ignored the arguments passed to the command; the token is always typed by you.');
      const endpoints = auth.signInEndpoints();
      const needed = auth.requiredScopes();
      const token = await vscode.window.showInputBox({
        title: t('Lead Desk: Sign In with a Personal Access Token'),
        prompt: pick`A token for ${endpoints.webUrl} with the scopes ${needed.join(', ')}. It is kept in VS Code's secret storage.`.value,
        password: true,
        ignoreFocusOut: true,
        placeHolder: t('ghp_… or github_pat_…'),
        validateInput: (value) => (/\s/.test(value.trim()) || value.trim().length < 20 ? t('That does not look like a GitHub token.') : undefined),
      });
      if (!token) return;
      const forget = log.addSecret(token.trim());
      try {
        const { createGitHubClient } = await import('../../github/client');
        const client = createGitHubClient({ endpoints, token: token.trim(), log: scopedLogger(log, 'github') });
        const viewer = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: t('Checking the token with GitHub…') },
          () => fetchViewer(client),
        );
        await auth.storeToken(token.trim());
        const missing = missingScopes(viewer.scopes, needed);
        log.info(`token accepted for ${viewer.login}; scopes: ${viewer.scopes.join(', ') || '(fine-grained)'}`);
        void notify(missing.length ? 'warning' : 'info', missing.length ? message`Lead Desk is signed in to GitHub as ${viewer.login}. It lacks the scopes ${missing.join(', ')}, so some features will not work.` : message`Lead Desk is signed in to GitHub as ${viewer.login}.`, {});
        void refresh.refreshAll().catch(() => undefined);
      } finally {
        // The stored token is registered again by the auth service; this one only covered the check.
        forget();
      }
    },
  };
}
