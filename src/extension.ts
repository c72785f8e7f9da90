import * as vscode from 'vscode';
import { message } from './core/inertText';
import { showError } from './vscode/ui/notify';
import { CommandRegistry } from './vscode/entry/commandRegistry';
import type { FeatureHost } from './vscode/entry/featureHost';
import { createFocusStatusPlaceholder } from './vscode/entry/focusStatusPlaceholder';
import { restoreSignedIn } from './vscode/entry/signedInMemo';
import { featuresNeededAtStartup } from './vscode/entry/startupNeeds';
import { contributedViews, TreePlaceholders, WebviewPlaceholder } from './vscode/entry/viewPlaceholders';
import { updateSlackContext } from './vscode/slack/slackContext';

/**
 * The entry bundle: registers what the lead sees from start-up (every command, the views, the
 * focus item, the context keys of the welcome views and the palette) and loads the features
 * (dist/features.js, with Octokit; simple-git and the Slack SDK later still, when first used) on
 * first use: a command, a view shown, or at once when something from start-up needs them (see
 * startupNeeds.ts). No network and no git here.
 */
export function activate(context: vscode.ExtensionContext): Promise<void> | undefined {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  const views = contributedViews(manifest);
  const webviews = new Map<string, WebviewPlaceholder>();
  let loading: Promise<void> | undefined;
  const load = (): Promise<void> => (loading ??= loadFeatures().catch((err: unknown) => {
    loading = undefined;
    void showError(message`Lead Desk could not start: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }));

  const commands = new CommandRegistry(new Set((manifest.contributes?.commands ?? []).map((c) => c.command)), load);
  const host: FeatureHost = {
    registerCommand: (id, run) => commands.register(id, run),
    registerWebviewViewProvider: (viewId, provider) => webviews.get(viewId)?.adopt(provider) ?? vscode.window.registerWebviewViewProvider(viewId, provider),
  };
  context.subscriptions.push(...commands.registerDeclared());
  for (const id of views.webviews) {
    const placeholder = new WebviewPlaceholder(id, load);
    webviews.set(id, placeholder);
    context.subscriptions.push(vscode.window.registerWebviewViewProvider(id, placeholder));
  }
  const needed = featuresNeededAtStartup((key) => vscode.workspace.getConfiguration('leadDesk').get(key), context.globalState, Date.now());
  // Stand-ins until the features load; they replace them with their own, so they go first.
  const standIns: vscode.Disposable[] = needed ? [] : [new TreePlaceholders(views.trees, () => void load().catch(() => undefined)), createFocusStatusPlaceholder()];
  context.subscriptions.push(...standIns);

  async function loadFeatures(): Promise<void> {
    // esbuild.mjs maps this import to dist/features.js, a bundle of its own.
    const features = await import('./vscode/entry/everyFeature');
    for (const standIn of standIns.splice(0)) standIn.dispose();
    features.activateFeatures(context, host);
  }

  restoreSignedIn(context.globalState);
  void updateSlackContext(context.secrets);
  // What start-up shows needs the features now: activation includes loading them, as it did before.
  return needed ? load() : undefined;
}

export function deactivate(): void {
  // Everything is in context.subscriptions, which VS Code disposes.
}
