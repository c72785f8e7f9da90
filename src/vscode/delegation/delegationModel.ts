import * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ownersOfPaths, parseCodeowners } from '../../core/delegation/codeowners';
import { filesToRank, rankedFilesNote } from '../../core/delegation/rankedFiles';
import { readCodeownersFile } from '../../git/codeownersFile';
import { findCandidates, type CandidateFindings, type CandidateRow, type CandidateSources } from '../../core/handoff/findCandidates';
import { handoffArea } from '../../core/handoff/handoffMessage';
import type { GitHubRepoRef } from '../../core/handoff/gitRemote';
import { scopedLogger, type Logger } from '../../core/logger';
import type { GitHubClient } from '../../github/client';
import { githubCandidateSources } from '../../github/delegation/candidateSources';
import { fetchPullRequestChanges, type PullRequestChanges } from '../../github/delegation/pullRequestFiles';
import { TeamDirectory } from '../../github/delegation/teamDirectory';
import { parseTeamRef } from '../../github/delegation/teamMembers';
import { GitHubError } from '../../github/errors';
import { fetchViewer, type Viewer } from '../../github/viewer';
import { GitAbortedError, GitNotFoundError, GitReadError, GitTimeoutError, NotAGitRepositoryError } from '../../git/gitErrors';
import { NotSignedInError } from '../auth/authService';
import { describeError } from '../presentError';
import { CommandId, ViewId } from '../ids';
import type { Services } from '../services';
import { checkoutOf, findCheckout, type Checkout } from './checkouts';
import { subjectKey, type DelegationSubject } from './delegationSubject';
import type { EmailLoginCache } from './emailLoginCache';
import type { ExpertiseStore, RepositoryExpertise } from './expertiseStore';

export interface ViewAction {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
  readonly icon?: string;
}

export interface ReadyState {
  readonly kind: 'ready';
  readonly subject: DelegationSubject;
  readonly rows: readonly CandidateRow[];
  readonly notes: readonly string[];
  /** What the handoff message names: "src/unix/" or the single file. */
  readonly area: string;
  readonly pull?: PullRequestChanges;
  readonly me?: string;
  /** "412 commits" and how they were read, for the view's message. */
  readonly history: string;
  readonly shallow: boolean;
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

const openFolder: ViewAction = { title: 'Open Folder…', command: 'vscode.openFolder', icon: 'folder-opened' };
const showLog: ViewAction = { title: 'Show Log', command: CommandId.showLog, icon: 'output' };
export const manageTrustAction: ViewAction = { title: 'Manage Workspace Trust', command: 'workbench.trust.manage', icon: 'shield' };

class ProblemError extends Error {
  constructor(
    message: string,
    readonly actions: readonly ViewAction[],
  ) {
    super(message);
  }
}

class UntrustedError extends Error {}

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
  private readonly viewers = new WeakMap<GitHubClient, Promise<Viewer>>();
  private readonly teams = new TeamDirectory();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly log: Logger;

  constructor(
    private readonly services: Services,
    private readonly store: ExpertiseStore,
    private readonly emailLogins: EmailLoginCache,
  ) {
    this.log = scopedLogger(services.log, 'delegation');
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.subject) void this.invalidate();
      }),
      services.config.onDidChangeSection('delegation', () => {
        if (this.subject) void this.invalidate();
      }),
      services.github.onDidChangeAccount(() => {
        this.teams.clear();
        if (this.subject) void this.invalidate();
      }),
      services.refresh.register('delegation', () => (this.subject ? this.update() : Promise.resolve())),
    );
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
    const loading = (message: string) => this.set(generation, { kind: 'loading', subject, message });
    try {
      const state = subject.kind === 'pullRequest' ? await this.forPullRequest(subject, loading) : await this.forFile(subject, loading);
      this.set(generation, state);
    } catch (err) {
      if (err instanceof UntrustedError) return this.set(generation, { kind: 'untrusted', subject });
      if (err instanceof ProblemError) return this.set(generation, { kind: 'problem', subject, message: err.message, actions: err.actions });
      if (GitAbortedError.is(err)) return;
      this.log.error(`suggestions for ${subjectKey(subject)}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      this.set(generation, { kind: 'problem', subject, ...this.explain(err) });
    }
  }

  private explain(err: unknown): { message: string; actions: ViewAction[] } {
    if (GitNotFoundError.is(err)) return { message: err.message, actions: [showLog] };
    if (NotAGitRepositoryError.is(err)) return { message: err.message, actions: [openFolder] };
    if (GitTimeoutError.is(err)) {
      return { message: err.message, actions: [{ title: 'Shorten the History Window', command: 'workbench.action.openSettings', arguments: ['leadDesk.delegation.historyDays'], icon: 'settings-gear' }] };
    }
    if (GitReadError.is(err)) return { message: `Could not read git history: ${err.message}`, actions: [showLog] };
    const { message, actions } = describeError(err, 'suggest who could take this');
    return { message: message.value, actions: actions.map((a) => ({ ...a, icon: a.command === CommandId.showLog ? 'output' : 'sign-in' })) };
  }

  private settings() {
    return this.services.config.settings.delegation;
  }

  private hosts(): string[] {
    const hosts = ['github.com'];
    try {
      hosts.unshift(new URL(this.services.auth.endpoints().webUrl).hostname);
    } catch {
      // An invalid API URL is reported by the settings; remotes on github.com still match.
    }
    return hosts;
  }

  private folders(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  private viewer(client: GitHubClient): Promise<Viewer> {
    let viewer = this.viewers.get(client);
    if (!viewer) {
      viewer = fetchViewer(client);
      viewer.catch(() => this.viewers.delete(client));
      this.viewers.set(client, viewer);
    }
    return viewer;
  }

  private async forPullRequest(subject: Extract<DelegationSubject, { kind: 'pullRequest' }>, loading: (m: string) => void): Promise<ReadyState> {
    const { pull } = subject;
    if (!vscode.workspace.isTrusted) throw new UntrustedError();
    loading(`Reading ${pull.owner}/${pull.repo}#${pull.number} from GitHub…`);
    const client = await this.services.github.client();
    const [changes, me] = await Promise.all([fetchPullRequestChanges(client, pull), this.viewer(client)]);
    const checkout = await checkoutOf(this.folders(), { owner: pull.owner, repo: pull.repo }, this.hosts());
    if (!checkout) {
      throw new ProblemError(`No folder in this workspace is a clone of ${pull.owner}/${pull.repo}, so there is no history to learn from. Open a clone to see who knows these files.`, [openFolder]);
    }
    const expertise = await this.expertise(checkout.workTree, loading);
    const touched = filesToRank(changes.files);
    const note = rankedFilesNote(touched.length, changes.files.length, changes.changedFiles);
    const notes = note ? [note] : [];
    const findings = await this.find(client, expertise, checkout, { owner: pull.owner, repo: pull.repo }, touched, changes.author ?? pull.author, me, changes.requestedReviewers, loading);
    return this.ready(subject, expertise, findings, touched, [...notes], { pull: changes, me: me.login });
  }

  private async forFile(subject: Extract<DelegationSubject, { kind: 'file' }>, loading: (m: string) => void): Promise<ReadyState> {
    if (subject.uri.scheme !== 'file') throw new ProblemError('Only files on disk have git history to learn from.', []);
    if (!vscode.workspace.isTrusted) throw new UntrustedError();
    const file = await realpath(subject.uri.fsPath).catch(() => subject.uri.fsPath);
    const checkout = await findCheckout(path.dirname(file), this.hosts());
    if (!checkout) throw new ProblemError(`${path.basename(file)} is not inside a git repository, so there is no history to learn from.`, [openFolder]);
    const expertise = await this.expertise(checkout.workTree, loading);
    const relative = path.relative(await realpath(expertise.root).catch(() => expertise.root), file).split(path.sep).join('/');
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
      throw new ProblemError(`${path.basename(file)} is outside the repository at ${expertise.root}.`, []);
    }
    const notes: string[] = [];
    let client: GitHubClient | undefined;
    let me: Viewer | undefined;
    try {
      client = await this.services.github.client();
      me = await this.viewer(client);
    } catch (err) {
      if (!NotSignedInError.is(err) && !GitHubError.is(err)) throw err;
      notes.push(NotSignedInError.is(err) ? 'Sign in to GitHub to see review load and availability.' : `GitHub signals unavailable: ${err.message}`);
      client = undefined;
    }
    const repo = checkout.repos[0];
    const findings = await this.find(client, expertise, checkout, repo, [relative], undefined, me, [], loading);
    return this.ready(subject, expertise, findings, [relative], notes, me ? { me: me.login } : {});
  }

  private ready(subject: DelegationSubject, expertise: RepositoryExpertise, findings: CandidateFindings, touched: string[], notes: string[], extra: { pull?: PullRequestChanges; me?: string }): ReadyState {
    const all = [...notes, ...findings.notes];
    if (expertise.shallow) all.unshift(`This clone is shallow, so its history is partial: suggestions come from the ${expertise.index.commitCount} commits it has. Run "git fetch --unshallow" for better ones.`);
    if (expertise.headSha === undefined) all.unshift('This repository has no commits yet.');
    const count = expertise.index.commitCount;
    return {
      kind: 'ready',
      subject,
      rows: findings.rows,
      notes: all,
      area: handoffArea(touched),
      history: `${count.toLocaleString('en-US')} ${count === 1 ? 'commit' : 'commits'}${expertise.truncated ? ' (the most recent)' : ''}`,
      shallow: expertise.shallow,
      ...extra,
    };
  }

  /** The index for a checkout, with a progress bar in the view when reading takes more than a moment. */
  private async expertise(dir: string, loading: (m: string) => void): Promise<RepositoryExpertise> {
    const s = this.settings();
    loading('Reading git history…');
    const work = this.store.get(dir, { historyDays: s.historyDays, maxCommits: s.maxCommits, timeoutMs: GIT_TIMEOUT_MS }, (n) => loading(`Reading git history… ${n.toLocaleString('en-US')} commits`));
    const timer = setTimeout(() => {
      void vscode.window.withProgress({ location: { viewId: ViewId.delegation }, title: 'Reading git history' }, () => work.then(() => undefined, () => undefined));
    }, PROGRESS_AFTER_MS);
    try {
      return await work;
    } finally {
      clearTimeout(timer);
    }
  }

  private async find(
    client: GitHubClient | undefined,
    expertise: RepositoryExpertise,
    checkout: Checkout,
    repo: GitHubRepoRef | undefined,
    touched: string[],
    author: string | undefined,
    me: Viewer | undefined,
    alreadyRequested: readonly string[],
    loading: (m: string) => void,
  ): Promise<CandidateFindings> {
    const s = this.settings();
    loading('Ranking people by what they know…');
    const notes: string[] = [];
    const codeOwners = await this.codeOwners(checkout.workTree, touched);
    const [team, teamMembers] = await Promise.all([this.team(client, notes), client ? this.teams.ownerTeams(client, codeOwners, notes) : {}]);
    const apiUrl = client?.endpoints.apiUrl ?? '';
    const known = client ? this.emailLogins.get(apiUrl) : new Map<string, string | null>();
    const sources: CandidateSources = client ? githubCandidateSources(client, repo) : {};
    const findings = await findCandidates(
      {
        index: expertise.index,
        touchedPaths: touched,
        now: Date.now(),
        ...(author ? { author } : {}),
        ...(me ? { me: me.login, ...(me.name ? { myName: me.name } : {}) } : {}),
        ...(team ? { team } : {}),
        codeOwners,
        teamMembers,
        mapping: s.logins,
        knownEmails: known,
        sampleSha: (email) => expertise.sampleShas.get(email.toLowerCase()),
        alreadyRequested,
      },
      sources,
    );
    if (client) await this.emailLogins.remember(apiUrl, findings.learnedEmails);
    return { ...findings, notes: [...notes, ...findings.notes] };
  }

  /** Owners of the touched paths from the checkout's CODEOWNERS, read as a file (no git). */
  private async codeOwners(workTree: string, touched: readonly string[]): Promise<string[]> {
    const file = await readCodeownersFile(workTree).catch(() => undefined);
    return file ? ownersOfPaths(parseCodeowners(file.text), touched) : [];
  }

  /** The logins to narrow to: leadDesk.team, else the GitHub team's members, else everyone. */
  private async team(client: GitHubClient | undefined, notes: string[]): Promise<readonly string[] | undefined> {
    const s = this.settings();
    if (s.team.length > 0) return s.team;
    if (!s.githubTeam) return undefined;
    const ref = parseTeamRef(s.githubTeam);
    if (!ref) return undefined;
    if (!client) {
      notes.push(`Sign in to GitHub to narrow the suggestions to ${s.githubTeam}.`);
      return undefined;
    }
    const lookup = await this.teams.members(client, ref);
    if (lookup.problem) notes.push(lookup.logins ? `${s.githubTeam}: ${lookup.problem}` : `Not narrowed to ${s.githubTeam}: ${lookup.problem}`);
    return lookup.logins;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
