// The This Week page. The script and stylesheet come from the extension's own files, the script
// only with this page's nonce; nothing else may load or run (no inline handlers, no remote content).

import type { WeekWords } from '../../core/week/weekWords';

export interface WeekPage {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The page's words in the display language; the script reads the rest of them from data-words. */
  readonly words: WeekWords;
  /** The display language (`vscode.env.language`), which the words are in; English when not given. */
  readonly language?: string;
}

/** Translations are the extension's own text, but they are still text, never markup. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Not translated: markup and a Content-Security-Policy; the words arrive translated in page.words.
export function weekHtml(page: WeekPage): string {
  const w = page.words;
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${html(page.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.styleUri}">
<title>${html(w.pageTitle)}</title>
</head>
<body data-state="loading" data-words="${html(JSON.stringify(w))}">
<header>
<button id="previous" type="button" aria-label="${html(w.previousLabel)}">${html(w.previous)}</button>
<h2 id="title" aria-live="polite">${html(w.thisWeek)}</h2>
<button id="current" type="button" disabled>${html(w.thisWeek)}</button>
<button id="next" type="button" aria-label="${html(w.nextLabel)}" disabled>${html(w.next)}</button>
</header>
<p id="line" role="status">${html(w.loading)}</p>
<div class="chart"><canvas id="chart" tabindex="0"></canvas></div>
<ul id="notes"></ul>
<table id="table"></table>
<h3>${html(w.figuresHeading)}</h3>
<dl id="figures"></dl>
<h3>${html(w.itemsHeading)}</h3>
<ol id="items"></ol>
<p id="items-empty" hidden>${html(w.itemsEmpty)}</p>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>`;
}
