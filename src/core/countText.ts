// Counts in what the lead reads ("1,234 commits"), with the digits grouped as the display language
// groups them ("1.234" in German). The editor glue sets the language with the translator
// (src/vscode/l10n.ts); until then, as in text posted for others, counts are grouped as in en-US.
// One formatter per language, kept: building one per call would cost on every render.

const english = new Intl.NumberFormat('en-US');
let shown = english;

/** The display language (`vscode.env.language`, e.g. "de", "zh-cn"), or undefined for en-US. */
export function setCountLanguage(language: string | undefined): void {
  try {
    shown = language ? new Intl.NumberFormat(language) : english;
  } catch {
    // A language tag Intl does not know: the counts stay readable in en-US.
    shown = english;
  }
}

/** A count for the lead to read: 1234 → "1,234" (en-US), "1.234" (de). */
export function countText(n: number): string {
  return shown.format(n);
}
