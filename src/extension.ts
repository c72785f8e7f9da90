import type * as vscode from 'vscode';
import { message } from './core/inertText';
import { showError } from './vscode/ui/notify';
import { createServices } from './vscode/services';
import { registerAccountFeature } from './vscode/auth/accountFeature';
import { registerFocusFeature } from './vscode/focus/focusFeature';
import { registerDelegationFeature } from './vscode/delegation/delegationFeature';
import { registerQueueFeature } from './vscode/queue/queueFeature';

/**
 * Builds the services and registers everything. No network and no git here: data is fetched when
 * a view becomes visible or a command runs.
 */
export function activate(context: vscode.ExtensionContext): void {
  try {
    const services = createServices(context);
    context.subscriptions.push(
      registerAccountFeature(services),
      registerQueueFeature(services),
      registerFocusFeature(services),
      registerDelegationFeature(services),
    );
    // Sets the signed-in context key for the welcome views; reads secret storage only, no network.
    void services.auth.resolve();
  } catch (err) {
    void showError(message`Lead Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

export function deactivate(): void {
  // Everything is in context.subscriptions, which VS Code disposes.
}
