// A write whose answer is lost (a 5xx, a reset, a timeout) may still have been applied by GitHub.
// Sending it again blindly is how a handoff comment gets posted twice, so after such a failure the
// current state is read first, and the write is sent again only when it is not there.

import { GitHubError } from './errors';

export interface ConfirmedWrite<T> {
  /** The write, as a noun phrase for messages: "the review request for @ben on acme/web#3". */
  readonly what: string;
  /** Sends the write once. It must not be retried underneath (the client never retries writes). */
  readonly write: () => Promise<T>;
  /** Reads whether the write is in place: its result when it is, undefined when it is not. */
  readonly find: () => Promise<T | undefined>;
  /** Sends the write at most this many times (default 2). */
  readonly attempts?: number;
}

/**
 * Sends the write, and after an ambiguous failure reads back before sending it again. Throws a
 * GitHubError of the original failure's kind, whose message says whether the write was made.
 */
export async function writeOnce<T>(w: ConfirmedWrite<T>): Promise<T> {
  const attempts = Math.max(1, w.attempts ?? 2);
  for (let attempt = 1; ; attempt += 1) {
    let lost: GitHubError;
    try {
      return await w.write();
    } catch (err) {
      if (!GitHubError.is(err) || !err.mayHaveApplied) throw err;
      lost = err;
    }
    const found = await readBack(w, lost);
    if (found !== undefined) return found;
    if (attempt >= attempts) {
      throw new GitHubError(lost.kind, `${stripStop(lost.message)}, and ${w.what} did not go through. Try again in a moment.`, { status: lost.status, detail: lost.detail, cause: lost });
    }
  }
}

async function readBack<T>(w: ConfirmedWrite<T>, lost: GitHubError): Promise<T | undefined> {
  try {
    return await w.find();
  } catch (err) {
    const reason = GitHubError.is(err) ? ` (${stripStop(err.message)})` : '';
    throw new GitHubError(
      lost.kind,
      `GitHub did not confirm ${w.what} (${stripStop(lost.message)}), and checking whether it went through failed too${reason}. Open the pull request to see before trying again.`,
      { status: lost.status, detail: lost.detail, cause: lost },
    );
  }
}

function stripStop(text: string): string {
  return text.replace(/\.\s*$/, '');
}
