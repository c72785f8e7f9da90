import * as vscode from 'vscode';
import type { AuthService } from '../auth/authService';
import type { RefreshCoordinator } from '../refreshCoordinator';
import { CommandId, ViewId } from '../ids';
import type { LeadDeskCommand } from './command';

export function refreshCommand(auth: Pick<AuthService, 'require'>, refresh: Pick<RefreshCoordinator, 'refreshAll'>): LeadDeskCommand {
  return {
    id: CommandId.refresh,
    doing: 'refresh from GitHub',
    async run() {
      await auth.require();
      await vscode.window.withProgress({ location: { viewId: ViewId.queue } }, () => refresh.refreshAll());
    },
  };
}
