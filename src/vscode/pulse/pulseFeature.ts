import * as vscode from 'vscode';
import { scopedLogger } from '../../core/logger';
import { t } from '../l10n';
import { readTeamPulse } from '../../app/pulse/readPulse';
import { sendPulse } from '../../app/pulse/sendPulse';
import { slackPulse, type PulseSlack } from '../../app/pulse/pulseSlack';
import { loadTeamOverview } from '../../app/pulse/teamOverview';
import { GuardError } from '../../guards/guardError';
import { registerCommands } from '../commands/command';
import { ViewId } from '../ids';
import { describeError, presentError } from '../presentError';
import type { Services } from '../services';
import { delegateForTeammateCommand } from './commands/delegateForTeammate';
import { inspectTeamCommand } from './commands/inspectTeam';
import { refreshTeamCommand } from './commands/refreshTeam';
import { sendTeamPulseCommand } from './commands/sendTeamPulse';
import type { PulseFeatureContext } from './pulseFeatureContext';
import { PulseScheduler } from './pulseScheduler';
import { PulseStateStore } from './pulseStateStore';
import { TeamModel } from './teamModel';
import { TeamTreeProvider } from './teamTreeProvider';

/**
 * The team pulse and the Team view. Registering does no I/O: Slack and GitHub are reached when the
 * view is visible, a command runs, or the scheduled pulse is due.
 */
export function registerPulseFeature(services: Services, delegate: PulseFeatureContext['delegate']): vscode.Disposable {
  const log = scopedLogger(services.log, 'pulse');
  const settings = () => services.config.settings;
  const store = new PulseStateStore(services.sharedState, log);
  const slackConnection = services.slack;
  const slack = async (): Promise<PulseSlack> => slackPulse(await slackConnection.require(), Date.now);

  const model = new TeamModel({
    overview: async () => loadTeamOverview({ client: await services.github.client(), teams: services.teams, now: Date.now }, settings().delegation, settings().workingHours),
    readAnswers: async () => {
      // Slack is asked only once a pulse was sent here, or a channel is set to look for earlier ones in.
      if (!store.read().some((r) => r.ts) && !settings().pulse.slackChannel) return;
      await readTeamPulse({ slack: await slack(), store, now: Date.now, log }, settings().pulse);
    },
    records: () => store.read(),
    options: () => settings().pulse.options,
    now: Date.now,
    describe: (err, doing) => (GuardError.is(err, 'notConnected') ? t('Connect Slack to read the pulse answers') : describeError(err, doing).message.value),
    log,
  });
  const send = async () => {
    const outcome = await sendPulse({ slack: await slack(), store, now: Date.now }, settings().pulse);
    model.pulseChanged();
    return outcome;
  };
  const provider = new TeamTreeProvider(model);
  const view = vscode.window.createTreeView(ViewId.team, { treeDataProvider: provider, showCollapseAll: false });
  const scheduler = new PulseScheduler({
    settings: () => settings().pulse,
    working: () => settings().workingHours,
    records: () => store.read(),
    send,
    failed: (err) => presentError(err, 'send the scheduled team pulse', log),
    now: Date.now,
    log,
  });
  const refreshIfVisible = () => {
    if (model.isVisible) void model.refresh();
  };
  const elsewhere = store.onDidChangeElsewhere(() => {
    log.info('the pulse history changed in another window');
    model.pulseChanged();
  });
  const feature: PulseFeatureContext = { model, send, delegate };
  const disposables: vscode.Disposable[] = [
    model,
    provider,
    view,
    scheduler,
    services.refresh.register('team', () => model.refresh()),
    view.onDidChangeVisibility((e) => model.setVisible(e.visible)),
    elsewhere,
    // Where the shared state cannot be watched, coming back to this window shows another's pulse.
    vscode.window.onDidChangeWindowState((e) => e.focused && elsewhere.looked()),
    services.github.onDidChangeAccount(refreshIfVisible),
    // Connected, disconnected or replaced: the pulse answers can (or can no longer) be read.
    slackConnection.onDidChangeToken(refreshIfVisible),
    services.config.onDidChangeSection('pulse', refreshIfVisible),
    services.config.onDidChangeSection('delegation', refreshIfVisible),
    ...registerCommands([sendTeamPulseCommand, refreshTeamCommand, delegateForTeammateCommand, inspectTeamCommand].map((make) => make(feature)), services.log),
  ];
  model.setVisible(view.visible);
  scheduler.start();
  return {
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
