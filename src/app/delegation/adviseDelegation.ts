// "Should I delegate this?" for the pull requests of the Review Queue: fetch the changed files the
// caller does not have, and judge each pull request on them and, when an expertise index for its
// repository is already in memory, on who knows the code better. Never starts git.
import { translated } from '../../core/inertText';
import { realpath } from 'node:fs/promises';
import { defaultDelegateOptions, expertiseStanding, shouldDelegate, type ChangedFile, type DelegateDecision, type ExpertiseStanding } from '../../core/delegation/delegateClassifier';
import type { ExpertiseIndex } from '../../core/delegation/expertiseIndex';
import { scoreExpertise } from '../../core/delegation/expertiseScore';
import type { RawIdentity } from '../../core/delegation/types';
import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import { pullRequestKey, type PullRequestRef } from '../../core/pullRequestRef';
import { checkoutOf } from '../../git/checkouts';
import type { GitHubClient } from '../../github/client';
import { fetchManyPullRequestChanges, type PullRequestChanges } from '../../github/delegation/pullRequestFiles';
import { fetchReviewLoad } from '../../github/delegation/reviewLoad';
import { GitHubError } from '../../github/errors';
import { missingScopes } from '../../github/viewer';
import type { EmailLoginMemory } from './reviewerSuggestions';

export interface DelegationAdvice {
  readonly delegate: boolean;
  /** One line for the queue: "Good to delegate: Ana Lima (@ana) made 12 changes to these files and has 1 open review". */
  readonly summary: string;
  readonly decision: DelegateDecision;
  /**
   * Why the advice could not weigh who knows the code (a scope is missing, my own commits were not
   * found, review load could not be read). The row is then marked only for what its files show.
   */
  readonly limited?: string;
}

/** Who the advice names as knowing the files better, with what it is based on. */
export interface BetterReviewer {
  readonly name: string;
  readonly login?: string;
  /** Commits authored or reviewed, counted per touched file. */
  readonly changes: number;
  /** Open review requests, when GitHub answered. */
  readonly openReviews?: number;
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
  /** The signed-in person's display name, which their commits may carry instead of an address GitHub knows. */
  readonly myName?: string;
  /** The sign-in's scopes (empty for fine-grained tokens, which do not report them). */
  readonly scopes?: readonly string[];
  /** Local folders that may hold clones of the pull requests' repositories. */
  readonly folders: readonly string[];
}

/** Scopes without which the advice cannot tell who is on the lead's team, so "someone knows more" is not claimed. */
const ADVICE_SCOPES = ['read:org'];

/** Advice per pull request, keyed by `pullRequestKey`; pull requests GitHub does not show are left out. */
export async function adviseDelegation(deps: AdviseDelegationDeps, input: AdviseInput): Promise<Map<string, DelegationAdvice>> {
  const { client } = input;
  const out = new Map<string, DelegationAdvice>();
  const needFiles = input.requests.filter((r) => !r.files);
  const fetched = needFiles.length > 0 ? await fetchManyPullRequestChanges(client, needFiles.map((r) => r.pull)) : new Map<string, PullRequestChanges>();
  const settings = deps.settings();
  const options = { ...defaultDelegateOptions, keepPaths: settings.keepPaths, smallChangeLines: settings.smallChangeLines };
  const apiUrl = client.endpoints.apiUrl;
  const missing = missingScopes(input.scopes ?? [], ADVICE_SCOPES);
  const scopeLimit = missing.length > 0 ? translated`Your GitHub sign-in lacks the ${missing.join(', ')} scope, so Lead Desk cannot tell who is on your team. Sign in again and grant it for advice on who knows the code.` : undefined;

  const judged: Array<{ key: string; files: readonly ChangedFile[]; changedFiles?: number; better?: { person: string; index: ExpertiseIndex; paths: readonly string[] }; standing?: ExpertiseStanding; limited?: string }> = [];
  for (const r of input.requests) {
    const key = pullRequestKey(r.pull);
    const changes = fetched.get(key);
    const files: readonly ChangedFile[] | undefined = r.files ?? changes?.files;
    if (!files) continue;
    // The batch reads the first 100 files; the classifier never calls a bigger pull request routine.
    const index = await indexFor(deps, r.pull, input.folders, apiUrl);
    if (!index) {
      judged.push({ key, files, changedFiles: changes?.changedFiles });
      continue;
    }
    const paths = files.map((f) => f.path);
    const found = standingIn(deps, index, paths, input, changes?.author ?? r.pull.author, apiUrl);
    // Not finding my own commits is not knowing nothing: comparing would mark every row someone else touched.
    const limited = scopeLimit ?? (found.myId === undefined ? translated`Lead Desk could not find your own commits in the history of ${r.pull.owner}/${r.pull.repo}, so it does not compare what you know. Map your commit email to your login in leadDesk.delegation.logins.` : undefined);
    // "Knows these files better" is said only with evidence to show: changes they made to these very files.
    const evidenced = found.bestId !== undefined && changesBy(index, paths, found.bestId) > 0;
    const standing: ExpertiseStanding = evidenced ? found.standing : { mine: found.standing.mine };
    judged.push({ key, files, changedFiles: changes?.changedFiles, ...(limited ? { limited } : { standing, ...(evidenced && found.bestId ? { better: { person: found.bestId, index, paths } } : {}) }) });
  }

  const logins = new Map<string, string>();
  for (const j of judged) {
    const login = j.better ? loginOf(deps, j.better.index, j.better.person, apiUrl) : undefined;
    if (login && j.better) logins.set(j.key, login);
  }
  let load: ReadonlyMap<string, number> | undefined;
  let loadProblem: string | undefined;
  if (logins.size > 0) {
    try {
      load = await fetchReviewLoad(client, new Set(logins.values()));
    } catch (err) {
      if (!GitHubError.is(err)) throw err;
      loadProblem = translated`GitHub did not say how many reviews people have open (${err.message.replace(/\.\s*$/, '')}), so Lead Desk does not suggest handing reviews on.`;
    }
  }

  for (const j of judged) {
    const login = logins.get(j.key);
    const openReviews = login ? load?.get(login.toLowerCase()) : undefined;
    // Someone who knows more but whose load is unknown is partial data: no mark on it alone.
    const limited = j.limited ?? (j.better && (loadProblem || openReviews === undefined) ? (loadProblem ?? translated`GitHub could not match the person who knows these files to a login, so their review load is unknown.`) : undefined);
    const decision = shouldDelegate(j.files, limited ? undefined : j.standing, options, j.changedFiles);
    const better = j.better && !limited ? { name: j.standing?.bestOther?.name ?? login ?? 'someone', ...(login ? { login } : {}), changes: changesBy(j.better.index, j.better.paths, j.better.person), ...(openReviews !== undefined ? { openReviews } : {}) } : undefined;
    out.set(j.key, { delegate: decision.delegate, summary: summarise(decision, better), decision, ...(limited ? { limited } : {}) });
  }
  return out;
}

async function indexFor(deps: AdviseDelegationDeps, pull: PullRequestRef, folders: readonly string[], apiUrl: string): Promise<ExpertiseIndex | undefined> {
  const checkout = await checkoutOf([...folders], { owner: pull.owner, repo: pull.repo }, ['github.com', new URL(apiUrl).hostname]);
  if (!checkout) return undefined;
  return deps.loadedIndex(checkout.workTree) ?? deps.loadedIndex(await realpath(checkout.workTree).catch(() => checkout.workTree));
}

function standingIn(deps: AdviseDelegationDeps, index: ExpertiseIndex, paths: readonly string[], input: Pick<AdviseInput, 'me' | 'myName'>, author: string | undefined, apiUrl: string): { standing: ExpertiseStanding; myId?: string; bestId?: string } {
  const result = scoreExpertise(index, paths, deps.now());
  const myId = (input.me ? personOf(deps, index, input.me, apiUrl) : undefined) ?? (input.myName ? index.identities.lookup({ name: input.myName }) : undefined);
  const authorId = author ? personOf(deps, index, author, apiUrl) : undefined;
  // Named by id first, so the person behind "knows these files better" can be described.
  const byId = expertiseStanding(result, myId, new Set(authorId ? [authorId] : []), (id) => id);
  const bestId = byId.bestOther?.name;
  const standing: ExpertiseStanding = byId.bestOther && bestId ? { mine: byId.mine, bestOther: { name: index.identities.describe(bestId).name, score: byId.bestOther.score } } : { mine: byId.mine };
  return { standing, ...(myId !== undefined ? { myId } : {}), ...(bestId !== undefined ? { bestId } : {}) };
}

/** Commits authored or reviewed by the person, counted per touched file: "made 12 changes to these files". */
function changesBy(index: ExpertiseIndex, paths: readonly string[], personId: string): number {
  return paths.reduce((n, p) => n + index.personTimes(p, personId, 'author').count + index.personTimes(p, personId, 'review').count, 0);
}

/** The person's GitHub login: from the history itself, the lead's mapping, or what GitHub said about their emails. */
function loginOf(deps: AdviseDelegationDeps, index: ExpertiseIndex, personId: string, apiUrl: string): string | undefined {
  const person = index.identities.describe(personId);
  if (person.logins[0]) return person.logins[0];
  const mapping = deps.settings().logins;
  for (const email of person.emails) if (mapping[email.toLowerCase()]) return mapping[email.toLowerCase()];
  if (mapping[person.name.toLowerCase()]) return mapping[person.name.toLowerCase()];
  const known = deps.emailLogins.get(apiUrl);
  for (const email of person.emails) {
    const login = known.get(email.toLowerCase()) ?? known.get(email);
    if (login) return login;
  }
  return undefined;
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

export function summarise(decision: DelegateDecision, better?: BetterReviewer): string {
  if (decision.kept.length > 0) return translated`Keep: touches ${decision.kept[0].path} (${decision.kept[0].pattern})`;
  if (!decision.delegate) return '';
  const reasons = decision.reasons.map((r) => (r.kind === 'othersKnowMore' && better ? explainBetter(better) : r.text));
  return translated`Good to delegate: ${reasons.join(' · ')}`;
}

/** "Ana Lima (@ana) made 12 changes to these files and has 1 open review". */
export function explainBetter(b: BetterReviewer): string {
  const who = b.login ? `${b.name} (@${b.login})` : b.name;
  const changes = b.changes === 1 ? translated`${who} made 1 change to these files` : translated`${who} made ${b.changes} changes to these files`;
  if (b.openReviews === undefined) return changes;
  if (b.openReviews === 0) return translated`${changes} and has no open reviews`;
  return b.openReviews === 1 ? translated`${changes} and has 1 open review` : translated`${changes} and has ${b.openReviews} open reviews`;
}
