import * as vscode from 'vscode';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import type { Logger } from '../../core/logger';
import type { DelegationAdvisor } from './delegationAdvisor';
import { t } from '../l10n';
import { errorText } from '../../core/errorText';

const SCHEME = 'lead-desk-delegation';
/** The queue group whose pull requests get advice: the ones waiting for my review. */
const NEEDS_MY_REVIEW = ':needsReview';
/** Items that appear together (a refresh, a scroll) are asked about in one batch. */
const BATCH_DELAY_MS = 400;

/**
 * The Review Queue's whole part in "should I delegate this?": its pull-request tree items set
 * `item.resourceUri = queueAdviceUri(node)`. The decoration provider below then marks the routine
 * ones with a badge and a tooltip saying why, without the queue knowing anything else.
 */
export function queueAdviceUri(node: { readonly id: string; readonly pullRequest: PullRequestRef }): vscode.Uri | undefined {
  if (!node.id.endsWith(NEEDS_MY_REVIEW)) return undefined;
  const { owner, repo, number, author } = node.pullRequest;
  return vscode.Uri.from({ scheme: SCHEME, path: `/${owner}/${repo}/${number}`, query: author ? new URLSearchParams({ author }).toString() : '' });
}

function refOf(uri: vscode.Uri): PullRequestRef | undefined {
  const m = /^\/([^/]+)\/([^/]+)\/(\d+)$/.exec(uri.path);
  if (!m) return undefined;
  const author = new URLSearchParams(uri.query).get('author') ?? undefined;
  return { owner: m[1], repo: m[2], number: Number(m[3]), title: `${m[1]}/${m[2]}#${m[3]}`, url: '', ...(author ? { author } : {}) };
}

export class QueueAdviceDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private readonly pending = new Map<string, { ref: PullRequestRef; uri: vscode.Uri }>();
  private readonly failed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly advisor: DelegationAdvisor,
    private readonly log: Logger,
  ) {
    // New settings (keepPaths, the size threshold) change the answers: ask again for what is shown.
    this.subscription = advisor.onDidChange(() => this.emitter.fire(undefined));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== SCHEME) return undefined;
    const ref = refOf(uri);
    if (!ref) return undefined;
    const advice = this.advisor.peek(ref);
    if (advice) {
      if (!advice.delegate) return undefined;
      // The tooltip says why; with partial data it also says what the advice could not weigh.
      const tooltip = advice.limited ? t('{0}. Advice is limited. {1}', advice.summary, advice.limited) : advice.summary;
      return new vscode.FileDecoration('→', tooltip, new vscode.ThemeColor('charts.blue'));
    }
    const key = pullRequestKey(ref);
    if (!this.failed.has(key)) {
      this.pending.set(key, { ref, uri });
      this.timer ??= setTimeout(() => void this.flush(), BATCH_DELAY_MS);
    }
    return undefined;
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return;
    try {
      await this.advisor.advise(batch.map((b) => ({ pull: b.ref })));
    } catch (err) {
      // Advice is a hint: a failure (offline, signed out) is logged, and not retried until a refresh.
      for (const b of batch) this.failed.add(pullRequestKey(b.ref));
      this.log.debug(`delegation advice for the queue failed: ${errorText(err)}`);
    }
    this.emitter.fire(batch.map((b) => b.uri));
  }

  /** Lets pull requests whose advice failed be asked about again (after a refresh). */
  reset(): void {
    this.failed.clear();
    this.emitter.fire(undefined);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
