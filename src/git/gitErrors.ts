// Typed failures of reading local history. Callers branch on the class (`X.is(err)`), never on
// message text, and each message says what the user can do about it. `is` needs no `this`, so
// it can be passed as a callback (`errors.filter(GitTimeoutError.is)`).

export abstract class GitReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  static is(this: void, err: unknown): err is GitReadError {
    return err instanceof GitReadError;
  }
}

/** The folder does not exist or is not inside a git repository. */
export class NotAGitRepositoryError extends GitReadError {
  override readonly name = 'NotAGitRepositoryError';

  constructor(readonly path: string, options?: { cause?: unknown }) {
    super(`${path} is not a git repository. Open a folder that contains one.`, options);
  }

  static override is(this: void, err: unknown): err is NotAGitRepositoryError {
    return err instanceof NotAGitRepositoryError;
  }
}

/** No git executable could be started. */
export class GitNotFoundError extends GitReadError {
  override readonly name = 'GitNotFoundError';

  constructor(readonly binary: string) {
    super(`Could not run "${binary}". Install git, or make sure it is on the PATH.`);
  }

  static override is(this: void, err: unknown): err is GitNotFoundError {
    return err instanceof GitNotFoundError;
  }
}

/** Reading took longer than allowed; the history is probably very large. */
export class GitTimeoutError extends GitReadError {
  override readonly name = 'GitTimeoutError';

  constructor(readonly timeoutMs: number, options?: { cause?: unknown }) {
    super(`Reading git history took longer than ${Math.round(timeoutMs / 1000)}s. Try a shorter history window.`, options);
  }

  static override is(this: void, err: unknown): err is GitTimeoutError {
    return err instanceof GitTimeoutError;
  }
}

/** The caller cancelled the read. */
export class GitAbortedError extends GitReadError {
  override readonly name = 'GitAbortedError';

  constructor(options?: { cause?: unknown }) {
    super('Reading git history was cancelled.', options);
  }

  static override is(this: void, err: unknown): err is GitAbortedError {
    return err instanceof GitAbortedError;
  }
}

/** A revision the caller named does not exist in this repository (e.g. history was rewritten). */
export class UnknownRevisionError extends GitReadError {
  override readonly name = 'UnknownRevisionError';

  constructor(readonly revision: string) {
    super(`The revision ${revision} is not in this repository.`);
  }

  static override is(this: void, err: unknown): err is UnknownRevisionError {
    return err instanceof UnknownRevisionError;
  }
}
