import { message } from '../../core/inertText';
import { showInfo } from '../ui/notify';
import type { AuthService } from '../auth/authService';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

export function signOutCommand(auth: Pick<AuthService, 'credentials' | 'signOut'>): LeadDeskCommand {
  return {
    id: CommandId.signOut,
    doing: 'sign out',
    async run() {
      const source = auth.credentials?.source;
      await auth.signOut();
      const extra = source === 'session' ? message` Your VS Code GitHub account stays signed in for other extensions; manage it from the Accounts menu.` : message``;
      void showInfo(message`Lead Desk is signed out of GitHub.${extra}`);
    },
  };
}
