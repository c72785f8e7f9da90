// The This Week page's own words. The page cannot reach vscode.l10n, so the host translates them
// and hands them to the page with its HTML; the page fills in the values with fillWords.
import { categories, type Category } from './aggregateWeek';

export interface WeekWords {
  readonly pageTitle: string;
  readonly previous: string;
  readonly previousLabel: string;
  readonly thisWeek: string;
  readonly next: string;
  readonly nextLabel: string;
  readonly loading: string;
  readonly figuresHeading: string;
  readonly itemsHeading: string;
  readonly itemsEmpty: string;
  readonly categories: Readonly<Record<Category, string>>;
  readonly outside: string;
  /** {0}: the target in percent */
  readonly target: string;
  readonly hoursAxis: string;
  /** {0}: the week's summary line */
  readonly chartLabel: string;
  /** {0}: the week's title */
  readonly tableCaption: string;
  readonly day: string;
  readonly reviewsGiven: string;
  readonly targetColumn: string;
  /** {0}: the day's label */
  readonly dayOff: string;
}

const textKeys = ['pageTitle', 'previous', 'previousLabel', 'thisWeek', 'next', 'nextLabel', 'loading', 'figuresHeading', 'itemsHeading', 'itemsEmpty', 'outside', 'target', 'hoursAxis', 'chartLabel', 'tableCaption', 'day', 'reviewsGiven', 'targetColumn', 'dayOff'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

/** What the page accepts as its words: every text present and short; anything else is refused. */
export function isWeekWords(v: unknown): v is WeekWords {
  return isRecord(v) && textKeys.every((k) => isText(v[k])) && isRecord(v.categories) && categories.every((c) => isText((v.categories as Record<string, unknown>)[c]));
}

/** Puts values where a translated text has {0}, {1}…, in one pass as vscode.l10n.t does. */
export function fillWords(text: string, ...values: Array<string | number>): string {
  return text.replace(/\{(\d+)\}/g, (placeholder, i: string) => (Number(i) < values.length ? String(values[Number(i)]) : placeholder));
}
