// Defensive readers for GitHub payloads. Octokit resolves malformed JSON as a string and GitHub
// returns null for anything the token may not see, so every field is checked before it is used.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `a.b.c` of a payload, undefined as soon as a step is missing or not an object. */
export function dig(value: unknown, ...steps: string[]): unknown {
  let current: unknown = value;
  for (const step of steps) {
    const record = asRecord(current);
    if (!record) return undefined;
    current = record[step];
  }
  return current;
}

// GitHub logins: alphanumerics and single hyphens, at most 39 characters; apps end in [bot].
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

export function isValidLogin(login: string): boolean {
  return LOGIN.test(login);
}

/** Valid logins, each once (GitHub compares them case-insensitively), in the given order. */
export function uniqueLogins(logins: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of logins) {
    const login = raw.trim().replace(/^@/, '');
    if (!isValidLogin(login) || seen.has(login.toLowerCase())) continue;
    seen.add(login.toLowerCase());
    out.push(login);
  }
  return out;
}

export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Splits a list into chunks of at most `size`, so one document never grows without bound. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
