import * as vscode from 'vscode';
import { message } from '../../core/inertText';
import { notify } from '../ui/notify';
import { InvalidApiUrlError, resolveEndpoints, type GitHubEndpoints } from '../../github/endpoints';
import { NotSignedInError } from '../../github/notSignedInError';
import { ContextKey, SecretKey, StateKey } from '../ids';
import type { Logger } from '../../core/logger';
import type { SharedStore } from '../../core/focus/sharedStore';
import type { LeadDeskSettings } from '../../core/settings';
import { setContextKey } from '../walkthrough/contextKeys';
import { errorText } from '../../core/errorText';
import { SharedLookup } from '../../core/sharedLookup';

export type CredentialSource = 'token' | 'session' | 'environment';

export interface Credentials {
  readonly token: string;
  readonly source: CredentialSource;
  /** The account label VS Code shows for a session; undefined for tokens until checked. */
  readonly account?: string;
  readonly endpoints: GitHubEndpoints;
}

/** What the sign-in needs from the editor, and nothing more. */
export interface AuthServiceDeps {
  /** Stored personal access tokens, one per API root. */
  readonly secrets: vscode.SecretStorage;
  /** Remembers "signed out" in every window, so a VS Code session or an environment token is not picked up again. */
  readonly shared: SharedStore;
  readonly settings: () => LeadDeskSettings['github'];
  readonly onDidChangeSettings: vscode.Event<unknown>;
  readonly log: Logger;
  /** Keeps a token out of every log line and message; returns the way to forget it. */
  readonly addSecret: (secret: string) => () => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** Scopes every feature needs; features that need more (the Busy guard needs `user`) add a requirement. */
const baseScopes = ['read:org', 'repo'];

/**
 * Finds the GitHub credentials to use, in this order: a personal access token the user stored,
 * then VS Code's own GitHub (or GitHub Enterprise) session, then GITHUB_TOKEN / GH_TOKEN.
 * Start-up is silent; only commands the user runs may show a sign-in prompt.
 */
export class AuthService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Credentials | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scopeRequirements: Array<() => readonly string[]> = [];
  /** Concurrent callers share one lookup; a change heard during one is looked up again after it. */
  private readonly lookup = new SharedLookup(() => this.lookUp());
  /** Counts the sign-ins and Sign Outs done here (see lookUp). */
  private decisions = 0;
  private forgetSecret: (() => void) | undefined;
  private current: Credentials | undefined;
  private toldScopesFor: string | undefined;
  readonly onDidChange = this.emitter.event;
  private readonly log: Logger;
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly deps: AuthServiceDeps) {
    this.log = deps.log;
    this.env = deps.env ?? process.env;
    this.disposables.push(
      this.emitter,
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === this.providerId()) void this.refresh();
      }),
      deps.secrets.onDidChange((e) => {
        if (e.key === SecretKey.githubToken(this.endpoints().apiUrl)) void this.refresh();
      }),
      deps.onDidChangeSettings(() => void this.refresh()),
      // Sign Out (or a sign-in after it) in another window: looked up again here at once.
      deps.shared.watch?.(StateKey.signedOut, () => void this.refresh()) ?? new vscode.Disposable(() => undefined),
    );
  }

  get credentials(): Credentials | undefined {
    return this.current;
  }

  /** Adds scopes that a feature needs while it is enabled; sessions are matched by their exact scope set. */
  addScopeRequirement(requirement: () => readonly string[]): vscode.Disposable {
    this.scopeRequirements.push(requirement);
    return new vscode.Disposable(() => this.scopeRequirements.splice(this.scopeRequirements.indexOf(requirement), 1));
  }

  requiredScopes(): string[] {
    const all = new Set(baseScopes);
    for (const requirement of this.scopeRequirements) for (const scope of requirement()) all.add(scope);
    return [...all].sort();
  }

  endpoints(): GitHubEndpoints {
    return resolveEndpoints(this.deps.settings().apiUrl);
  }

  /**
   * The endpoints to sign in to. When the configured URL failed the settings check, the default
   * stands in for reading, but a sign-in must not send a token there: it refuses with the same
   * message the settings check showed.
   */
  signInEndpoints(): GitHubEndpoints {
    const problem = this.deps.settings().apiUrlProblem;
    if (problem) throw new InvalidApiUrlError(problem);
    return this.endpoints();
  }

  private providerId(): 'github' | 'github-enterprise' {
    return this.endpoints().isDotCom ? 'github' : 'github-enterprise';
  }

  /** The credentials to use now, found without any prompt. Concurrent callers share one lookup. */
  async resolve(): Promise<Credentials | undefined> {
    return this.lookup.current();
  }

  /** Like resolve(), but throws NotSignedInError when there is nothing to use. */
  async require(): Promise<Credentials> {
    const credentials = this.current ?? (await this.resolve());
    if (!credentials) throw new NotSignedInError();
    return credentials;
  }

  /** Something the lookup reads changed: a lookup already running may have read it before. */
  private async refresh(): Promise<void> {
    await this.lookup.afterChange();
  }

  private async lookUp(): Promise<Credentials | undefined> {
    const decisions = this.decisions;
    const found = await this.findCredentials().catch((err: unknown) => {
      this.log.warn(`could not look up GitHub credentials: ${errorText(err)}`);
      return undefined;
    });
    // The lead signed in or out here while this looked: what it found predates that, and must
    // not sign a window that was just signed out back in, even for a moment.
    if (decisions !== this.decisions) return this.current;
    this.update(found);
    return found;
  }

  /** A sign-in or Sign Out in this window: it wins over any lookup that began before it. */
  private decide(next: Credentials | undefined): void {
    this.decisions++;
    this.update(next);
  }

  private async findCredentials(): Promise<Credentials | undefined> {
    const endpoints = this.endpoints();
    // Signed out (here or in another window) means nothing is used, a token not yet removed included.
    if (this.deps.shared.get<boolean>(StateKey.signedOut)) return undefined;
    const stored = await this.deps.secrets.get(SecretKey.githubToken(endpoints.apiUrl));
    if (stored) return { token: stored, source: 'token', endpoints };
    const session = await this.getSession({ silent: true });
    if (session) return { token: session.accessToken, source: 'session', account: session.account.label, endpoints };
    const fromEnv = this.env.GITHUB_TOKEN || this.env.GH_TOKEN;
    if (fromEnv) return { token: fromEnv, source: 'environment', endpoints };
    return undefined;
  }

  private async getSession(options: vscode.AuthenticationGetSessionOptions): Promise<vscode.AuthenticationSession | undefined> {
    // Without github-enterprise.uri the enterprise provider cannot have a session, and asking it
    // anyway costs seconds before it gives up, delaying the environment-token fallback.
    if (this.providerId() === 'github-enterprise' && !vscode.workspace.getConfiguration('github-enterprise').get<string>('uri')) {
      return undefined;
    }
    try {
      return await vscode.authentication.getSession(this.providerId(), this.requiredScopes(), options);
    } catch (err) {
      // No enterprise URI configured, or the provider is not installed: other sources may still work.
      this.log.debug(`no ${this.providerId()} session: ${errorText(err)}`);
      return undefined;
    }
  }

  private update(next: Credentials | undefined): void {
    const changed = next?.token !== this.current?.token || next?.endpoints.apiUrl !== this.current?.endpoints.apiUrl;
    this.current = next;
    this.forgetSecret?.();
    this.forgetSecret = next ? this.deps.addSecret(next.token) : undefined;
    void setContextKey(ContextKey.signedIn, next !== undefined);
    if (changed) {
      this.log.info(next ? `signed in to ${next.endpoints.apiUrl} using ${describeSource(next.source)}` : 'not signed in');
      this.emitter.fire(next);
    }
  }

  /** Interactive sign-in through VS Code's GitHub (or GitHub Enterprise) account. */
  async signIn(): Promise<Credentials | undefined> {
    const endpoints = this.signInEndpoints();
    if (!endpoints.isDotCom) await this.ensureEnterpriseUri(endpoints);
    let session: vscode.AuthenticationSession;
    try {
      session = await vscode.authentication.getSession(this.providerId(), this.requiredScopes(), { createIfNone: true });
    } catch (err) {
      // VS Code rejects with a plain Error when the lead cancels the consent dialog or the
      // browser sign-in, and the account provider reports its own failures itself: either way the
      // lead knows already, so the command ends quietly (the log keeps the reason).
      this.log.info(`sign-in did not complete: ${errorText(err)}`);
      throw new vscode.CancellationError();
    }
    // Only now: a sign-in the lead cancelled leaves a Sign Out in force, in every window.
    await this.deps.shared.update(StateKey.signedOut, undefined);
    this.decide({ token: session.accessToken, source: 'session', account: session.account.label, endpoints });
    return this.current;
  }

  /** The built-in enterprise provider reads `github-enterprise.uri`; offer to set it from our API URL. */
  private async ensureEnterpriseUri(endpoints: GitHubEndpoints): Promise<void> {
    const section = vscode.workspace.getConfiguration('github-enterprise');
    if (section.get<string>('uri')) return;
    const set = 'Set github-enterprise.uri';
    const choice = await notify(
      'info',
      message`Signing in to ${endpoints.webUrl} uses VS Code's GitHub Enterprise account, which needs the setting github-enterprise.uri.`,
      { modal: true },
      set,
    );
    if (choice !== set) throw new vscode.CancellationError();
    await section.update('uri', endpoints.webUrl, vscode.ConfigurationTarget.Global);
  }

  /**
   * Whether the lead was told about these credentials' missing scopes when they signed in with
   * them: the token sign-in checks the token and says what it lacks, so the refresh that follows
   * must not say it again in a second toast.
   */
  scopesToldAtSignIn(token: string): boolean {
    return this.toldScopesFor === token;
  }

  /** Stores a personal access token (already checked by the caller, who told the lead its scopes) for the current API root. */
  async storeToken(token: string): Promise<void> {
    this.toldScopesFor = token;
    const endpoints = this.endpoints();
    await this.deps.shared.update(StateKey.signedOut, undefined);
    await this.deps.secrets.store(SecretKey.githubToken(endpoints.apiUrl), token);
    this.decide({ token, source: 'token', endpoints });
  }

  /** Forgets the stored token and stops using the VS Code session and environment tokens silently. */
  async signOut(): Promise<void> {
    // The mark first: another window that hears of the token's removal before it would take up
    // the VS Code session or the environment token instead.
    await this.deps.shared.update(StateKey.signedOut, true);
    await this.deps.secrets.delete(SecretKey.githubToken(this.endpoints().apiUrl));
    this.decide(undefined);
  }

  dispose(): void {
    this.forgetSecret?.();
    for (const d of this.disposables) d.dispose();
  }
}

// Not translated: the source of a sign-in is named only in the log.
export function describeSource(source: CredentialSource): string {
  switch (source) {
    case 'token':
      return 'a stored personal access token';
    case 'session':
      return "VS Code's GitHub account";
    case 'environment':
      return 'GITHUB_TOKEN / GH_TOKEN from the environment';
  }
}
