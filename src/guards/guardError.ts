import { errorText } from '../core/errorText';
// One failure type for every guard, so the orchestrator decides on `kind` and `retryAt` whatever
// the service (GitHub, Slack, the editor) and the view can say what the user can do.

export type GuardFailureKind =
  /** No credentials for the service (not signed in, Slack not connected). */
  | 'notConnected'
  /** The credentials lack a scope the guard needs, e.g. GitHub `user`. */
  | 'missingScope'
  /** The credentials were rejected. */
  | 'unauthorized'
  | 'rateLimited'
  /** Network trouble, timeouts, server errors. */
  | 'offline'
  | 'failed';

export class GuardError extends Error {
  override readonly name = 'GuardError';
  constructor(
    readonly kind: GuardFailureKind,
    message: string,
    readonly options: { readonly retryAt?: number; readonly scopes?: readonly string[]; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  get retryAt(): number | undefined {
    return this.options.retryAt;
  }

  /** Whether the user has to act (sign in, grant a scope) before a retry can work. */
  get needsUser(): boolean {
    return this.kind === 'notConnected' || this.kind === 'missingScope' || this.kind === 'unauthorized';
  }

  static is(err: unknown, kind?: GuardFailureKind): err is GuardError {
    return err instanceof GuardError && (kind === undefined || err.kind === kind);
  }
}

/** Anything thrown by a guard, as a GuardError. */
export function asGuardError(err: unknown): GuardError {
  if (GuardError.is(err)) return err;
  return new GuardError('failed', errorText(err), { cause: err });
}
