// CODEOWNERS and GitHub speak in "@login", "@org/team" and email addresses; the index speaks in
// identities. This is the one place that translates.

import type { RawIdentity } from './types';

/** `@login` → login, `a@b.c` → email; teams resolve through `teamMembers` (logins), else to nobody. */
export function ownerIdentities(owner: string, teamMembers: Readonly<Record<string, readonly string[]>> = {}): RawIdentity[] {
  const o = owner.trim();
  if (/^@[^/\s]+\/[^/\s]+$/.test(o)) {
    const members = teamMembers[o] ?? teamMembers[o.slice(1)] ?? teamMembers[o.toLowerCase()] ?? [];
    return members.map((m) => ({ login: m.replace(/^@/, '') }));
  }
  if (o.startsWith('@') && o.length > 1) return [{ login: o.slice(1) }];
  if (/^[^@\s]+@[^@\s]+$/.test(o)) return [{ email: o }];
  return [];
}
