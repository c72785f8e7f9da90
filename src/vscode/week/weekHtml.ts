// The This Week page. The script and stylesheet come from the extension's own files, the script
// only with this page's nonce; nothing else may load or run (no inline handlers, no remote content).

export interface WeekPage {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function weekHtml(page: WeekPage): string {
  const csp = [
    "default-src 'none'",
    `style-src ${page.cspSource}`,
    `img-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.styleUri}">
<title>This Week</title>
</head>
<body data-state="loading">
<header>
<button id="previous" type="button" aria-label="Previous week">‹ Previous</button>
<h2 id="title" aria-live="polite">This week</h2>
<button id="current" type="button" disabled>This week</button>
<button id="next" type="button" aria-label="Next week" disabled>Next ›</button>
</header>
<p id="line" role="status">Loading the week…</p>
<div class="chart"><canvas id="chart" tabindex="0"></canvas></div>
<ul id="notes"></ul>
<table id="table"></table>
<h3>The week in figures</h3>
<dl id="figures"></dl>
<h3>Where the time went</h3>
<ol id="items"></ol>
<p id="items-empty" hidden>Nothing with a title yet: meetings and named focus blocks appear here.</p>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>`;
}
