import * as vscode from 'vscode';
import { adviseDelegation, type AdviceRequest, type AdviseDelegationDeps, type DelegationAdvice } from '../../app/delegation/adviseDelegation';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import type { GitHubClient } from '../../github/client';
import { fetchViewer, type Viewer } from '../../github/viewer';

export type { AdviceRequest, DelegationAdvice };

/** Advice is kept this long; a pull request that changes gets a new key from the queue's refresh anyway. */
const TTL_MS = 10 * 60_000;

export interface DelegationAdvisorDeps extends AdviseDelegationDeps {
  readonly client: () => Promise<GitHubClient>;
  /** Local folders that may hold clones (the workspace's folders on disk). */
  readonly folders: () => string[];
  /** Fires when settings that change the advice change. */
  readonly onDidChangeSettings: vscode.Event<unknown>;
}

/**
 * "Should I delegate this?" for the Review Queue: the queue passes its "Needs my review" pull
 * requests and shows the advice next to them. This keeps the answers and says when they change;
 * `adviseDelegation` works them out.
 */
export class DelegationAdvisor implements vscode.Disposable {
  private readonly cache = new Map<string, { advice: DelegationAdvice; at: number }>();
  private readonly viewers = new WeakMap<GitHubClient, Promise<Viewer | undefined>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when advice changed (new answers, or settings that change them). */
  readonly onDidChange = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: DelegationAdvisorDeps) {
    this.subscription = deps.onDidChangeSettings(() => {
      this.cache.clear();
      this.emitter.fire();
    });
  }

  /** The advice already worked out for a pull request, if any; never does I/O. */
  peek(pull: Pick<PullRequestRef, 'owner' | 'repo' | 'number'>): DelegationAdvice | undefined {
    const hit = this.cache.get(pullRequestKey(pull));
    return hit && this.deps.now() - hit.at <= TTL_MS ? hit.advice : undefined;
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

    const client = await this.deps.client();
    const viewer = await this.viewer(client);
    // The name and scopes tell the advice whether it can compare what I know with what others know.
    const fresh = await adviseDelegation(this.deps, { client, requests: missing, me: viewer?.login, ...(viewer?.name ? { myName: viewer.name } : {}), ...(viewer ? { scopes: viewer.scopes } : {}), folders: this.deps.folders() });
    const at = this.deps.now();
    for (const [key, advice] of fresh) {
      this.cache.set(key, { advice, at });
      out.set(key, advice);
    }
    this.emitter.fire();
    return out;
  }

  private viewer(client: GitHubClient): Promise<Viewer | undefined> {
    let login = this.viewers.get(client);
    if (!login) {
      login = fetchViewer(client).then(
        (v) => v,
        () => {
          this.viewers.delete(client);
          return undefined;
        },
      );
      this.viewers.set(client, login);
    }
    return login;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.cache.clear();
  }
}
