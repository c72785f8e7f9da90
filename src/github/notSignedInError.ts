/** No GitHub credentials at all: only the user can fix it, by signing in. */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super('You are not signed in to GitHub.');
  }
  static is(err: unknown): err is NotSignedInError {
    return err instanceof NotSignedInError;
  }
}
