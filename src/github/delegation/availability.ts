import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';
import { batchQuery } from './graphqlBatch';
import { asRecord, asString, chunked, uniqueLogins, type JsonRecord } from './payload';

const LOGINS_PER_REQUEST = 50;

export interface Availability {
  readonly login: string;
  /** False when the person set "Busy" (limited availability); GitHub's own auto-assignment skips them too. */
  readonly available: boolean;
  readonly message?: string;
  readonly emoji?: string;
  readonly expiresAt?: string;
}

/** Each login's status, `u<i>` for the i-th login, sent as `$l<i>` (added to `variables`). */
export function availabilityFields(logins: readonly string[], variables: Record<string, unknown>): string[] {
  return logins.map((login, i) => {
    variables[`l${i}`] = login;
    return `  u${i}: user(login: $l${i}) { login status { message emoji indicatesLimitedAvailability expiresAt } }`;
  });
}

export const loginDeclarations = (logins: readonly string[]): string[] => logins.map((_login, i) => `$l${i}: String!`);

/**
 * The statuses availabilityFields asked for, keyed by lower-cased login. A login GitHub does not
 * know (`missing`: answered NOT_FOUND) is left out: the caller shows them without a signal.
 */
export function readAvailabilities(data: JsonRecord, missing: ReadonlySet<string>, logins: readonly string[], now: Date): Map<string, Availability> {
  const result = new Map<string, Availability>();
  let answered = 0;
  logins.forEach((login, i) => {
    if (missing.has(`u${i}`)) answered++;
    const user = asRecord(data[`u${i}`]);
    if (!user) return;
    answered++;
    result.set(login.toLowerCase(), readAvailability(asString(user.login) ?? login, user.status, now));
  });
  if (answered === 0 && logins.length > 0) {
    throw new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail: 'availability: no user in the answer' });
  }
  return result;
}

/** Each person's GitHub status, for many logins in one GraphQL request, keyed by lower-cased login. */
export async function fetchAvailability(client: GitHubClient, logins: Iterable<string>, now: Date = new Date()): Promise<Map<string, Availability>> {
  const result = new Map<string, Availability>();
  for (const chunk of chunked(uniqueLogins(logins), LOGINS_PER_REQUEST)) {
    const variables: Record<string, unknown> = {};
    const fields = availabilityFields(chunk, variables);
    const query = `query LeadDeskAvailability(${loginDeclarations(chunk).join(', ')}) {\n${fields.join('\n')}\n}`;
    const { data, missing } = await batchQuery(client, query, variables);
    for (const [login, availability] of readAvailabilities(data, missing, chunk, now)) result.set(login, availability);
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
