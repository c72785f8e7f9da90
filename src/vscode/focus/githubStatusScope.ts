import * as vscode from 'vscode';
import { message } from '../../core/inertText';
import { showInfo } from '../ui/notify';
import { fetchViewer, missingScopes } from '../../github/viewer';
import type { Logger } from '../../core/logger';
import type { AuthService } from '../auth/authService';
import type { ConfigService } from '../config';
import type { GitHubService } from '../github/githubService';
import { CommandId } from '../ids';
import { t } from '../l10n';
import { errorText } from '../../core/errorText';

export interface GitHubStatusScopeDeps {
  readonly auth: Pick<AuthService, 'addScopeRequirement' | 'resolve'>;
  readonly github: Pick<GitHubService, 'client'>;
  readonly config: Pick<ConfigService, 'settings' | 'onDidChange'>;
  readonly log: Logger;
}

const why = message`To show you as Busy on GitHub during focus blocks, Lead Desk changes your GitHub status. GitHub allows that only with the 'user' scope; Lead Desk uses it for nothing else.`;

/**
 * The Busy guard needs the `user` scope. It is requested only while the guard is turned on, and
 * when the user turns it on they are told why and offered a sign-in that grants it.
 */
export function registerGitHubStatusScope(services: GitHubStatusScopeDeps): vscode.Disposable {
  let requirement: vscode.Disposable | undefined;
  const sync = (explain: boolean) => {
    const enabled = services.config.settings.focus.githubStatus.enabled;
    if (enabled && !requirement) {
      requirement = services.auth.addScopeRequirement(() => ['user']);
      if (explain) void explainUserScope(services);
    } else if (!enabled && requirement) {
      requirement.dispose();
      requirement = undefined;
    }
  };
  sync(false);
  const subscription = services.config.onDidChange(() => sync(true));
  return new vscode.Disposable(() => {
    subscription.dispose();
    requirement?.dispose();
  });
}

async function explainUserScope(services: GitHubStatusScopeDeps): Promise<void> {
  // The scope set changed: a VS Code session is matched by its exact scopes, so look again.
  const credentials = await services.auth.resolve();
  let actions: Array<{ title: string; command: string }>;
  if (!credentials) {
    actions = [{ title: t('Sign In to Grant It'), command: CommandId.signIn }, { title: t('Use a Token'), command: CommandId.signInWithToken }];
  } else if (credentials.source === 'session') {
    return;
  } else {
    // The user just turned the guard on, so one request to read the token's scopes is fine.
    try {
      const viewer = await fetchViewer(await services.github.client());
      if (missingScopes(viewer.scopes, ['user']).length === 0) return;
    } catch (err) {
      services.log.debug(`could not check the token's scopes: ${errorText(err)}`);
      return;
    }
    actions = [{ title: t('Use Another Token'), command: CommandId.signInWithToken }];
  }
  const choice = await showInfo(why, ...actions.map((a) => a.title));
  const action = actions.find((a) => a.title === choice);
  if (action) await vscode.commands.executeCommand(action.command);
}
