import type { GuardId } from '../../core/focus/guardCatalogue';
import type { GuardFailureKind } from '../../guards/guardError';
import { CommandId } from '../ids';
import { t } from '../l10n';

export interface GuardFix {
  readonly title: string;
  readonly command: string;
}

/**
 * What the lead can do about a guard's failure, per guard and failure kind: the same buttons in the
 * warning and the Focus view. Keyed by the closed `GuardId` union, so a new guard must say its fixes.
 */
const fixes: { readonly [id in GuardId]: (kind: GuardFailureKind) => readonly GuardFix[] } = {
  githubStatus: (kind) =>
    kind === 'missingScope'
      ? [{ title: t('Sign In Again'), command: CommandId.signIn }, { title: t('Use a Token'), command: CommandId.signInWithToken }]
      : kind === 'notConnected' || kind === 'unauthorized'
        ? [{ title: t('Sign In'), command: CommandId.signIn }, { title: t('Use a Token'), command: CommandId.signInWithToken }]
        : [],
  slack: (kind) => (kind === 'notConnected' || kind === 'missingScope' || kind === 'unauthorized' ? [{ title: t('Connect Slack'), command: CommandId.connectSlack }] : []),
  notifications: () => [],
};

export function guardFixes(id: GuardId, kind: GuardFailureKind): readonly GuardFix[] {
  return fixes[id](kind);
}
