import type * as vscode from 'vscode';
import { AuthService } from './auth/authService';
import { ConfigService } from './config';
import { GitHubService } from './github/githubService';
import { featureHost } from './entry/featureHost';
import { LeadDeskLog } from './log';
import { RefreshCoordinator } from './refreshCoordinator';
import { InterruptionGate } from './interruptions';
import { SlackConnection } from './slack/slackConnection';
import { scopedLogger } from '../core/logger';
import { TeamDirectory } from '../github/delegation/teamDirectory';
import { openSharedState, type SharedState } from './entry/sharedState';

/** The long-lived services every feature builds on. Creating them does no I/O. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: LeadDeskLog;
  readonly config: ConfigService;
  readonly auth: AuthService;
  readonly github: GitHubService;
  readonly refresh: RefreshCoordinator;
  /** Review-request pop-ups pass through here, so a focus block can hold them for a digest. */
  readonly interruptions: InterruptionGate;
  /** The one Slack connection (token in SecretStorage) the focus guard, the weekly update and the pulse share. */
  readonly slack: SlackConnection;
  /**
   * GitHub teams' members (leadDesk.githubTeam, CODEOWNERS teams), one cache for Delegation, the
   * Team view, Nudge Reviewers and the weekly update; forgotten when the account changes, as
   * another account may see other teams.
   */
  readonly teams: TeamDirectory;
  /** What every window of this profile changes: focus, pins and snoozes, nudges, quiet time, pulses, Sign Out. */
  readonly sharedState: SharedState;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = new LeadDeskLog(featureHost().logChannel());
  const config = new ConfigService(log);
  const sharedState = featureHost().sharedState?.() ?? openSharedState(context.globalStorageUri.fsPath, context.globalState, (problem) => log.warn(problem));
  const auth = new AuthService({
    secrets: context.secrets,
    shared: sharedState,
    settings: () => config.settings.github,
    onDidChangeSettings: config.onDidChange,
    log,
    addSecret: (secret) => log.addSecret(secret),
  });
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const github = new GitHubService(auth, log, `lead-desk/${version}`);
  const refresh = new RefreshCoordinator(log);
  const interruptions = new InterruptionGate();
  const slack = new SlackConnection({
    secrets: context.secrets,
    apiUrl: () => config.settings.focus.slack.apiUrl,
    log: scopedLogger(log, 'slack'),
    addSecret: (secret) => log.addSecret(secret),
  });
  const teams = new TeamDirectory();
  context.subscriptions.push(log, config, auth, github, refresh, interruptions, slack, github.onDidChangeAccount(() => teams.clear()));
  return { context, log, config, auth, github, refresh, interruptions, slack, teams, sharedState };
}
