// The chart's table alternative: a real <table> with a caption and header cells, which screen
// readers announce row by row. Up and down arrows move between the day rows.
import { categories } from '../../core/week/aggregateWeek';
import type { WeekViewData } from '../../core/week/weekMessages';
import { fillWords, type WeekWords } from '../../core/week/weekWords';

const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

function cell(tag: 'td' | 'th', text: string, scope?: 'row' | 'col'): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (scope) c.scope = scope;
  return c;
}

export function renderTable(table: HTMLTableElement, data: WeekViewData, words: WeekWords): void {
  const caption = document.createElement('caption');
  caption.textContent = fillWords(words.tableCaption, data.title);
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headRow.append(cell('th', words.day, 'col'), ...categories.map((c) => cell('th', words.categories[c], 'col')), cell('th', words.outside, 'col'), cell('th', words.reviewsGiven, 'col'), cell('th', words.targetColumn, 'col'));
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const day of data.days) {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    const outside = categories.reduce((sum, c) => sum + day.outside[c], 0);
    row.append(
      cell('th', day.working ? day.label : fillWords(words.dayOff, day.label), 'row'),
      ...categories.map((c) => cell('td', hours(day.within[c]))),
      cell('td', hours(outside)),
      cell('td', String(day.reviews)),
      cell('td', day.working ? hours(day.targetHours) : '–'),
    );
    body.append(row);
  }
  table.replaceChildren(caption, head, body);
}

/** Arrow keys on a focused row move to the row above or below. */
export function tableKeys(table: HTMLTableElement): void {
  table.addEventListener('keydown', (e) => {
    const row = (e.target as HTMLElement).closest('tr');
    if (!row || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      next.focus();
    }
  });
}
