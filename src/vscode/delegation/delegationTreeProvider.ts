import * as vscode from 'vscode';
import { NodeTreeProvider } from '../tree/nodeTreeProvider';
import { TreeModel } from '../tree/treeModel';
import type { DelegationModel, DelegationState, ViewAction } from './delegationModel';
import { manageTrustAction } from './delegationModel';
import { CandidateNode, messageNode, type DelegationNode } from './delegationNodes';
import { subjectKey, subjectLabel, subjectShortLabel } from './delegationSubject';
import { t } from '../l10n';

/** Renders the model; never fetches. */
export class DelegationTreeProvider extends NodeTreeProvider {
  constructor(model: DelegationModel) {
    super(new TreeModel(() => rootNodes(model.state), model.onDidChange));
  }
}

export function rootNodes(state: DelegationState): DelegationNode[] {
  switch (state.kind) {
    // Empty: the view's welcome content says what to do.
    case 'empty':
      return [];
    case 'untrusted': {
      const key = subjectKey(state.subject);
      return [
        message(`${key}/untrusted`, t('Git is off in untrusted workspaces'), 'workspace-untrusted', t("A repository's git config can run programs (core.fsmonitor, for one), so Lead Desk reads history only once you trust this workspace.")),
        message(`${key}/trust`, manageTrustAction.title, 'shield', undefined, manageTrustAction),
      ];
    }
    case 'loading':
      return [message(`${subjectKey(state.subject)}/loading`, state.message, 'loading~spin')];
    case 'problem': {
      const key = subjectKey(state.subject);
      return [
        message(`${key}/problem`, state.message, 'warning'),
        ...state.actions.map((a, i) => message(`${key}/action/${i}`, a.title, a.icon ?? 'arrow-right', undefined, a)),
      ];
    }
    case 'ready': {
      const key = subjectKey(state.subject);
      const onPullRequest = state.subject.kind === 'pullRequest';
      const candidates = state.rows.map((row) => new CandidateNode(`${key}/candidate/${row.id}`, row, onPullRequest));
      const notes = state.notes.map((n, i) => message(`${key}/note/${i}`, n, 'info'));
      if (candidates.length === 0) notes.unshift(message(`${key}/nobody`, t('Nobody to suggest'), 'circle-slash', t('Nobody in the history window (narrowed by your team settings) worked on these files.')));
      return [...busFactorLines(key, state), ...candidates, ...notes];
    }
  }
}

/** A file one person alone knows: said first and plainly, then whose people the list holds instead. */
function busFactorLines(key: string, state: Extract<DelegationState, { kind: 'ready' }>): DelegationNode[] {
  const lone = state.busFactor;
  if (!lone) return [];
  const rest = lone.folder === '';
  const people = rest ? t('People who know the rest of the repository:') : t('People who know {0}:', lone.folder);
  const why = rest ? t('Suggested from their work on the files in the rest of the repository, the nearest this file has to other expertise.') : t('Suggested from their work on the files in {0}, the nearest this file has to other expertise.', lone.folder);
  return [
    message(`${key}/busFactor`, lone.text, 'warning', t('{0} Nobody else could review or take over a change to it from experience.', lone.text)),
    ...(state.rows.length > 0 ? [message(`${key}/busFactor/folder`, people, 'folder', why)] : []),
  ];
}

function message(id: string, label: string, icon: string, tooltip?: string, action?: ViewAction): DelegationNode {
  return messageNode(id, label, new vscode.ThemeIcon(icon), tooltip, action);
}

/** The view's description (the subject, short) and message (what the list is, and from what). */
export function viewHeader(state: DelegationState): { description: string | undefined; message: string | undefined } {
  if (state.kind === 'empty') return { description: undefined, message: undefined };
  const description = subjectShortLabel(state.subject);
  const about = subjectLabel(state.subject);
  switch (state.kind) {
    case 'untrusted':
      return { description, message: t('Suggestions for {0} need git history, and Lead Desk does not run git in an untrusted workspace.', about) };
    case 'loading':
      return { description, message: t('Finding who could take {0}…', about) };
    case 'problem':
      return { description, message: t('No suggestions for {0}.', about) };
    case 'ready':
      return { description, message: state.shallow ? t('Who could take {0}: ranked on {1} of history (shallow clone), review load and GitHub status.', about, state.history) : t('Who could take {0}: ranked on {1} of history, review load and GitHub status.', about, state.history) };
  }
}
