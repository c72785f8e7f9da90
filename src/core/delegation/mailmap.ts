// git applies .mailmap to %aN/%aE itself, but not to trailer values. Reading the same file lets
// "Reviewed-by: <old@email>" meet the person the author lines already resolve to.

import type { RawIdentity } from './types';

export interface MailmapEntry {
  readonly proper: RawIdentity;
  readonly commit: RawIdentity;
}

export function parseMailmap(text: string): MailmapEntry[] {
  const entries: MailmapEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') continue;
    // Forms: "Name <email>", "<proper> <commit>", "Name <proper> <commit>", "Name <proper> Other <commit>".
    const parts = [...line.matchAll(/([^<>]*)<([^<>]*)>/g)].map((m) => ({ name: m[1].trim(), email: m[2].trim() }));
    if (parts.length === 0) continue;
    const proper: RawIdentity = { ...(parts[0].name ? { name: parts[0].name } : {}), ...(parts[0].email ? { email: parts[0].email } : {}) };
    const second = parts[1] ?? parts[0];
    const commit: RawIdentity = { ...(second.name ? { name: second.name } : {}), ...(second.email ? { email: second.email } : {}) };
    entries.push({ proper, commit: parts.length === 1 ? { ...(second.email ? { email: second.email } : {}) } : commit });
  }
  return entries;
}
