import * as vscode from 'vscode';
import type { Services } from '../services';
import { CommandId, ViewId } from '../ids';
import type { LeadDeskCommand } from './command';

export function refreshCommand({ auth, refresh }: Services): LeadDeskCommand {
  return {
    id: CommandId.refresh,
    doing: 'refresh from GitHub',
    async run() {
      await auth.require();
      await vscode.window.withProgress({ location: { viewId: ViewId.queue } }, () => refresh.refreshAll());
    },
  };
}
