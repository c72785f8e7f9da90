// Counts in what the lead reads ("1,234 commits"), with the digits grouped as the display language
// groups them ("1.234" in German). The editor glue sets the language with the translator
// (src/vscode/l10n.ts); until then counts are grouped as in en-US. English is grouped by hand and
// any other language's formatter is made on the first count and kept: making an Intl formatter
// loads the locale data (~40 ms, measured on the first Who Knows This File?), which start-up and
// English text need not pay.

let language: string | undefined;
let formatter: ((n: number) => string) | undefined;

/** 1234 → "1,234", as en-US writes it. */
function englishGrouping(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatterFor(tag: string | undefined): (n: number) => string {
  if (!tag || /^en(-|$)/i.test(tag)) return englishGrouping;
  try {
    const intl = new Intl.NumberFormat(tag);
    return (n) => intl.format(n);
  } catch {
    // A language tag Intl does not know: the counts stay readable, grouped as in en-US.
    return englishGrouping;
  }
}

/** The display language (`vscode.env.language`, e.g. "de", "zh-cn"), or undefined for en-US. */
export function setCountLanguage(next: string | undefined): void {
  language = next;
  formatter = undefined;
}

/** A count for the lead to read: 1234 → "1,234" (en-US), "1.234" (de). */
export function countText(n: number): string {
  formatter ??= formatterFor(language);
  return formatter(n);
}
