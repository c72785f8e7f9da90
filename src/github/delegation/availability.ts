import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asRecord, asString, chunked, uniqueLogins } from './payload';

const LOGINS_PER_REQUEST = 50;

export interface Availability {
  readonly login: string;
  /** False when the person set "Busy" (limited availability); GitHub's own auto-assignment skips them too. */
  readonly available: boolean;
  readonly message?: string;
  readonly emoji?: string;
  readonly expiresAt?: string;
}

/**
 * Each person's GitHub status, for many logins in one GraphQL request, keyed by lower-cased login.
 * A login GitHub does not know is left out (the caller shows them without an availability signal).
 */
export async function fetchAvailability(client: GitHubClient, logins: Iterable<string>, now: Date = new Date()): Promise<Map<string, Availability>> {
  const result = new Map<string, Availability>();
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    const fields = chunk.map((login, i) => {
      variables[`l${i}`] = login;
      return `  u${i}: user(login: $l${i}) { login status { message emoji indicatesLimitedAvailability expiresAt } }`;
    });
    const declarations = chunk.map((_login, i) => `$l${i}: String!`).join(', ');
    const query = `query LeadDeskAvailability(${declarations}) {\n${fields.join('\n')}\n}`;
    const { data, missing } = await batchQuery(client, query, variables);
    let answered = missing.size;
    chunk.forEach((login, i) => {
      const user = asRecord(data[`u${i}`]);
      if (!user) return;
      answered++;
      result.set(login.toLowerCase(), readAvailability(asString(user.login) ?? login, user.status, now));
    });
    if (answered === 0) {
      throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'availability: no user in the answer' });
    }
  }
  return result;
}

export function readAvailability(login: string, rawStatus: unknown, now: Date): Availability {
  const status = asRecord(rawStatus);
  if (!status) return { login, available: true };
  const expiresAt = asString(status.expiresAt);
  const expiry = expiresAt === undefined ? NaN : Date.parse(expiresAt);
  // GitHub hides expired statuses itself; a cached or clock-skewed answer should not mark someone busy.
  if (Number.isFinite(expiry) && expiry <= now.getTime()) return { login, available: true };
  const message = asString(status.message)?.trim() || undefined;
  const emoji = asString(status.emoji);
  return {
    login,
    available: status.indicatesLimitedAvailability !== true,
    ...(message !== undefined ? { message } : {}),
    ...(emoji !== undefined ? { emoji } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}
