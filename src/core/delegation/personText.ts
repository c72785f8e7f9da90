// Turns "Name <email>" as people really write it into a RawIdentity. Trailers are typed by hand,
// so the parser tolerates HTML-escaped brackets, a missing bracket, an email with no brackets,
// an @login, and trailing junk; text that is clearly not a person is dropped.

import type { RawIdentity } from './types';

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+|[^\s<>"'(),;:]+@[A-Za-z0-9-]+(?=\s*>|\s*$)/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#39': "'", '#60': '<', '#62': '>' };
const NOT_A_NAME = new Set(['none', 'n/a', 'na', 'nobody', 'unknown', '-']);
// Longer free text in a trailer is a sentence, not a name (e.g. "None, landed to unbreak CI").
const MAX_NAME_WORDS = 5;

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#39|#60|#62);/gi, (_m, e: string) => ENTITIES[e.toLowerCase()] ?? _m);
}

function cleanName(text: string): string {
  return text
    .replace(/\([^)]*\)/g, ' ') // "Refael Ackermann (רפאל פלחי)": the aside is a second spelling, not part of the key
    .replace(/[<>"]/g, ' ')
    .replace(/^[\s:;,.'-]+|[\s:;,.'-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function loginFromText(text: string): string | undefined {
  const at = /^@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?)$/.exec(text);
  if (at) return at[1];
  const url = /^https?:\/\/github\.com\/([A-Za-z0-9-]+)\/?$/i.exec(text);
  return url ? url[1] : undefined;
}

export function parsePersonText(input: string): RawIdentity | undefined {
  const text = decodeEntities(input).trim();
  if (text === '') return undefined;
  const login = loginFromText(text);
  if (login) return { login };

  const emailMatch = EMAIL.exec(text);
  const email = emailMatch ? emailMatch[0].replace(/^<|>$/g, '') : undefined;
  const rest = emailMatch ? text.slice(0, emailMatch.index) : text;
  const name = cleanName(rest);
  const validName = name !== '' && !NOT_A_NAME.has(name.toLowerCase()) && !/[,:;]/.test(name) && name.split(' ').length <= MAX_NAME_WORDS;

  if (email && validName) return { name, email };
  if (email) return { email };
  if (validName) return { name };
  return undefined;
}

/** The JSONL datasets split name and email already, but sometimes leave the email inside the name. */
export function normalizeRawIdentity(raw: { name?: string | null; email?: string | null }): RawIdentity | undefined {
  const name = raw.name ?? '';
  const email = raw.email ?? '';
  if (email !== '' && !/[<>&]/.test(name) && !EMAIL.test(name)) {
    const cleaned = cleanName(decodeEntities(name));
    return cleaned === '' ? { email: email.trim() } : { name: cleaned, email: email.trim() };
  }
  return parsePersonText(email === '' ? name : `${name} <${email}>`);
}
