import * as vscode from 'vscode';
import { SuggestionProblem, type ReviewerSuggestions, type Suggestion, type RepositoryHistory } from '../../app/delegation/reviewerSuggestions';
import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import type { Logger } from '../../core/logger';
import type { GitHubClient } from '../../github/client';
import { GitHubError } from '../../github/errors';
import { GitAbortedError, GitNotFoundError, GitReadError, GitTimeoutError, NotAGitRepositoryError } from '../../git/gitErrors';
import { NotSignedInError } from '../../github/notSignedInError';
import { describeError } from '../presentError';
import { t } from '../l10n';
import { countText } from '../../core/countText';
import { CommandId, ViewId } from '../ids';
import { subjectKey, type DelegationSubject } from './delegationSubject';
import type { ExpertiseStore } from '../../storage/expertiseStore';

/** The workspace's folders that are on disk, where clones with git history can be. */
export function localFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

export interface ViewAction {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
  readonly icon?: string;
}

export interface ReadyState extends Suggestion {
  readonly kind: 'ready';
  readonly subject: DelegationSubject;
}

export type DelegationState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'untrusted'; readonly subject: DelegationSubject }
  | { readonly kind: 'loading'; readonly subject: DelegationSubject; readonly message: string }
  | { readonly kind: 'problem'; readonly subject: DelegationSubject; readonly message: string; readonly actions: readonly ViewAction[] }
  | ReadyState;

const GIT_TIMEOUT_MS = 120_000;
/** Git work that finishes sooner than this shows no progress bar. */
const PROGRESS_AFTER_MS = 300;

const openFolder: ViewAction = { title: t('Open Folder…'), command: 'vscode.openFolder', icon: 'folder-opened' };
const showLog: ViewAction = { title: t('Show Log'), command: CommandId.showLog, icon: 'output' };
export const manageTrustAction: ViewAction = { title: t('Manage Workspace Trust'), command: 'workbench.trust.manage', icon: 'shield' };

/** What the model listens to and asks; the feature registration wires these to the services. */
export interface DelegationModelDeps {
  readonly suggestions: ReviewerSuggestions;
  readonly store: ExpertiseStore;
  readonly client: () => Promise<GitHubClient>;
  /** Hosts whose remotes count as GitHub: the Enterprise host, if any, and github.com. */
  readonly hosts: () => string[];
  readonly log: Logger;
  /** Fire when a new answer is needed: delegation settings, the account, workspace trust. */
  readonly invalidatedBy: readonly vscode.Event<unknown>[];
  readonly onDidChangeAccount: vscode.Event<unknown>;
}

/**
 * The Delegation view's state: which subject it is about, and the suggestion for it. Work starts
 * only when a subject is set and someone is looking (the view is visible or a command asked),
 * never at activation. A newer subject wins over a slower older one.
 */
export class DelegationModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DelegationState>();
  readonly onDidChange = this.emitter.event;
  private current: DelegationState = { kind: 'empty' };
  private subject: DelegationSubject | undefined;
  private generation = 0;
  private stale = false;
  private visible = false;
  private running: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: DelegationModelDeps) {
    this.disposables.push(
      this.emitter,
      deps.onDidChangeAccount(() => deps.suggestions.forgetAccount()),
      ...deps.invalidatedBy.map((event) =>
        event(() => {
          if (this.subject) void this.invalidate();
        }),
      ),
    );
  }

  /** Recomputes for the current subject, if any (the Refresh command). */
  refresh(): Promise<void> {
    return this.subject ? this.update() : Promise.resolve();
  }

  get state(): DelegationState {
    return this.current;
  }

  get currentSubject(): DelegationSubject | undefined {
    return this.subject;
  }

  /** Sets the subject and works out suggestions for it; resolves when they are ready (or failed). */
  async show(subject: DelegationSubject): Promise<DelegationState> {
    this.subject = subject;
    await this.update();
    await this.settled();
    return this.current;
  }

  /** Waits until no computation is running (a settings change may have started a newer one). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Whether the Delegation view is on screen (commands reveal it only when it is not). */
  get isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale && this.subject) void this.update();
  }

  /** Recomputes now when the view is visible, or on the next reveal. */
  private async invalidate(): Promise<void> {
    this.stale = true;
    if (this.visible) await this.update();
  }

  /** Recomputes for the current subject; overlapping calls for the same subject share one run. */
  update(): Promise<void> {
    const subject = this.subject;
    if (!subject) return Promise.resolve();
    this.stale = false;
    const generation = ++this.generation;
    const run = this.compute(subject, generation).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private set(generation: number, state: DelegationState): void {
    if (generation !== this.generation) return;
    this.current = state;
    this.emitter.fire(state);
  }

  private async compute(subject: DelegationSubject, generation: number): Promise<void> {
    // Suggestions for this very subject stay on screen, to read and act on, while they are worked
    // out again (the view's progress bar shows the work); only a new subject shows its progress
    // in their place.
    const shown = this.current;
    const again = shown.kind === 'ready' && subjectKey(shown.subject) === subjectKey(subject);
    const loading = (message: string) => {
      if (!again) this.set(generation, { kind: 'loading', subject, message });
    };
    try {
      if (!vscode.workspace.isTrusted || (subject.kind === 'file' && subject.uri.scheme !== 'file')) {
        // Git never runs in an untrusted workspace; only files on disk have history.
        return this.set(generation, vscode.workspace.isTrusted ? { kind: 'problem', subject, message: t('Only files on disk have git history to learn from.'), actions: [] } : { kind: 'untrusted', subject });
      }
      const suggestion = subject.kind === 'pullRequest' ? await this.forPullRequest(subject.pull, loading) : await this.forFile(subject.uri, loading);
      this.set(generation, { kind: 'ready', subject, ...suggestion });
    } catch (err) {
      if (SuggestionProblem.is(err)) return this.set(generation, { kind: 'problem', subject, message: err.message, actions: err.reason === 'outsideRepository' ? [] : [openFolder] });
      if (GitAbortedError.is(err)) return;
      this.deps.log.error(`suggestions for ${subjectKey(subject)}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      this.set(generation, { kind: 'problem', subject, ...this.explain(err) });
    }
  }

  private explain(err: unknown): { message: string; actions: ViewAction[] } {
    if (GitNotFoundError.is(err)) return { message: err.message, actions: [showLog] };
    if (NotAGitRepositoryError.is(err)) return { message: err.message, actions: [openFolder] };
    if (GitTimeoutError.is(err)) {
      return { message: err.message, actions: [{ title: t('Shorten the History Window'), command: 'workbench.action.openSettings', arguments: ['leadDesk.delegation.historyDays'], icon: 'settings-gear' }] };
    }
    if (GitReadError.is(err)) return { message: t('Could not read git history: {0}', err.message), actions: [showLog] };
    const { message, actions } = describeError(err, 'suggest who could take this');
    return { message: message.value, actions: actions.map((a) => ({ ...a, icon: a.command === CommandId.showLog ? 'output' : 'sign-in' })) };
  }

  private async forPullRequest(pull: Extract<DelegationSubject, { kind: 'pullRequest' }>['pull'], loading: (m: string) => void): Promise<Suggestion> {
    const client = await this.deps.client();
    return this.deps.suggestions.forPullRequest({ client, pull, folders: localFolderPaths(), hosts: this.deps.hosts(), progress: loading, history: this.history(loading) });
  }

  private async forFile(uri: vscode.Uri, loading: (m: string) => void): Promise<Suggestion> {
    let client: GitHubClient | undefined;
    let withoutGitHub: string | undefined;
    try {
      client = await this.deps.client();
    } catch (err) {
      if (!NotSignedInError.is(err) && !GitHubError.is(err)) throw err;
      withoutGitHub = NotSignedInError.is(err) ? t('Sign in to GitHub to see review load and availability.') : t('GitHub signals unavailable: {0}', err.message);
    }
    return this.deps.suggestions.forFile({ client, withoutGitHub, file: uri.fsPath, hosts: this.deps.hosts(), progress: loading, history: this.history(loading) });
  }

  /** The index for a checkout, with a progress bar in the view when reading takes more than a moment. */
  private history(loading: (m: string) => void) {
    return async (workTree: string, settings: DelegationSettings): Promise<RepositoryHistory> => {
      loading(t('Reading git history…'));
      const work = this.deps.store.get(workTree, { historyDays: settings.historyDays, maxCommits: settings.maxCommits, timeoutMs: GIT_TIMEOUT_MS }, (n) => loading(t('Reading git history… {0} commits', countText(n))));
      const timer = setTimeout(() => {
        void vscode.window.withProgress({ location: { viewId: ViewId.delegation }, title: t('Reading git history') }, () => work.then(() => undefined, () => undefined));
      }, PROGRESS_AFTER_MS);
      try {
        return await work;
      } finally {
        clearTimeout(timer);
      }
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
