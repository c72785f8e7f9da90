import * as vscode from 'vscode';
import type { PullRequestRef } from '../../core/pullRequestRef';
import { registerCommands } from '../commands/command';
import { ContextKey, ViewId } from '../ids';
import type { Services } from '../services';
import { copyHandoffMessageCommand } from './commands/copyHandoffMessage';
import { delegatePullRequestCommand } from './commands/delegatePullRequest';
import { refreshDelegationCommand } from './commands/refreshDelegation';
import { requestReviewFromCommand } from './commands/requestReviewFrom';
import { whoKnowsThisFileCommand } from './commands/whoKnowsThisFile';
import { DelegationAdvisor } from './delegationAdvisor';
import type { DelegationFeatureContext } from './delegationFeatureContext';
import { DelegationModel, localFolderPaths, type DelegationState } from './delegationModel';
import { DelegationTreeProvider, viewHeader } from './delegationTreeProvider';
import { EmailLoginCache } from './emailLoginCache';
import { ExpertiseStore } from '../../storage/expertiseStore';
import { QueueAdviceDecorations } from './queueAdviceDecorations';
import { scopedLogger } from '../../core/logger';
import { ReviewerSuggestions } from '../../app/delegation/reviewerSuggestions';
import { setContextKey } from '../walkthrough/contextKeys';

/** Hosts whose remotes count as GitHub: the Enterprise host of the API URL, if valid, and github.com. */
function githubHosts(webUrl: string): string[] {
  try {
    return [new URL(webUrl).hostname, 'github.com'];
  } catch {
    // An invalid API URL is reported by the settings; remotes on github.com still match.
    return ['github.com'];
  }
}

export interface DelegationFeature extends vscode.Disposable {
  readonly model: DelegationModel;
  /** "Should I delegate this?" for the Review Queue. */
  readonly advisor: DelegationAdvisor;
  /** For other Lead Desk views (the Team view): suggestions for a pull request they show. */
  readonly delegate: DelegationFeatureContext['delegate'];
}

/**
 * The Delegation view, its commands and the queue's delegation advice. Registering does no I/O:
 * git and GitHub are reached only once a subject is chosen and someone is looking.
 */
export function registerDelegationFeature(services: Services, shownInQueue: DelegationFeatureContext['shownInQueue'], hooks: Pick<DelegationFeatureContext, 'onDidRequestReview' | 'onWillWithdrawMyRequest' | 'choosePullRequest'> = {}): DelegationFeature {
  const { context } = services;
  const log = scopedLogger(services.log, 'delegation');
  const storage = (context.storageUri ?? context.globalStorageUri).fsPath;
  const store = new ExpertiseStore(storage, log);
  const emailLogins = new EmailLoginCache(context.globalState);
  const settings = () => services.config.settings.delegation;
  const suggestions = new ReviewerSuggestions({ emailLogins, teams: services.teams, settings, now: Date.now });
  const model = new DelegationModel({
    suggestions,
    store,
    client: () => services.github.client(),
    hosts: () => githubHosts(services.auth.endpoints().webUrl),
    log,
    invalidatedBy: [vscode.workspace.onDidGrantWorkspaceTrust, services.github.onDidChangeAccount, (listener) => services.config.onDidChangeSection('delegation', listener)],
    onDidChangeAccount: services.github.onDidChangeAccount,
  });
  const advisor = new DelegationAdvisor({
    client: () => services.github.client(),
    folders: localFolderPaths,
    loadedIndex: (workTree) => store.peek(workTree)?.index,
    emailLogins,
    settings,
    now: Date.now,
    onDidChangeSettings: (listener) => services.config.onDidChangeSection('delegation', listener),
  });
  const provider = new DelegationTreeProvider(model);
  const view = vscode.window.createTreeView(ViewId.delegation, { treeDataProvider: provider, showCollapseAll: false });
  const queueAdvice = new QueueAdviceDecorations(advisor, log);

  const render = (state: DelegationState): void => {
    const header = viewHeader(state);
    view.description = header.description;
    view.message = header.message;
    const ready = state.kind === 'ready' ? state : undefined;
    void setContextKey(ContextKey.delegationHasCandidates, (ready?.rows.length ?? 0) > 0);
    void vscode.commands.executeCommand('setContext', ContextKey.delegationCanRequest, ready?.subject.kind === 'pullRequest' && ready.rows.some((r) => r.login !== undefined && !r.alreadyRequested));
  };

  const delegate = (pull: PullRequestRef): Promise<DelegationState> => {
    // Selecting pull requests one after another should not pull focus away from where they are listed.
    if (!model.isVisible) void vscode.commands.executeCommand(`${ViewId.delegation}.focus`);
    return model.show({ kind: 'pullRequest', pull });
  };
  const feature: DelegationFeatureContext = { model, settings, client: () => services.github.client(), log, shownInQueue, delegate, ...hooks };
  const disposables: vscode.Disposable[] = [
    model,
    services.refresh.register('delegation', () => model.refresh()),
    advisor,
    provider,
    view,
    queueAdvice,
    vscode.window.registerFileDecorationProvider(queueAdvice),
    // Not translated: a refresher's name is a key, and the log's.
    services.refresh.register('delegation advice', () => {
      queueAdvice.reset();
      return Promise.resolve();
    }),
    model.onDidChange(render),
    view.onDidChangeVisibility((e) => model.setVisible(e.visible)),
    ...registerCommands(
      [delegatePullRequestCommand, whoKnowsThisFileCommand, requestReviewFromCommand, copyHandoffMessageCommand, refreshDelegationCommand].map((make) => make(feature)),
      services.log,
    ),
  ];
  model.setVisible(view.visible);

  return {
    model,
    advisor,
    delegate,
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
