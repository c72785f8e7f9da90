import * as vscode from 'vscode';
import { draftWeeklyUpdate, type DraftDependencies } from '../../app/update/draftWeeklyUpdate';
import { postWeeklyUpdate } from '../../app/update/postWeeklyUpdate';
import { scopedLogger } from '../../core/logger';
import { registerCommands } from '../commands/command';
import { WorkspaceRepos } from '../queue/workspaceRepos';
import type { Services } from '../services';
import { copyWeeklyUpdateCommand } from './commands/copyWeeklyUpdate';
import { draftWeeklyUpdateCommand } from './commands/draftWeeklyUpdate';
import { postWeeklyUpdateCommand } from './commands/postWeeklyUpdate';
import { rewriteWeeklyUpdateCommand } from './commands/rewriteWeeklyUpdate';
import { focusHistory } from './focusHistory';
import { templateSource } from './templateSource';
import { UpdateDrafts } from './updateDrafts';

/**
 * The weekly update: Draft, Copy, Post to Slack and Rewrite. Registering does no I/O; GitHub,
 * git remotes, the template file and Slack are reached only when a command runs.
 */
export function registerUpdateFeature(services: Services, handoffs?: DraftDependencies['handoffs']): vscode.Disposable {
  const log = scopedLogger(services.log, 'update');
  const drafts = new UpdateDrafts();
  const repos = new WorkspaceRepos(log, () => services.auth.endpoints().webUrl);
  const { slack } = services;
  const now = () => new Date();
  const draft = draftWeeklyUpdateCommand({
    drafts,
    now,
    draft: (week) =>
      draftWeeklyUpdate(
        {
          client: () => services.github.client(),
          teams: services.teams,
          settings: () => {
            const s = services.config.settings;
            return { update: s.update, repos: s.queue.repos, orgs: s.queue.orgs, team: s.delegation.team, githubTeam: s.delegation.githubTeam, staleBusinessHours: s.queue.staleBusinessHours, workingTime: s.workingHours, schedule: s.focus.schedule };
          },
          workspaceRepos: () => repos.repoNames(),
          focusHistory: focusHistory(services.sharedState),
          ...(handoffs ? { handoffs } : {}),
          template: templateSource(services.context.extensionUri),
          now,
          log,
        },
        week,
      ),
  });
  const post = postWeeklyUpdateCommand({
    drafts,
    channel: () => services.config.settings.update.slackChannel,
    post: (channel, markdown) => postWeeklyUpdate({ slack: () => slack.require(), now }, channel, markdown),
  });
  return vscode.Disposable.from(
    drafts,
    repos,
    ...registerCommands([draft, copyWeeklyUpdateCommand(drafts), post, rewriteWeeklyUpdateCommand(drafts)], services.log),
  );
}
