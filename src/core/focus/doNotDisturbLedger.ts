// What Lead Desk itself did to VS Code's Do Not Disturb mode, kept in shared storage.
//
// VS Code 1.100 lets an extension toggle the mode (`notifications.toggleDoNotDisturbMode`) but not
// read it: there is no context key for it, no `getContextKeyValue` command and no setting; the mode
// lives in the workbench's own storage. So this record is the only proof of which toggles are ours.
// Each step is stored before the toggle it announces ("turningOn" before the toggle on), so after a
// crash at any point the record says what may have happened, and no toggle is ever repeated.

export const doNotDisturbLedgerKey = 'leadDesk.focus.doNotDisturb';

/**
 * `turningOn`: stored, then the toggle on was sent (it counts as done: it is almost always the step
 * that was cut short). `on`: the toggle on came back. `turningOff` and `off` likewise for release.
 */
export type DoNotDisturbStep = 'turningOn' | 'on' | 'turningOff' | 'off';

const steps: readonly DoNotDisturbStep[] = ['turningOn', 'on', 'turningOff', 'off'];

export interface DoNotDisturbLedger {
  /** The block the mode was turned on for. */
  readonly blockId: string;
  readonly step: DoNotDisturbStep;
  /** The window that entered Zen mode with it; Zen mode is per window, so only that one leaves it. */
  readonly zenWindow?: string;
  /** The window that wrote the record last, for the log. */
  readonly by: string;
}

/** A stored record that is not one of ours (damaged, or from another version) counts as none. */
export function reviveDoNotDisturbLedger(raw: unknown): DoNotDisturbLedger | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.blockId !== 'string' || !r.blockId || !steps.includes(r.step as DoNotDisturbStep)) return undefined;
  return {
    blockId: r.blockId,
    step: r.step as DoNotDisturbStep,
    zenWindow: typeof r.zenWindow === 'string' ? r.zenWindow : undefined,
    by: typeof r.by === 'string' ? r.by : '',
  };
}

/** Whether the mode is on because of us, as far as our own toggles tell. */
export function isOursOn(ledger: DoNotDisturbLedger | undefined): boolean {
  return ledger?.step === 'turningOn' || ledger?.step === 'on';
}
