// The "who could take this?" use case, for a pull request or a file: what to read from GitHub and
// git, in which order, and how it combines into ranked candidates. Plain Node: the editor model
// only decides when to ask, shows progress, and turns problems into view actions.
import { translated } from '../../core/inertText';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ownersOfPaths, parseCodeowners } from '../../core/delegation/codeowners';
import { grouped } from '../../core/groupedNumber';
import { filesToRank, rankedFilesNote } from '../../core/delegation/rankedFiles';
import type { DelegationSettings } from '../../core/delegation/delegationSettings';
import { findCandidates, type CandidateFindings, type CandidateRow, type CandidateSources } from '../../core/delegation/findCandidates';
import type { GitHubRepoRef } from '../../core/delegation/gitRemote';
import { handoffArea } from '../../core/delegation/handoffMessage';
import type { PullRequestRef } from '../../core/pullRequestRef';
import { checkoutOf, findCheckout, type Checkout } from '../../git/checkouts';
import { readCodeownersFile } from '../../git/codeownersFile';
import type { GitHubClient } from '../../github/client';
import { githubCandidateSources } from '../../github/delegation/candidateSources';
import { GitHubError } from '../../github/errors';
import { fetchPullRequestChanges, type PullRequestChanges } from '../../github/delegation/pullRequestFiles';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { parseTeamRef } from '../../github/delegation/teamMembers';
import { fetchViewer, type Viewer } from '../../github/viewer';
import type { RepositoryExpertise } from '../../storage/expertiseStore';

/** The parts of a repository's expertise index a suggestion reads. */
export type RepositoryHistory = Pick<RepositoryExpertise, 'index' | 'root' | 'headSha' | 'shallow' | 'truncated' | 'sampleShas'>;

/** Where the expertise index of a work tree comes from (built, updated or cached by the caller's store, which shows its own progress). */
export type HistorySource = (workTree: string, settings: DelegationSettings) => Promise<RepositoryHistory>;

/** What GitHub said about commit emails, remembered between suggestions. */
export interface EmailLoginMemory {
  get(apiUrl: string): Map<string, string | null>;
  remember(apiUrl: string, learned: ReadonlyMap<string, string | null>): Promise<void>;
}

/** The narrow set of things a suggestion needs; built once by the feature's registration. */
export interface SuggestReviewersDeps {
  readonly emailLogins: EmailLoginMemory;
  readonly teams: TeamDirectory;
  readonly settings: () => DelegationSettings;
  readonly now: () => number;
}

/** Why no suggestion could be made, for the caller to put into words and actions. */
export type SuggestionProblemReason = 'noClone' | 'notInRepository' | 'outsideRepository';

export class SuggestionProblem extends Error {
  constructor(
    readonly reason: SuggestionProblemReason,
    message: string,
  ) {
    super(message);
    this.name = 'SuggestionProblem';
  }

  static is(err: unknown): err is SuggestionProblem {
    return err instanceof SuggestionProblem;
  }
}

export interface Suggestion {
  readonly rows: readonly CandidateRow[];
  readonly notes: readonly string[];
  /** What the handoff message names: "src/unix/" or the single file. */
  readonly area: string;
  readonly pull?: PullRequestChanges;
  readonly me?: string;
  /** "412 commits", with "(the most recent)" when the window was cut short. */
  readonly history: string;
  readonly shallow: boolean;
  /** One person alone knows the file: what to say, and the folder whose people the rows are instead. */
  readonly busFactor?: CandidateFindings['busFactor'];
}

export interface PullRequestRequest {
  readonly client: GitHubClient;
  readonly pull: PullRequestRef;
  /** Local folders that may hold a clone of the pull request's repository. */
  readonly folders: readonly string[];
  /** Hosts whose remotes count as GitHub (github.com and the Enterprise host). */
  readonly hosts: readonly string[];
  readonly history: HistorySource;
  readonly progress: (message: string) => void;
}

export interface FileRequest {
  /** Undefined when not signed in: suggestions then come from git alone. */
  readonly client: GitHubClient | undefined;
  /** Why GitHub is unavailable, when `client` is undefined. */
  readonly withoutGitHub?: string;
  /** Absolute path of a file on disk. */
  readonly file: string;
  readonly hosts: readonly string[];
  readonly history: HistorySource;
  readonly progress: (message: string) => void;
}

export class ReviewerSuggestions {
  private readonly viewers = new WeakMap<GitHubClient, Promise<Viewer>>();

  constructor(private readonly deps: SuggestReviewersDeps) {}

  /** Drops what was learned for the previous account (its team memberships). */
  forgetAccount(): void {
    this.deps.teams.clear();
  }

  /** The signed-in user, asked once per client; a failure is not remembered. */
  private viewer(client: GitHubClient): Promise<Viewer> {
    let viewer = this.viewers.get(client);
    if (!viewer) {
      viewer = fetchViewer(client);
      viewer.catch(() => this.viewers.delete(client));
      this.viewers.set(client, viewer);
    }
    return viewer;
  }

  async forPullRequest(request: PullRequestRequest): Promise<Suggestion> {
    const { client, pull, progress } = request;
    // The clone is found from files alone (no git, no network); then GitHub is asked while its
    // history is read, so that neither waits for the other.
    const checkout = await checkoutOf([...request.folders], { owner: pull.owner, repo: pull.repo }, [...request.hosts]);
    if (!checkout) {
      throw new SuggestionProblem('noClone', translated`No folder in this workspace is a clone of ${pull.owner}/${pull.repo}, so there is no history to learn from. Open a clone to see who knows these files.`);
    }
    progress(translated`Reading ${pull.owner}/${pull.repo}#${pull.number} from GitHub…`);
    const fromGitHub = Promise.all([fetchPullRequestChanges(client, pull), this.viewer(client)]);
    fromGitHub.catch(() => undefined);
    const [history, [changes, me]] = await Promise.all([request.history(checkout.workTree, this.deps.settings()), fromGitHub]);
    const touched = filesToRank(changes.files);
    const note = rankedFilesNote(touched.length, changes.files.length, changes.changedFiles);
    const findings = await this.find({
      client,
      history,
      checkout,
      repo: { owner: pull.owner, repo: pull.repo },
      touched,
      author: changes.author ?? pull.author,
      me,
      alreadyRequested: changes.requestedReviewers,
      progress,
    });
    return this.suggestion(history, findings, touched, note ? [note] : [], { pull: changes, me: me.login });
  }

  async forFile(request: FileRequest): Promise<Suggestion> {
    const file = await realpath(request.file).catch(() => request.file);
    const checkout = await findCheckout(path.dirname(file), [...request.hosts]);
    if (!checkout) throw new SuggestionProblem('notInRepository', translated`${path.basename(file)} is not inside a git repository, so there is no history to learn from.`);
    // Who I am is asked while git reads, so that GitHub's round trip is not added to git's time.
    const viewer = request.client ? this.viewer(request.client) : undefined;
    viewer?.catch(() => undefined);
    const history = await request.history(checkout.workTree, this.deps.settings());
    const relative = path.relative(await realpath(history.root).catch(() => history.root), file).split(path.sep).join('/');
    if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
      throw new SuggestionProblem('outsideRepository', translated`${path.basename(file)} is outside the repository at ${history.root}.`);
    }
    const notes = request.withoutGitHub ? [request.withoutGitHub] : [];
    const find = (client: GitHubClient | undefined) =>
      this.find({
        client,
        history,
        checkout,
        repo: checkout.repos[0],
        touched: [relative],
        author: undefined,
        me: undefined,
        // Ranking does not wait for who I am: GitHub is asked about load and availability while
        // that answer is still on its way, and I am left out once it arrives.
        ...(client && viewer ? { lead: viewer } : {}),
        alreadyRequested: [],
        progress: request.progress,
        busFactor: true,
      });
    let findings = await find(request.client);
    let me: Viewer | undefined;
    try {
      me = await viewer;
    } catch (err) {
      // A file's suggestion still works from git alone; GitHub only adds load and availability.
      if (!GitHubError.is(err)) throw err;
      notes.push(translated`GitHub signals unavailable: ${err.message}`);
      findings = await find(undefined);
    }
    return this.suggestion(history, findings, [relative], notes, me ? { me: me.login } : {});
  }

  private suggestion(history: RepositoryHistory, findings: CandidateFindings, touched: readonly string[], notes: readonly string[], extra: { pull?: PullRequestChanges; me?: string }): Suggestion {
    const all = [...notes, ...findings.notes];
    if (history.shallow) all.unshift(translated`This clone is shallow, so its history is partial: suggestions come from the ${history.index.commitCount} commits it has. Run "git fetch --unshallow" for better ones.`);
    if (history.headSha === undefined) all.unshift(translated`This repository has no commits yet.`);
    const count = history.index.commitCount;
    return {
      rows: findings.rows,
      notes: all,
      area: handoffArea([...touched]),
      history: history.truncated
        ? count === 1 ? translated`1 commit (the most recent)` : translated`${grouped(count)} commits (the most recent)`
        : count === 1 ? translated`1 commit` : translated`${grouped(count)} commits`,
      shallow: history.shallow,
      ...(findings.busFactor ? { busFactor: findings.busFactor } : {}),
      ...extra,
    };
  }

  private async find(input: {
    client: GitHubClient | undefined;
    history: RepositoryHistory;
    checkout: Checkout;
    repo: GitHubRepoRef | undefined;
    touched: string[];
    author: string | undefined;
    me: Viewer | undefined;
    /** Who I am, still being asked; used only when `me` is undefined. */
    lead?: Promise<Viewer>;
    alreadyRequested: readonly string[];
    progress: (message: string) => void;
    busFactor?: boolean;
  }): Promise<CandidateFindings> {
    const { client, history, me, author } = input;
    const settings = this.deps.settings();
    input.progress(translated`Ranking people by what they know…`);
    const notes: string[] = [];
    const codeOwners = await codeOwnersOf(input.checkout.workTree, input.touched);
    const [team, teamMembers] = await Promise.all([this.team(client, settings, notes), client ? this.deps.teams.ownerTeams(client, codeOwners, notes) : {}]);
    const apiUrl = client?.endpoints.apiUrl ?? '';
    const known = client ? this.deps.emailLogins.get(apiUrl) : new Map<string, string | null>();
    const sources: CandidateSources = client ? githubCandidateSources(client, input.repo) : {};
    const findings = await findCandidates(
      {
        index: history.index,
        touchedPaths: input.touched,
        now: this.deps.now(),
        ...(author ? { author } : {}),
        ...(me ? { me: me.login, ...(me.name ? { myName: me.name } : {}) } : input.lead ? { lead: input.lead } : {}),
        ...(team ? { team } : {}),
        codeOwners,
        teamMembers,
        mapping: settings.logins,
        knownEmails: known,
        sampleSha: (email) => history.sampleShas.get(email.toLowerCase()),
        alreadyRequested: input.alreadyRequested,
        ...(input.busFactor ? { busFactor: true } : {}),
      },
      sources,
    );
    if (client) await this.deps.emailLogins.remember(apiUrl, findings.learnedEmails);
    return { ...findings, notes: [...notes, ...findings.notes] };
  }

  /** The logins to narrow to: leadDesk.team, else the GitHub team's members, else everyone. */
  private async team(client: GitHubClient | undefined, settings: DelegationSettings, notes: string[]): Promise<readonly string[] | undefined> {
    if (settings.team.length > 0) return settings.team;
    if (!settings.githubTeam) return undefined;
    const ref = parseTeamRef(settings.githubTeam);
    if (!ref) return undefined;
    if (!client) {
      notes.push(translated`Sign in to GitHub to narrow the suggestions to ${settings.githubTeam}.`);
      return undefined;
    }
    const lookup = await this.deps.teams.members(client, ref);
    if (lookup.problem) notes.push(lookup.logins ? `${settings.githubTeam}: ${lookup.problem}` : translated`Not narrowed to ${settings.githubTeam}: ${lookup.problem}`);
    return lookup.logins;
  }
}

/** Owners of the touched paths from the checkout's CODEOWNERS, read as a file (no git). */
async function codeOwnersOf(workTree: string, touched: readonly string[]): Promise<string[]> {
  const file = await readCodeownersFile(workTree).catch(() => undefined);
  return file ? ownersOfPaths(parseCodeowners(file.text), touched) : [];
}
