import * as vscode from 'vscode';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';

/** The legend ships with the extension as Markdown; VS Code's own preview renders it, read-only. */
export const queueLegendPath = ['media', 'legend', 'queue.md'] as const;

export function showQueueLegendCommand(extensionUri: vscode.Uri): LeadDeskCommand {
  return {
    id: CommandId.showQueueLegend,
    doing: "show what the queue's icons mean",
    async run() {
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, ...queueLegendPath));
    },
  };
}
