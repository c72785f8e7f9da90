// Every focus guard Lead Desk has, by id: what it is called and which setting turns it on. Ids are
// a closed union so that a message, a tree item or a "Turn Off" button can never name a guard (or
// write a setting) that does not exist. The commands that fix a guard's problem are editor ids and
// live beside the editor code (vscode/focus/guardFixes.ts), keyed by the same union.

import { translated } from '../inertText';

export type GuardId = 'githubStatus' | 'notifications' | 'slack';

export interface GuardCatalogueEntry {
  readonly label: string;
  /** The setting that enables the guard, without the `leadDesk.` prefix. */
  readonly setting: string;
}

// Labels are getters, so each is read in the display language of the moment.
export const guardCatalogue: { readonly [id in GuardId]: GuardCatalogueEntry } = {
  githubStatus: {
    get label() {
      return translated`GitHub Busy status`;
    },
    setting: 'focus.githubStatus.enabled',
  },
  notifications: {
    get label() {
      return translated`VS Code notifications`;
    },
    setting: 'focus.notifications.enabled',
  },
  slack: {
    get label() {
      return translated`Slack`;
    },
    setting: 'focus.slack.enabled',
  },
};

export const guardIds = Object.keys(guardCatalogue) as GuardId[];

export function isGuardId(value: unknown): value is GuardId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(guardCatalogue, value);
}
