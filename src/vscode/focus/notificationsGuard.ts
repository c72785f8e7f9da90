import { doNotDisturbLedgerKey, isOursOn, reviveDoNotDisturbLedger, type DoNotDisturbLedger } from '../../core/focus/doNotDisturbLedger';
import type { SharedStore } from '../../core/focus/sharedStore';
import type { EngageOutcome, Guard, GuardTarget, ReleaseOutcome } from '../../guards/guard';
import { GuardError } from '../../guards/guardError';
import { guardCatalogue, type GuardId } from '../../core/focus/guardCatalogue';
import { translated } from '../../core/inertText';
import { errorText } from '../../core/errorText';

/** Extensions cannot read whether notifications are in Do Not Disturb mode, so there is nothing to snapshot. */
export type NotificationsSnapshot = Record<string, never>;

export interface NotificationsPlan {
  readonly doNotDisturb: true;
  /** The block the mode is turned on for; the shared ledger says whether that toggle happened. */
  readonly blockId: string;
  /** The window that turns on Zen mode, which is per window; only that window turns it off again. */
  readonly zenWindow?: string;
}

export interface NotificationsGuardOptions {
  readonly windowId: () => string;
  readonly zenMode: () => boolean;
  /** Runs a VS Code command; `vscode.commands.executeCommand` in the editor. */
  readonly execute: (command: string) => PromiseLike<unknown>;
  /** Where the ledger of our own toggles lives: the shared state, which every window reads. */
  readonly store: SharedStore;
  readonly answerWaitMs?: number;
}

export const notificationsGuardId = 'notifications' satisfies GuardId;
const toggleDoNotDisturb = 'notifications.toggleDoNotDisturbMode';
const toggleZenMode = 'workbench.action.toggleZenMode';

/** A stored plan may be damaged or come from an older version; only its block id matters here. */
function blockIdOf(plan: unknown): string | undefined {
  const id = plan && typeof plan === 'object' ? (plan as Record<string, unknown>).blockId : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * Quiets VS Code's notifications with `notifications.toggleDoNotDisturbMode`. VS Code 1.100 offers
 * no way to read the mode (see doNotDisturbLedger.ts), so the guard cannot see whether the user had
 * it on already or changed it during the block. What it does guarantee: every toggle is recorded in
 * the shared ledger before it is sent, the mode is toggled on at most once per block and toggled off
 * only when the ledger proves that we turned it on and have not turned it off yet, so a retry, a
 * second window or a restart after a crash never adds a toggle. Error notifications still show
 * during Do Not Disturb. Zen mode is optional.
 */
export class NotificationsGuard implements Guard<NotificationsSnapshot, NotificationsPlan> {
  readonly id = notificationsGuardId;
  readonly label = guardCatalogue.notifications.label;
  private readonly answerWaitMs: number;

  constructor(private readonly options: NotificationsGuardOptions) {
    this.answerWaitMs = options.answerWaitMs ?? 3_000;
  }

  private async run(command: string): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // Both commands run synchronously in the workbench. If the answer does not come back (seen
      // with a remote extension host), the toggle has still happened; waiting longer and retrying
      // would toggle it a second time, so a late answer counts as done.
      await Promise.race([this.options.execute(command), new Promise<void>((resolve) => (timer = setTimeout(resolve, this.answerWaitMs)))]);
    } catch (err) {
      throw new GuardError('failed', translated`VS Code could not run ${command}: ${errorText(err)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  private ledger(): DoNotDisturbLedger | undefined {
    return reviveDoNotDisturbLedger(this.options.store.get<unknown>(doNotDisturbLedgerKey));
  }

  private save(ledger: DoNotDisturbLedger): Promise<void> {
    return this.options.store.update(doNotDisturbLedgerKey, { ...ledger, by: this.options.windowId() });
  }

  /**
   * Stores `during`, sends the toggle and stores `after`. A toggle that VS Code refused did not
   * happen, so the ledger goes back to `before` and the toggle may be tried again.
   */
  private async toggle(before: DoNotDisturbLedger | undefined, during: DoNotDisturbLedger, after: DoNotDisturbLedger): Promise<void> {
    await this.save(during);
    try {
      await this.run(toggleDoNotDisturb);
    } catch (err) {
      await this.options.store.update(doNotDisturbLedgerKey, before);
      throw err;
    }
    await this.save(after);
  }

  snapshot(): Promise<NotificationsSnapshot> {
    return Promise.resolve({});
  }

  plan(target: GuardTarget): NotificationsPlan {
    const plan: NotificationsPlan = { doNotDisturb: true, blockId: target.blockId };
    return this.options.zenMode() ? { ...plan, zenWindow: this.options.windowId() } : plan;
  }

  async engage(plan: NotificationsPlan, previous: NotificationsPlan | undefined): Promise<EngageOutcome> {
    const blockId = blockIdOf(plan);
    if (!blockId) throw new GuardError('failed', translated`The stored Do Not Disturb plan names no focus block, so it was not acted on. Stop and start the block to make a new one.`);
    // A new end time changes nothing here: the mode stays on until release.
    if (previous) return 'engaged';
    const ledger = this.ledger();
    if (isOursOn(ledger)) {
      // An earlier attempt toggled it on (its answer or its save was lost), or a block whose release
      // never ran did: toggling again would turn it off. Take it over for this block instead.
      if (ledger!.blockId !== blockId) await this.save({ ...ledger!, blockId });
      return 'engaged';
    }
    const on: DoNotDisturbLedger = { blockId, step: 'on', by: '' };
    await this.toggle(ledger, { ...on, step: 'turningOn' }, on);
    if (plan.zenWindow !== undefined && plan.zenWindow === this.options.windowId()) {
      await this.run(toggleZenMode);
      await this.save({ ...on, zenWindow: plan.zenWindow });
    }
    return 'engaged';
  }

  async release(_snapshot: NotificationsSnapshot, plan: NotificationsPlan): Promise<ReleaseOutcome> {
    const ledger = this.ledger();
    // A damaged plan names no block; the ledger still proves what is ours, so it decides alone.
    const blockId = blockIdOf(plan) ?? ledger?.blockId;
    if (!ledger || ledger.blockId !== blockId || ledger.step === 'off') return 'nothingToRestore';
    if (ledger.step === 'turningOff') {
      // An earlier release sent its toggle and was cut short before saving; a second one would turn it back on.
      await this.save({ ...ledger, step: 'off', zenWindow: undefined });
      return 'restored';
    }
    await this.toggle(ledger, { ...ledger, step: 'turningOff' }, { ...ledger, step: 'off', zenWindow: undefined });
    if (ledger.zenWindow !== undefined && ledger.zenWindow === this.options.windowId()) await this.run(toggleZenMode);
    return 'restored';
  }

  restoreDeadline(_snapshot: NotificationsSnapshot, _plan: NotificationsPlan, releaseStartedAt: number): number {
    return releaseStartedAt + 10 * 60_000;
  }

  expiredAnyway(): boolean {
    return false;
  }

  describe(plan: NotificationsPlan): string {
    return plan.zenWindow ? translated`Do Not Disturb and Zen mode on` : translated`Do Not Disturb on`;
  }
}
