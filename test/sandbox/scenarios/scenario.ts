// The typed scenario format the GitHub sandbox is seeded from.
// Any date field may be an ISO timestamp or a time relative to "now" ("-3h", "-2d", "+30m"),
// so a committed scenario always looks current; see relativeDates.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRelativeDates } from './relativeDates.js';

const SCENARIO_DIR = path.dirname(fileURLToPath(import.meta.url));

/** A date: ISO 8601, or relative to load time: /^[+-]\d+(\.\d+)?(s|m|h|d|w)$/. */
export type ScenarioDate = string;

export interface ScenarioUserStatus {
  emoji?: string | null;
  message?: string | null;
  limitedAvailability?: boolean;
  expiresAt?: ScenarioDate | null;
  /** Set when the status was written; defaults to load time. */
  createdAt?: ScenarioDate;
}

export interface ScenarioUser {
  login: string;
  /** Database id; assigned deterministically when absent. */
  id?: number;
  name?: string | null;
  email?: string | null;
  company?: string | null;
  location?: string | null;
  bio?: string | null;
  type?: 'User' | 'Bot';
  createdAt?: ScenarioDate;
  status?: ScenarioUserStatus | null;
}

export interface ScenarioOrg {
  login: string;
  id?: number;
  name?: string | null;
  description?: string | null;
  members: string[];
}

export interface ScenarioTeam {
  /** Organization login. */
  org: string;
  slug: string;
  name: string;
  id?: number;
  description?: string | null;
  members: string[];
}

export interface ScenarioCommit {
  sha: string;
  message: string;
  /** GitHub login the commit email maps to; null when the email belongs to no account. */
  author: string | null;
  authorName?: string;
  authorEmail?: string;
  date: ScenarioDate;
}

export interface ScenarioRepo {
  owner: string;
  name: string;
  id?: number;
  description?: string | null;
  private?: boolean;
  archived?: boolean;
  defaultBranch?: string;
  language?: string | null;
  /** Logins with push access (the owner user, for user-owned repos, always has it). */
  collaborators: string[];
  /** Approvals branch protection requires; 0 means reviewDecision stays null. Default 1. */
  requiredApprovals?: number;
  createdAt?: ScenarioDate;
  pushedAt?: ScenarioDate;
  /** Repository files served by the contents API, e.g. { ".github/CODEOWNERS": "..." }. */
  files?: Record<string, string>;
  /** Extra commits for identity lookups (PR commits are added automatically). */
  commits?: ScenarioCommit[];
}

export interface ScenarioPullFile {
  path: string;
  additions: number;
  deletions: number;
  status?: 'added' | 'removed' | 'modified' | 'renamed';
  previousPath?: string;
}

export interface ScenarioReviewRequest {
  /** Exactly one of user or team ("org/slug"). */
  user?: string;
  team?: string;
  requestedAt: ScenarioDate;
  asCodeOwner?: boolean;
  /** Who asked; defaults to the PR author. */
  requestedBy?: string;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ScenarioReview {
  author: string;
  state: ReviewState;
  submittedAt: ScenarioDate;
  body?: string;
  /** Sha of the commit reviewed; defaults to the pull request's latest commit at submittedAt. */
  commit?: string;
}

export interface ScenarioComment {
  author: string;
  body: string;
  createdAt: ScenarioDate;
}

export type CiState = 'SUCCESS' | 'FAILURE' | 'PENDING' | 'ERROR' | 'EXPECTED';
export type MergeableState = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
export type ReviewDecision = 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED';

export interface ScenarioMilestone {
  title: string;
  /** Per repository; defaults to 1. */
  number?: number;
  dueAt?: ScenarioDate | null;
}

export interface ScenarioPull {
  /** "owner/name" */
  repo: string;
  number: number;
  title: string;
  body?: string;
  /** null models a deleted account: GraphQL author is null, REST shows the "ghost" user. */
  author: string | null;
  state?: 'open' | 'closed' | 'merged';
  draft?: boolean;
  createdAt: ScenarioDate;
  updatedAt?: ScenarioDate;
  lastEditedAt?: ScenarioDate | null;
  /** When a draft was marked ready; also becomes publishedAt. */
  readyForReviewAt?: ScenarioDate | null;
  closedAt?: ScenarioDate | null;
  mergedAt?: ScenarioDate | null;
  headRef?: string;
  baseRef?: string;
  headSha?: string;
  files: ScenarioPullFile[];
  labels?: string[];
  /** The milestone the pull request belongs to; `dueAt` becomes GraphQL's `dueOn`. */
  milestone?: ScenarioMilestone | null;
  assignees?: string[];
  reviewRequests?: ScenarioReviewRequest[];
  reviews?: ScenarioReview[];
  comments?: ScenarioComment[];
  /** statusCheckRollup state of the head commit; null/absent means no checks. */
  ci?: CiState | null;
  mergeable?: MergeableState;
  /** Overrides the decision derived from reviews and the repo's requiredApprovals. */
  reviewDecision?: ReviewDecision | null;
  commits?: ScenarioCommit[];
}

export interface ScenarioToken {
  token: string;
  login: string;
  scopes: string[];
}

export interface ScenarioSlackUser {
  id: string;
  name: string;
  realName?: string;
  /** GitHub login of the same person, for tests that join the two. */
  githubLogin?: string;
  statusText?: string;
  statusEmoji?: string;
  /** Epoch seconds or relative date; 0 or absent = no expiry. */
  statusExpiration?: number | ScenarioDate;
  /** When DND snooze ends (relative or ISO); absent = not snoozing. */
  snoozeEndsAt?: ScenarioDate | null;
}

export interface ScenarioSlackToken {
  token: string;
  userId: string;
  scopes: string[];
}

export interface ScenarioSlackChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** Slack user ids. */
  members: string[];
  /** Messages already in the channel, oldest first (e.g. earlier weeks' pulses). */
  messages?: ScenarioSlackMessage[];
}

export interface ScenarioSlackMessage {
  /** When it was posted: relative ("-7d") or absolute; its Slack ts is made from it. */
  postedAt: string;
  user: string;
  text: string;
  reactions?: Array<{ name: string; users: string[] }>;
}

export interface ScenarioSlack {
  teamId: string;
  teamName: string;
  users: ScenarioSlackUser[];
  tokens: ScenarioSlackToken[];
  channels?: ScenarioSlackChannel[];
}

export type RateResource = 'core' | 'search' | 'graphql';

export interface ScenarioRateLimits {
  /** Requests (core, search) or points (graphql) per window, per token. */
  core?: number;
  search?: number;
  graphql?: number;
}

export interface Scenario {
  name?: string;
  description?: string;
  /** The login the demo signs in as. */
  viewer?: string;
  users: ScenarioUser[];
  orgs?: ScenarioOrg[];
  teams?: ScenarioTeam[];
  repos: ScenarioRepo[];
  pullRequests: ScenarioPull[];
  tokens: ScenarioToken[];
  slack?: ScenarioSlack;
  rateLimits?: ScenarioRateLimits;
}

/**
 * Loads a scenario by name (a file in this folder, e.g. "demo") or by path, resolving
 * relative dates against `now`.
 */
export function loadScenario(nameOrPath: string, now: Date = new Date()): Scenario {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.json');
  const file = looksLikePath ? path.resolve(nameOrPath) : path.join(SCENARIO_DIR, `${nameOrPath}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  return resolveRelativeDates(raw, now);
}
