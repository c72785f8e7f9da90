import * as vscode from 'vscode';
import type { Services } from '../services';
import { CommandId } from '../ids';
import type { LeadDeskCommand } from './command';

export function signInCommand({ auth, refresh }: Services): LeadDeskCommand {
  return {
    id: CommandId.signIn,
    doing: 'sign in to GitHub',
    async run() {
      const credentials = await auth.signIn();
      if (!credentials) return;
      void vscode.window.showInformationMessage(`Lead Desk is signed in to GitHub${credentials.account ? ` as ${credentials.account}` : ''}.`);
      void refresh.refreshAll().catch(() => undefined);
    },
  };
}
