import type * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { featureHost } from '../entry/featureHost';
import type { CommandId } from '../ids';
import { presentError } from '../presentError';

/** One palette command. `doing` finishes the sentence "Could not …" when it fails. */
export interface LeadDeskCommand {
  readonly id: CommandId;
  readonly doing: string;
  run(...args: unknown[]): unknown;
}

/**
 * Registers commands with one error boundary: failures are logged and shown, never left unhandled.
 * The entry bundle registered every declared command at start-up; the handlers go to it.
 */
export function registerCommands(commands: readonly LeadDeskCommand[], log: Logger): vscode.Disposable[] {
  const host = featureHost();
  return commands.map((command) =>
    host.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.run(...args);
      } catch (err) {
        presentError(err, command.doing, log);
        return undefined;
      }
    }),
  );
}
