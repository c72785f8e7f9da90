// The keys under which one written identity can meet another. Names are folded hard (case,
// diacritics, spaces, punctuation) so "Saúl Ibarra Corretgé" meets "saul ibarra corretge", and a
// GitHub login shares the name space so "KevinEady" (noreply email) meets "Kevin Eady".

import { detachedString } from '../detachedString';
import type { RawIdentity } from './types';

// Addresses shared by many people: merging on them would join strangers.
const SHARED_EMAILS = new Set(['noreply@github.com', 'none', 'none@none', 'unknown', 'nobody@nowhere', 'you@example.com', 'email@example.com']);
const SHARED_NAMES = new Set(['root', 'admin', 'administrator', 'user', 'unknown', 'none', 'github', 'githubactions', 'yourname', 'ubuntu', 'build', 'builder', 'system', 'nobody', 'anonymous', 'localhost', 'bot']);
const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;
// Shorter folded names ("al", "jo") are too likely to belong to two people.
const MIN_NAME_KEY_LENGTH = 3;

export function normalizeEmail(email: string): string | undefined {
  const e = email.trim().replace(/^<|>$/g, '').toLowerCase();
  if (e === '' || !e.includes('@') || SHARED_EMAILS.has(e) || /@localhost(\.localdomain)?$|\(none\)$/.test(e)) return undefined;
  return e;
}

/** `12345+login@users.noreply.github.com` and `login@users.noreply.github.com` → `login`, as spelled. */
export function loginFromEmail(email: string): string | undefined {
  const m = NOREPLY.exec(email.trim());
  return m ? m[1] : undefined;
}

export function foldName(name: string): string | undefined {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (folded.length < MIN_NAME_KEY_LENGTH || SHARED_NAMES.has(folded)) return undefined;
  return folded;
}

/**
 * A lone capitalised word ("Jack", "Michael") is a first name that many people share, so it is
 * not a key. A lone handle-like word ("cjihrig", "JckXia", "NickNaso") is one person's and is.
 */
function isBareFirstName(name: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(name.trim());
}

export function emailKey(email: string): string | undefined {
  const e = normalizeEmail(email);
  return e === undefined ? undefined : `e:${e}`;
}

export function nameKey(nameOrLogin: string): string | undefined {
  const n = foldName(nameOrLogin);
  return n === undefined ? undefined : `n:${n}`;
}

// Folding names and emails is the costliest step of indexing a commit, and a history names the
// same few hundred people over and over, so keys are remembered (up to a bound).
const MEMO_LIMIT = 50_000;
const memo = new Map<string, readonly string[]>();

/** Every key of one identity; the first is the most specific (email before name). */
export function identityKeys(raw: RawIdentity): readonly string[] {
  const id = `${raw.login ?? ''}\0${raw.name ?? ''}\0${raw.email ?? ''}`;
  let keys = memo.get(id);
  if (keys === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    keys = computeKeys(raw).map(detachedString);
    memo.set(detachedString(id), keys);
  }
  return keys;
}

function computeKeys(raw: RawIdentity): readonly string[] {
  const keys: string[] = [];
  const push = (k: string | undefined): void => {
    if (k !== undefined && !keys.includes(k)) keys.push(k);
  };
  if (raw.email) {
    const login = loginFromEmail(raw.email);
    // A noreply address is one per person, so it is as good as the login it contains.
    push(login === undefined ? emailKey(raw.email) : nameKey(login));
  }
  if (raw.login) push(nameKey(raw.login));
  if (raw.name && !isBareFirstName(raw.name)) push(nameKey(raw.name));
  return keys;
}
