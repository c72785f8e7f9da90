/**
 * A copy of a string that does not point into the text it was cut from. V8 keeps substrings as
 * views of their source, so a file path or a name that the expertise index keeps for good would
 * otherwise keep the whole chunk of `git log` output it was parsed from alive. Applied where a
 * string is first stored for the long run, not to every parsed field, which would cost time.
 */
export function detachedString(text: string): string {
  return (' ' + text).slice(1);
}
