import assert from 'node:assert/strict';
import { fillWords, isWeekWords, type WeekWords } from '../../../src/core/week/weekWords';
import { weekHtml } from '../../../src/vscode/week/weekHtml';

// The This Week page cannot call vscode.l10n: the host hands it its words, translated, with the HTML.

const french: WeekWords = {
  pageTitle: 'Cette semaine',
  previous: '‹ Précédente',
  previousLabel: 'Semaine précédente',
  thisWeek: 'Cette semaine',
  next: 'Suivante ›',
  nextLabel: 'Semaine suivante',
  loading: 'Chargement de la semaine…',
  figuresHeading: 'La semaine en chiffres',
  itemsHeading: 'Où est passé le temps',
  itemsEmpty: 'Rien avec un titre pour l’instant.',
  categories: { deepWork: 'Travail de fond', review: 'Relectures', meetings: 'Réunions', planning: 'Planification' },
  outside: 'Hors des heures de travail',
  target: 'Objectif de travail de fond ({0} %)',
  hoursAxis: 'heures',
  chartLabel: 'Heures par jour. {0}.',
  tableCaption: '{0} : heures par jour',
  day: 'Jour',
  reviewsGiven: 'Relectures faites',
  targetColumn: 'Objectif',
  dayOff: '{0} (repos)',
};

const page = (words: WeekWords) => weekHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 'week.js', styleUri: 'week.css', words });

describe('the This Week page words', () => {
  it('shows the words the host gives it, and hands the page script the rest', () => {
    const html = page(french);
    for (const shown of ['<title>Cette semaine</title>', 'aria-label="Semaine précédente">‹ Précédente</button>', '<h3>Où est passé le temps</h3>', 'role="status">Chargement de la semaine…</p>']) assert.ok(html.includes(shown), shown);
    assert.doesNotMatch(html, /Where the time went|Loading the week|Previous week/);
    const attribute = /data-words="([^"]*)"/.exec(html)?.[1] ?? '';
    const handed: unknown = JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    assert.deepEqual(handed, french);
  });

  it('keeps a translation as text: it cannot add markup to the page', () => {
    const html = page({ ...french, itemsHeading: '</h3><img src=x onerror=alert(1)>', pageTitle: '"><script>alert(1)</script>' });
    assert.doesNotMatch(html, /<img|<script>alert/);
    assert.ok(html.includes('&lt;/h3&gt;&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('fills values where the translation puts them, and refuses words that are missing or not text', () => {
    assert.equal(fillWords(french.target, 40), 'Objectif de travail de fond (40 %)');
    assert.equal(fillWords('{1} — {0}', 'a', '{1}'), '{1} — a');
    assert.equal(isWeekWords(french), true);
    assert.equal(isWeekWords({ ...french, day: 3 }), false);
    assert.equal(isWeekWords({ ...french, categories: { ...french.categories, review: undefined } }), false);
  });
});
