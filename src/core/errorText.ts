/** What a caught value says: an Error's message, or else the value as text (anything can be thrown). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
