// The sandbox's mutable in-memory model. Scenario fields are normalised (defaults filled,
// ids assigned, dates absolute) so handlers never need to guess.
import type { CiState, MergeableState, ReviewDecision, ReviewState, ScenarioRateLimits } from '../scenarios/scenario';

export interface StatusRecord {
  emoji: string | null;
  message: string | null;
  limitedAvailability: boolean;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Login of the organisation whose members alone see the status; absent or null: public. */
  organization?: string | null;
}

export interface UserRecord {
  login: string;
  id: number;
  name: string | null;
  email: string | null;
  company: string | null;
  location: string | null;
  bio: string | null;
  type: 'User' | 'Bot';
  createdAt: string;
  status: StatusRecord | null;
}

export interface OrgRecord {
  login: string;
  id: number;
  name: string | null;
  description: string | null;
  members: string[];
  createdAt: string;
}

export interface TeamRecord {
  org: string;
  slug: string;
  name: string;
  id: number;
  description: string | null;
  members: string[];
}

export interface CommitRecord {
  sha: string;
  message: string;
  author: string | null;
  authorName: string;
  authorEmail: string;
  date: string;
}

export interface RepoRecord {
  owner: string;
  ownerType: 'Organization' | 'User';
  name: string;
  id: number;
  description: string | null;
  private: boolean;
  archived: boolean;
  defaultBranch: string;
  language: string | null;
  collaborators: string[];
  requiredApprovals: number;
  createdAt: string;
  pushedAt: string;
  files: Record<string, string>;
  commits: CommitRecord[];
}

export interface PullFileRecord {
  path: string;
  additions: number;
  deletions: number;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previousPath?: string;
}

export interface ReviewRequestRecord {
  user?: string;
  /** "org/slug" */
  team?: string;
  requestedAt: string;
  asCodeOwner: boolean;
  requestedBy: string | null;
}

export interface ReviewRecord {
  id: number;
  author: string;
  state: ReviewState;
  submittedAt: string;
  body: string;
  /** When the review was begun with a pending comment (GitHub's createdAt); absent for one-step reviews. */
  startedAt?: string;
  /** The head commit the review was made on; when absent, the pull request's commit of that time. */
  commitSha?: string;
}

export interface CommentRecord {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export type TimelineEventType = 'ReviewRequestedEvent' | 'ReviewRequestRemovedEvent' | 'ReadyForReviewEvent';

export interface TimelineEventRecord {
  type: TimelineEventType;
  id: number;
  createdAt: string;
  actor: string | null;
  reviewer?: { user?: string; team?: string };
}

export interface MilestoneRecord {
  title: string;
  number: number;
  /** ISO timestamp or null. */
  dueOn: string | null;
}

export interface PullRecord {
  /** "owner/name" as written in the scenario. */
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string;
  author: string | null;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  readyForReviewAt: string | null;
  closedAt: string | null;
  mergedAt: string | null;
  headRef: string;
  baseRef: string;
  headSha: string;
  files: PullFileRecord[];
  labels: string[];
  milestone: MilestoneRecord | null;
  assignees: string[];
  reviewRequests: ReviewRequestRecord[];
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  ci: CiState | null;
  mergeable: MergeableState;
  /** undefined = derive from reviews and the repo's requiredApprovals. */
  reviewDecisionOverride: ReviewDecision | null | undefined;
  commits: CommitRecord[];
  timeline: TimelineEventRecord[];
}

export interface TokenRecord {
  token: string;
  login: string;
  scopes: string[];
}

export interface SlackUserRecord {
  id: string;
  name: string;
  realName: string;
  githubLogin?: string;
  statusText: string;
  statusEmoji: string;
  /** Epoch seconds; 0 = no expiry. */
  statusExpiration: number;
  /** Epoch seconds when the DND snooze ends; null = not snoozing. */
  snoozeEndsAt: number | null;
}

export interface SlackTokenRecord {
  token: string;
  userId: string;
  scopes: string[];
}

export interface SlackReactionRecord {
  name: string;
  /** User ids, as Slack keeps them. */
  users: string[];
}

export interface SlackMessageRecord {
  ts: string;
  user: string;
  text: string;
  reactions: SlackReactionRecord[];
  /** The other arguments as sent (parse, link_names, unfurl_*…), for tests. */
  args: Record<string, unknown>;
}

export interface SlackChannelRecord {
  id: string;
  name: string;
  isPrivate: boolean;
  /** User ids of the members; a token whose user is not one gets not_in_channel. */
  members: string[];
  /** Oldest first. */
  messages: SlackMessageRecord[];
}

export interface SlackState {
  teamId: string;
  teamName: string;
  users: SlackUserRecord[];
  tokens: SlackTokenRecord[];
  channels: SlackChannelRecord[];
}

export interface SandboxState {
  name: string;
  viewer: string | undefined;
  users: UserRecord[];
  orgs: OrgRecord[];
  teams: TeamRecord[];
  repos: RepoRecord[];
  pulls: PullRecord[];
  tokens: TokenRecord[];
  slack: SlackState;
  rateLimits: Required<ScenarioRateLimits>;
  /** Next database id for records created at run time (comments, events). */
  nextId: number;
}
