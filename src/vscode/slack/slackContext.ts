import * as vscode from 'vscode';
import { ContextKey, SecretKey } from '../ids';

/** Sets the Slack-connected context key (Connect or Disconnect Slack) from secret storage alone. */
export async function updateSlackContext(secrets: vscode.SecretStorage): Promise<void> {
  const connected = (await secrets.get(SecretKey.slackToken)) !== undefined;
  await vscode.commands.executeCommand('setContext', ContextKey.slackConnected, connected);
}
