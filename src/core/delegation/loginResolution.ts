// From a person in git history to the GitHub login a review can be requested from. Three sources,
// most trusted first: the lead's own mapping (leadDesk.delegation.logins), what history itself
// says (a noreply address, an @login in a trailer or CODEOWNERS), and what GitHub says about the
// person's commits. A person none of them names is still shown, with the reason.

import { translated } from '../inertText';
import { loginFromEmail } from './identityKeys';

export interface PersonIdentity {
  readonly name: string;
  readonly emails: readonly string[];
  readonly logins: readonly string[];
}

export type LoginSource = 'mapping' | 'history' | 'github';

export type LoginResolution =
  | { readonly login: string; readonly source: LoginSource }
  | { readonly login?: undefined; readonly reason: string; /** Emails worth asking GitHub about. */ readonly lookUp: readonly string[] };

/** What GitHub said about an email's commits: the login, or null when it links the email to nobody. */
export type EmailLogins = ReadonlyMap<string, string | null>;

export function resolveLogin(person: PersonIdentity, mapping: Readonly<Record<string, string>>, known: EmailLogins): LoginResolution {
  const emails = person.emails.map((e) => e.toLowerCase());
  for (const key of [...emails, person.name.toLowerCase().trim()]) {
    const mapped = mapping[key];
    if (mapped) return { login: mapped, source: 'mapping' };
  }
  const fromHistory = person.logins[0] ?? emails.map(loginFromEmail).find((l) => l !== undefined);
  if (fromHistory) return { login: fromHistory, source: 'history' };
  for (const e of emails) {
    const login = known.get(e);
    if (login) return { login, source: 'github' };
  }
  if (emails.length === 0) {
    return { reason: translated`No GitHub login known: history names ${person.name} without an email. Map them in leadDesk.delegation.logins.`, lookUp: [] };
  }
  const lookUp = emails.filter((e) => !known.has(e));
  if (lookUp.length > 0) return { reason: translated`No GitHub login known yet for ${emails.join(', ')}.`, lookUp };
  return {
    reason: translated`GitHub links no account to ${emails.join(', ')}. Map ${person.name} to a login in leadDesk.delegation.logins to request a review.`,
    lookUp: [],
  };
}

/** Lower-cased login comparison. */
export function loginIn(login: string | undefined, set: ReadonlySet<string>): boolean {
  return login !== undefined && set.has(login.toLowerCase());
}

export function loginSet(logins: Iterable<string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const l of logins) if (l) out.add(l.replace(/^@/, '').toLowerCase());
  return out;
}
