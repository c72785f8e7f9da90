import type * as vscode from 'vscode';

/** How long GitHub's answer about an email is trusted: accounts add emails, rarely remove them. */
const FOUND_TTL_MS = 30 * 86_400_000;
const NOT_FOUND_TTL_MS = 7 * 86_400_000;
const MAX_ENTRIES = 2_000;
const KEY = 'leadDesk.delegation.emailLogins';

interface Entry {
  readonly login: string | null;
  readonly at: number;
}

type Stored = Record<string, Record<string, Entry>>;

/**
 * What GitHub said about commit emails (email → login, or null for "no account"), per API root,
 * in global state so every workspace profits and a lookup is not repeated for a month.
 */
export class EmailLoginCache {
  constructor(
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  get(apiUrl: string): Map<string, string | null> {
    const all = this.state.get<Stored>(KEY) ?? {};
    const out = new Map<string, string | null>();
    const now = this.now();
    for (const [email, e] of Object.entries(all[apiUrl] ?? {})) {
      if (!e || typeof e.at !== 'number') continue;
      const ttl = e.login ? FOUND_TTL_MS : NOT_FOUND_TTL_MS;
      if (now - e.at <= ttl) out.set(email, typeof e.login === 'string' ? e.login : null);
    }
    return out;
  }

  async remember(apiUrl: string, learned: ReadonlyMap<string, string | null>): Promise<void> {
    if (learned.size === 0) return;
    const all = { ...(this.state.get<Stored>(KEY) ?? {}) };
    const mine: Record<string, Entry> = { ...(all[apiUrl] ?? {}) };
    const at = this.now();
    for (const [email, login] of learned) mine[email.toLowerCase()] = { login, at };
    const entries = Object.entries(mine).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_ENTRIES);
    all[apiUrl] = Object.fromEntries(entries);
    await this.state.update(KEY, all);
  }
}
