// "Should I delegate this?" for the pull requests of the Review Queue: fetch the changed files the
// caller does not have, and judge each pull request on them and, when an expertise index for its
// repository is already in memory, on who knows the code better. Never starts git.
import { realpath } from 'node:fs/promises';
import { defaultDelegateOptions, expertiseStanding, shouldDelegate, type ChangedFile, type DelegateDecision } from '../../core/delegation/delegateClassifier';
import type { ExpertiseIndex } from '../../core/delegation/expertiseIndex';
import { scoreExpertise } from '../../core/delegation/expertiseScore';
import type { RawIdentity } from '../../core/delegation/types';
import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import { checkoutOf } from '../../git/checkouts';
import type { GitHubClient } from '../../github/client';
import { fetchManyPullRequestChanges, type PullRequestChanges } from '../../github/delegation/pullRequestFiles';
import type { EmailLoginMemory } from './reviewerSuggestions';

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

export interface AdviseDelegationDeps {
  /** An index already in memory for a work tree, if any; never builds one. */
  readonly loadedIndex: (workTree: string) => ExpertiseIndex | undefined;
  readonly emailLogins: EmailLoginMemory;
  readonly settings: () => DelegationSettings;
  readonly now: () => number;
}

export interface AdviseInput {
  readonly client: GitHubClient;
  readonly requests: readonly AdviceRequest[];
  /** The signed-in login, to tell "I know this best" from "someone else does". */
  readonly me: string | undefined;
  /** Local folders that may hold clones of the pull requests' repositories. */
  readonly folders: readonly string[];
}

/** Advice per pull request, keyed by `pullRequestKey`; pull requests GitHub does not show are left out. */
export async function adviseDelegation(deps: AdviseDelegationDeps, input: AdviseInput): Promise<Map<string, DelegationAdvice>> {
  const { client } = input;
  const out = new Map<string, DelegationAdvice>();
  const needFiles = input.requests.filter((r) => !r.files);
  const fetched = needFiles.length > 0 ? await fetchManyPullRequestChanges(client, needFiles.map((r) => r.pull)) : new Map<string, PullRequestChanges>();
  const settings = deps.settings();
  const options = { ...defaultDelegateOptions, keepPaths: settings.keepPaths, smallChangeLines: settings.smallChangeLines };
  const apiUrl = client.endpoints.apiUrl;
  for (const r of input.requests) {
    const key = pullRequestKey(r.pull);
    const changes = fetched.get(key);
    const files: readonly ChangedFile[] | undefined = r.files ?? changes?.files;
    if (!files) continue;
    // The batch reads the first 100 files; the classifier never calls a bigger pull request routine.
    const index = await indexFor(deps, r.pull, input.folders, apiUrl);
    const standing = index ? standingIn(deps, index, files.map((f) => f.path), input.me, changes?.author ?? r.pull.author, apiUrl) : undefined;
    const decision = shouldDelegate(files, standing, options, changes?.changedFiles);
    out.set(key, { delegate: decision.delegate, summary: summarise(decision), decision });
  }
  return out;
}

async function indexFor(deps: AdviseDelegationDeps, pull: PullRequestRef, folders: readonly string[], apiUrl: string): Promise<ExpertiseIndex | undefined> {
  const checkout = await checkoutOf([...folders], { owner: pull.owner, repo: pull.repo }, ['github.com', new URL(apiUrl).hostname]);
  if (!checkout) return undefined;
  return deps.loadedIndex(checkout.workTree) ?? deps.loadedIndex(await realpath(checkout.workTree).catch(() => checkout.workTree));
}

function standingIn(deps: AdviseDelegationDeps, index: ExpertiseIndex, paths: readonly string[], me: string | undefined, author: string | undefined, apiUrl: string) {
  const result = scoreExpertise(index, paths, deps.now());
  const myId = me ? personOf(deps, index, me, apiUrl) : undefined;
  const authorId = author ? personOf(deps, index, author, apiUrl) : undefined;
  return expertiseStanding(result, myId, new Set(authorId ? [authorId] : []), (id) => index.identities.describe(id).name);
}

/** A login's person in the index: by the login itself, or by emails and names mapped to it. */
function personOf(deps: AdviseDelegationDeps, index: ExpertiseIndex, login: string, apiUrl: string): string | undefined {
  const candidates: RawIdentity[] = [{ login }];
  const lower = login.toLowerCase();
  for (const [key, mapped] of Object.entries(deps.settings().logins)) {
    if (mapped.toLowerCase() === lower) candidates.push(key.includes('@') ? { email: key } : { name: key });
  }
  for (const [email, known] of deps.emailLogins.get(apiUrl)) {
    if (known?.toLowerCase() === lower) candidates.push({ email });
  }
  for (const c of candidates) {
    const id = index.identities.lookup(c);
    if (id !== undefined) return id;
  }
  return undefined;
}

export function summarise(decision: DelegateDecision): string {
  if (decision.kept.length > 0) return `keep: touches ${decision.kept[0].path} (${decision.kept[0].pattern})`;
  if (!decision.delegate) return '';
  return `good to delegate: ${decision.reasons.map((r) => r.text).join(' · ')}`;
}
