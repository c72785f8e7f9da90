// What the GitHub and Slack guards share: both set a status on a remote service that expires a
// little after the block, and both turn the service's failures into GuardErrors for the
// orchestrator, which decides when to retry.
import type { Clock } from '../core/clock';
import type { GuardError } from './guardError';

export interface RemoteStatusGuardOptions<Client> {
  /** The client for the connected account; throws GuardError('notConnected') when there is none. */
  readonly client: () => Promise<Client>;
  readonly clock: Clock;
  /** How long our status outlives the block's planned end, so that a crash cannot leave it for long. */
  readonly graceMs?: number;
  /** How long to keep trying to restore a status that never expires. */
  readonly giveUpAfterMs?: number;
  readonly emoji?: string;
}

export abstract class RemoteStatusGuard<Client> {
  protected readonly graceMs: number;
  protected readonly giveUpAfterMs: number;
  protected readonly emoji: string;

  constructor(protected readonly options: RemoteStatusGuardOptions<Client>) {
    this.graceMs = options.graceMs ?? 5 * 60_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 24 * 3600_000;
    this.emoji = options.emoji ?? ':dart:';
  }

  /** The service's failure as a GuardError: its kind tells the orchestrator whether and when to retry. */
  protected abstract toGuardError(err: unknown): GuardError;

  protected async call<T>(work: (client: Client) => Promise<T>): Promise<T> {
    try {
      return await work(await this.options.client());
    } catch (err) {
      throw this.toGuardError(err);
    }
  }
}
