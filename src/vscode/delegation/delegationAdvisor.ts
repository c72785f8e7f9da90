import * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';
import { defaultDelegateOptions, expertiseStanding, shouldDelegate, type ChangedFile, type DelegateDecision } from '../../core/delegation/delegateClassifier';
import { scoreExpertise } from '../../core/delegation/expertiseScore';
import type { ExpertiseIndex } from '../../core/delegation/expertiseIndex';
import type { RawIdentity } from '../../core/delegation/types';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import { fetchManyPullRequestChanges, type PullRequestChanges } from '../../github/delegation/pullRequestFiles';
import type { GitHubClient } from '../../github/client';
import { fetchViewer } from '../../github/viewer';
import type { Services } from '../services';
import { checkoutOf } from './checkouts';
import type { EmailLoginCache } from './emailLoginCache';
import type { ExpertiseStore } from './expertiseStore';

export interface DelegationAdvice {
  readonly delegate: boolean;
  /** One line for the queue: "good to delegate: only tests change · small change (8 lines)". */
  readonly summary: string;
  readonly decision: DelegateDecision;
}

export interface AdviceRequest {
  readonly pull: PullRequestRef;
  /** The changed files, when the caller has them; otherwise they are fetched (ten per request). */
  readonly files?: readonly ChangedFile[];
}

/** Advice is kept this long; a pull request that changes gets a new key from the queue's refresh anyway. */
const TTL_MS = 10 * 60_000;

/**
 * "Should I delegate this?" for the Review Queue. The queue passes its "Needs my review" pull
 * requests and shows the advice next to them. It never starts git: the "someone else knows more"
 * test uses an expertise index only if the Delegation view already loaded one for that repository.
 */
export class DelegationAdvisor implements vscode.Disposable {
  private readonly cache = new Map<string, { advice: DelegationAdvice; at: number }>();
  private readonly viewers = new WeakMap<GitHubClient, Promise<string | undefined>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when advice changed (new answers, or settings that change them). */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly store: ExpertiseStore,
    private readonly emailLogins: EmailLoginCache,
    private readonly now: () => number = Date.now,
  ) {
    this.subscription = services.config.onDidChangeSection('delegation', () => {
      this.cache.clear();
      this.emitter.fire();
    });
  }

  /** The advice already worked out for a pull request, if any; never does I/O. */
  peek(pull: Pick<PullRequestRef, 'owner' | 'repo' | 'number'>): DelegationAdvice | undefined {
    const hit = this.cache.get(pullRequestKey(pull));
    return hit && this.now() - hit.at <= TTL_MS ? hit.advice : undefined;
  }

  /** Advice for each pull request, keyed by `pullRequestKey`. Pull requests GitHub does not show are left out. */
  async advise(requests: readonly AdviceRequest[]): Promise<Map<string, DelegationAdvice>> {
    const out = new Map<string, DelegationAdvice>();
    const missing: AdviceRequest[] = [];
    for (const r of requests) {
      const cached = this.peek(r.pull);
      if (cached) out.set(pullRequestKey(r.pull), cached);
      else missing.push(r);
    }
    if (missing.length === 0) return out;

    const client = await this.services.github.client();
    const needFiles = missing.filter((r) => !r.files);
    const fetched = needFiles.length > 0 ? await fetchManyPullRequestChanges(client, needFiles.map((r) => r.pull)) : new Map<string, PullRequestChanges>();
    const me = await this.viewerLogin(client);
    const settings = this.services.config.settings.delegation;
    const options = { ...defaultDelegateOptions, keepPaths: settings.keepPaths, smallChangeLines: settings.smallChangeLines };

    for (const r of missing) {
      const key = pullRequestKey(r.pull);
      const changes = fetched.get(key);
      const files: readonly ChangedFile[] | undefined = r.files ?? changes?.files;
      if (!files) continue;
      // The batch reads the first 100 files; the classifier never calls a bigger pull request routine.
      const standing = await this.standing(r.pull, files.map((f) => f.path), me, changes?.author ?? r.pull.author, client.endpoints.apiUrl);
      const decision = shouldDelegate(files, standing, options, changes?.changedFiles);
      const advice: DelegationAdvice = { delegate: decision.delegate, summary: summarise(decision), decision };
      this.cache.set(key, { advice, at: this.now() });
      out.set(key, advice);
    }
    this.emitter.fire();
    return out;
  }

  private async standing(pull: PullRequestRef, paths: readonly string[], me: string | undefined, author: string | undefined, apiUrl: string) {
    const hosts = ['github.com', new URL(apiUrl).hostname];
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const checkout = await checkoutOf(folders, { owner: pull.owner, repo: pull.repo }, hosts);
    if (!checkout) return undefined;
    const expertise = this.store.peek(checkout.workTree) ?? this.store.peek(await realpath(checkout.workTree).catch(() => checkout.workTree));
    if (!expertise) return undefined;
    const { index } = expertise;
    const result = scoreExpertise(index, paths, this.now());
    const myId = me ? this.personOf(index, me, apiUrl) : undefined;
    const authorId = author ? this.personOf(index, author, apiUrl) : undefined;
    return expertiseStanding(result, myId, new Set(authorId ? [authorId] : []), (id) => index.identities.describe(id).name);
  }

  private viewerLogin(client: GitHubClient): Promise<string | undefined> {
    let login = this.viewers.get(client);
    if (!login) {
      login = fetchViewer(client).then(
        (v) => v.login,
        () => {
          this.viewers.delete(client);
          return undefined;
        },
      );
      this.viewers.set(client, login);
    }
    return login;
  }

  /** A login's person in the index: by the login itself, or by emails and names mapped to it. */
  private personOf(index: ExpertiseIndex, login: string, apiUrl: string): string | undefined {
    const candidates: RawIdentity[] = [{ login }];
    const lower = login.toLowerCase();
    for (const [key, mapped] of Object.entries(this.services.config.settings.delegation.logins)) {
      if (mapped.toLowerCase() === lower) candidates.push(key.includes('@') ? { email: key } : { name: key });
    }
    for (const [email, known] of this.emailLogins.get(apiUrl)) {
      if (known?.toLowerCase() === lower) candidates.push({ email });
    }
    for (const c of candidates) {
      const id = index.identities.lookup(c);
      if (id !== undefined) return id;
    }
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.cache.clear();
  }
}

export function summarise(decision: DelegateDecision): string {
  if (decision.kept.length > 0) return `keep: touches ${decision.kept[0].path} (${decision.kept[0].pattern})`;
  if (!decision.delegate) return '';
  return `good to delegate: ${decision.reasons.map((r) => r.text).join(' · ')}`;
}
