/**
 * A copy of a string that does not point into the text it was cut from. V8 keeps substrings as
 * views of their source, so a file path or a name that the expertise index keeps for good would
 * otherwise keep the whole chunk of `git log` output it was parsed from alive. Applied where a
 * string is first stored for the long run, not to every parsed field, which would cost time.
 *
 * The copy is flat, one run of characters, as JSON.parse makes its strings. The former copy,
 * `(' ' + text).slice(1)`, was itself a view, of a copy one character longer: every map lookup
 * that met one compared its characters through it, which took ~6 % of a cold index build's thread.
 * The round trip keeps every character, unpaired surrogates too (JSON.stringify escapes them).
 */
export function detachedString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
