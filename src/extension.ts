import * as vscode from 'vscode';
import { message } from './core/inertText';
import { installTranslator } from './vscode/l10n';
import { showError } from './vscode/ui/notify';
import { CommandId, LogChannelName, StateKey, ViewId } from './vscode/ids';
import { FocusStoreKey } from './core/focus/sharedStore';
import { CommandRegistry } from './vscode/entry/commandRegistry';
import type { FeatureHost } from './vscode/entry/featureHost';
import { createFocusStatusPlaceholder } from './vscode/entry/focusStatusPlaceholder';
import { focusedTodayMs } from './vscode/entry/focusToday';
import { showQueueFace } from './vscode/entry/queueFacePlaceholder';
import { parseQueueFace } from './vscode/entry/startupFace';
import { restoreSignedIn } from './vscode/entry/signedInMemo';
import { describeFocusItem, type StartupReport } from './vscode/entry/startupReport';
import { featuresNeededAtStartup } from './vscode/entry/startupNeeds';
import { watchStartupNeeds } from './vscode/entry/startupWatch';
import { contributedViews, TreePlaceholders, WebviewPlaceholder } from './vscode/entry/viewPlaceholders';
import { updateSlackContext } from './vscode/slack/slackContext';
import { openSharedState, type SharedState } from './vscode/entry/sharedState';
import { errorText } from './core/errorText';

/** This window's shared state, for deactivate. */
let sharedState: SharedState | undefined;

/**
 * The entry bundle: registers what the lead sees from start-up (every command, the views, the
 * focus item, the context keys of the welcome views and the palette) and loads the features
 * (dist/features.js, with Octokit; simple-git and the Slack SDK later still, when first used) on
 * first use: a command, a view shown, or at once when something from start-up needs them (see
 * startupNeeds.ts). No network and no git here.
 */
export function activate(context: vscode.ExtensionContext): Promise<void> | undefined {
  // The entry bundle has its own copy of core/inertText: its tags (the idle focus item, a failed
  // start) follow the display language too, through vscode.l10n (src/vscode/l10n.ts weighs nothing).
  const translator = installTranslator();
  const manifest = context.extension.packageJSON as { contributes?: { commands?: Array<{ command: string }> } };
  const views = contributedViews(manifest);
  // Listed (and written) from start-up, as before the features were loaded apart.
  const log = vscode.window.createOutputChannel(LogChannelName, { log: true });
  const store = openSharedState(context.globalStorageUri.fsPath, context.globalState, (problem) => log.warn(problem));
  sharedState = store;
  let loading: Promise<void> | undefined;
  let loaded = false;
  const load = (reason: string): Promise<void> =>
    (loading ??= loadFeatures(reason).catch((err: unknown) => {
      loading = undefined;
      log.error(`could not load the features: ${errorText(err)}`);
      void showError(message`Lead Desk could not start: ${errorText(err)}`);
      throw err;
    }));

  const commands = new CommandRegistry(new Set((manifest.contributes?.commands ?? []).map((c) => c.command)), load);
  const webviews = new Map(views.webviews.map((id) => [id, new WebviewPlaceholder(id, load)]));
  const host: FeatureHost = {
    registerCommand: (id, run) => commands.register(id, run),
    registerWebviewViewProvider: (viewId, provider) => webviews.get(viewId)?.adopt(provider) ?? vscode.window.registerWebviewViewProvider(viewId, provider),
    logChannel: () => log,
    sharedState: () => store,
  };
  const startupNeeds = () => featuresNeededAtStartup((key) => vscode.workspace.getConfiguration('leadDesk').get(key), { global: context.globalState, shared: store }, Date.now());
  const needed = startupNeeds();
  const loadQuietly = (reason: string) => void load(reason).catch(() => undefined);
  // Stand-ins until the features load and put up their own, so they are disposed first.
  const trees = needed ? undefined : new TreePlaceholders(views.trees, (id) => loadQuietly(`the view ${id} was shown`));
  const focusItem = needed ? undefined : createFocusStatusPlaceholder(focusedTodayMs(store.get<{ history?: unknown }>(FocusStoreKey.state)?.history, Date.now()) ?? 0);
  // What the queue showed last time (badge, status-bar count), until the features show their own.
  const queueFace = needed ? undefined : parseQueueFace(context.globalState.get(StateKey.queueStartupFace));
  const queueFaceShown = queueFace && trees ? showQueueFace(queueFace, trees.view(ViewId.queue)) : undefined;
  const watch = needed ? undefined : watchStartupNeeds(startupNeeds, loadQuietly);

  async function loadFeatures(reason: string): Promise<void> {
    log.info(`loading the features: ${reason}`);
    // esbuild.mjs maps this import to dist/features.js, a bundle of its own.
    const features = await import('./vscode/entry/everyFeature');
    watch?.dispose();
    focusItem?.dispose();
    queueFaceShown?.dispose();
    await trees?.release();
    features.activateFeatures(context, host);
    loaded = true;
  }

  const report = (): StartupReport => ({
    featuresLoaded: loaded,
    loadedAtStartupBecause: needed,
    focusStatus: loaded ? undefined : describeFocusItem(focusItem),
    queueFace: loaded ? undefined : queueFace,
    storedQueueFace: parseQueueFace(context.globalState.get(StateKey.queueStartupFace)),
    treeStandIns: loaded ? [] : (trees?.ids ?? []),
    webviewStandIns: [...webviews.keys()],
    unhandledCommands: commands.unhandled(),
  });
  context.subscriptions.push(
    translator,
    log,
    ...commands.registerDeclared(),
    commands.register(CommandId.inspectStartup, report),
    ...[...webviews].map(([id, placeholder]) => vscode.window.registerWebviewViewProvider(id, placeholder)),
    ...[trees, focusItem, queueFaceShown, watch].filter((d) => d !== undefined),
  );
  restoreSignedIn(context.globalState);
  void updateSlackContext(context.secrets);
  if (!needed) log.info('started; the features load when first used');
  // What start-up shows needs the features now: activation includes loading them, as it did before.
  return needed ? load(`at start-up, because ${needed}`) : undefined;
}

export function deactivate(): Promise<void> | undefined {
  // Everything else is in context.subscriptions, which VS Code disposes. A focus write still on its
  // way (a restore's "released") is waited for, so that the next window does not restore again.
  return sharedState?.settled();
}
