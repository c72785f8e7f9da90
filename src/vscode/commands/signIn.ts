import { message } from '../../core/inertText';
import { showInfo } from '../ui/notify';
import type { AuthService } from '../auth/authService';
import type { RefreshCoordinator } from '../refreshCoordinator';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

export function signInCommand(auth: Pick<AuthService, 'signIn'>, refresh: Pick<RefreshCoordinator, 'refreshAll'>): LeadDeskCommand {
  return {
    id: CommandId.signIn,
    doing: 'sign in to GitHub',
    async run() {
      const credentials = await auth.signIn();
      if (!credentials) return;
      void showInfo(credentials.account ? message`Lead Desk is signed in to GitHub as ${credentials.account}.` : message`Lead Desk is signed in to GitHub.`);
      void refresh.refreshAll().catch(() => undefined);
    },
  };
}
