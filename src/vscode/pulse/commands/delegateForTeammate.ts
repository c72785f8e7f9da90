import { message, pick } from '../../../core/inertText';
import { t } from '../../l10n';
import { pullRequestKey, type PullRequestRef } from '../../../core/pullRequestRef';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo, showWarning } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { PulseFeatureContext } from '../pulseFeatureContext';

/**
 * Delegate… on a teammate (or one of the pull requests waiting on them): opens the Delegation view
 * for that pull request. Any link can run a command with arguments, so the argument only names a
 * teammate and a pull request the Team view shows now; what is used comes from the view's state.
 */
export function delegateForTeammateCommand({ model, delegate }: PulseFeatureContext): LeadDeskCommand {
  return {
    id: CommandId.delegateForTeammate,
    doing: 'delegate a pull request waiting on a teammate',
    async run(arg?: unknown) {
      const { login, pullKey } = nameOf(arg);
      const team = model.state.team;
      const row = team.kind === 'ready' ? team.rows.find((r) => r.login.toLowerCase() === login?.toLowerCase()) : undefined;
      if (!row) {
        void showWarning(message`Lead Desk did not delegate: run Delegate… on a teammate in the Team view.`);
        return undefined;
      }
      let pull: PullRequestRef | undefined = pullKey ? row.waiting.find((p) => pullRequestKey(p) === pullKey) : undefined;
      if (!pull && row.waiting.length === 1) pull = row.waiting[0];
      if (!pull && row.waiting.length > 1) {
        pull = await pickOne(
          row.waiting.map((p) => ({ label: pick`${p.repo}#${p.number} ${p.title}`, description: pick`${p.owner} · ${p.author ?? 'ghost'}`, value: p })),
          { title: t('Delegate…'), placeHolder: t('A pull request waiting on {0}', row.login) },
        );
        if (!pull) return undefined;
      }
      if (!pull) {
        void showInfo(message`No pull requests are waiting on ${row.login} right now.`);
        return undefined;
      }
      return delegate(pull);
    },
  };
}

function nameOf(arg: unknown): { login?: string; pullKey?: string } {
  if (!arg || typeof arg !== 'object') return {};
  const node = arg as { kind?: unknown; row?: { login?: unknown }; login?: unknown; pull?: unknown };
  if (node.kind === 'teammate' && typeof node.row?.login === 'string') return { login: node.row.login };
  if (node.kind === 'waiting' && typeof node.login === 'string' && node.pull && typeof node.pull === 'object') {
    const p = node.pull as { owner?: unknown; repo?: unknown; number?: unknown };
    if (typeof p.owner === 'string' && typeof p.repo === 'string' && typeof p.number === 'number') return { login: node.login, pullKey: pullRequestKey({ owner: p.owner, repo: p.repo, number: p.number }) };
    return { login: node.login };
  }
  return {};
}
