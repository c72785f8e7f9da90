import type { EngageOutcome, Guard, GuardTarget, ReleaseOutcome } from '../../guards/guard';
import { GuardError } from '../../guards/guardError';

/** Extensions cannot read whether notifications are in Do Not Disturb mode, so there is nothing to snapshot. */
export type NotificationsSnapshot = Record<string, never>;

export interface NotificationsPlan {
  /** We toggled Do Not Disturb on, so releasing toggles it back; nothing else may toggle it back. */
  readonly doNotDisturb: true;
  /** The window that turned on Zen mode, which is per window; only that window turns it off again. */
  readonly zenWindow?: string;
}

export const notificationsGuardId = 'notifications';
const toggleDoNotDisturb = 'notifications.toggleDoNotDisturbMode';
const toggleZenMode = 'workbench.action.toggleZenMode';

/**
 * Quiets VS Code's notifications with `notifications.toggleDoNotDisturbMode`, a blind toggle: the
 * guard records that it turned the mode on and toggles back only then. Error notifications still
 * show during Do Not Disturb. Zen mode is optional.
 */
export class NotificationsGuard implements Guard<NotificationsSnapshot, NotificationsPlan> {
  readonly id = notificationsGuardId;
  readonly label = 'VS Code notifications';

  constructor(
    private readonly windowId: () => string,
    private readonly zenMode: () => boolean,
    /** Runs a VS Code command; `vscode.commands.executeCommand` in the editor. */
    private readonly execute: (command: string) => PromiseLike<unknown>,
    private readonly answerWaitMs = 3_000,
  ) {}

  private async run(command: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // Both commands run synchronously in the workbench. If the answer does not come back (seen
      // with a remote extension host), the toggle has still happened; waiting longer and retrying
      // would toggle it a second time, so a late answer counts as done.
      await Promise.race([this.execute(command), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.answerWaitMs)))]);
    } catch (err) {
      throw new GuardError('failed', `VS Code could not run ${command}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  snapshot(): Promise<NotificationsSnapshot> {
    return Promise.resolve({});
  }

  plan(_target: GuardTarget): NotificationsPlan {
    return this.zenMode() ? { doNotDisturb: true, zenWindow: this.windowId() } : { doNotDisturb: true };
  }

  async engage(plan: NotificationsPlan, previous: NotificationsPlan | undefined): Promise<EngageOutcome> {
    // A new end time changes nothing here: the mode stays on until release.
    if (previous) return 'engaged';
    await this.run(toggleDoNotDisturb);
    if (plan.zenWindow === this.windowId()) await this.run(toggleZenMode);
    return 'engaged';
  }

  async release(_snapshot: NotificationsSnapshot, plan: NotificationsPlan): Promise<ReleaseOutcome> {
    await this.run(toggleDoNotDisturb);
    if (plan.zenWindow === this.windowId()) await this.run(toggleZenMode);
    return 'restored';
  }

  restoreDeadline(_snapshot: NotificationsSnapshot, _plan: NotificationsPlan, releaseStartedAt: number): number {
    return releaseStartedAt + 10 * 60_000;
  }

  expiredAnyway(): boolean {
    return false;
  }

  describe(plan: NotificationsPlan): string {
    return plan.zenWindow ? 'Do Not Disturb and Zen mode on' : 'Do Not Disturb on';
  }
}
