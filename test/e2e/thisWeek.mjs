// The This Week view in the real workbench: a webview (an iframe in an iframe) that draws the week
// from the demo calendar, offers the same figures as a table, and shows outside text as text only.
// A meeting whose title carries a script and an image with an inline handler must show as written,
// with nothing run or loaded from it, and the page's Content Security Policy must refuse inline
// script outright.
import {
  check, runFromPalette, saveScreenshot, showOnlyViews, toast, viewPane,
} from './workbench.mjs';

export const hostileMeetingTitle = 'Vendor sync <script>window.__pwned=1</script> <img src=x onerror=window.__pwned=2>';

/** A three-hour meeting that ended a moment ago: the longest of the week so far, so it leads "Where the time went". */
export function hostileMeeting(now = Date.now()) {
  return { uid: 'hostile-vendor-sync@ui-test.lead-desk', title: hostileMeetingTitle, start: now - 3 * 3_600_000, end: now - 1000 };
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/** Runs Refresh Calendars and waits for its report to name every file as read with `expected`. */
async function refreshCalendars(page, expected) {
  await runFromPalette(page, 'Notifications: Clear All Notifications');
  await runFromPalette(page, 'Lead Desk: Refresh Calendars');
  const report = toast(page, /No calendar yet|\.ics: /);
  await report.waitFor({ state: 'visible', timeout: 30_000 });
  const shown = await report.locator('.notification-list-item-message').innerText();
  const missing = expected.filter((part) => !(part instanceof RegExp ? part.test(shown) : shown.includes(part)));
  if (missing.length) throw new Error(`Refresh Calendars reports "${shown}", without ${missing.map(String).join(' and ')}`);
}

/** In the page: the chart's canvas has pixels drawn on it, after the page says the week is shown. */
function chartDrawn() {
  const canvas = document.getElementById('chart');
  if (!(canvas instanceof HTMLCanvasElement) || document.body.dataset.state !== 'ready' || !canvas.width || !canvas.height) return false;
  const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
  for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] > 0) return true;
  return false;
}

/**
 * The frame of the This Week page once its chart is drawn. VS Code puts a webview in an iframe
 * (`active-frame`) inside another iframe; frames of other webviews and of earlier, released copies
 * of this one come and go, so every frame not in `skip` is asked until one has the drawn chart.
 * @returns {Promise<import('playwright-core').Frame>}
 */
export async function drawnWeekFrame(page, timeoutMs, skip = new Set()) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter((f) => !skip.has(f))) {
      if (await frame.evaluate(chartDrawn).catch(() => false)) return frame;
    }
    // Polls: the page's drawing is not an event the workbench exposes outside the webview.
    await page.waitForTimeout(20);
  }
  throw new Error(`no frame shows a drawn This Week chart within ${timeoutMs} ms`);
}

/**
 * Clicks the folded "This Week" header and times it until the chart has pixels: VS Code makes the
 * webview's frames again (a folded webview view gives up its page), the page loads, asks for the
 * week and draws it. Frames from before the click are not it. `pageMs` is the page's own part: from
 * its request for its bundle (resource timing, on the same clock) to the chart seen drawn. VS Code
 * creates the frame well before it writes the page into it, so the frame's own start says less.
 * @returns {Promise<{ frame: import('playwright-core').Frame, ms: number, pageMs: number }>}
 */
export async function openWeekAndTimeFirstPaint(page) {
  const header = viewPane(page, 'This Week').locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'true') throw new Error('the This Week view is already open; fold it first');
  const earlier = new Set(page.frames());
  const started = Date.now();
  await header.click();
  const frame = await drawnWeekFrame(page, 30_000, earlier);
  const drawn = Date.now();
  const pageStarted = await frame.evaluate(() => {
    const bundle = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/week.js'));
    if (!bundle) throw new Error('the page has no timing for week.js');
    return performance.timeOrigin + bundle.startTime;
  });
  return { frame, ms: drawn - started, pageMs: Math.round(drawn - pageStarted) };
}

/** The table alternative as the test reads it: caption, column headers, and each row's header cell. */
function readTable() {
  const table = document.getElementById('table');
  return {
    caption: table?.querySelector('caption')?.textContent ?? '',
    columns: [...(table?.querySelectorAll('thead th[scope="col"]') ?? [])].map((th) => th.textContent),
    rows: [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => ({
      day: tr.querySelector('th[scope="row"]')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    })),
  };
}

/** The page's scripts and images, and whether anything from the title ran. */
function readActiveContent() {
  return {
    scripts: [...document.scripts].map((s) => ({ id: s.id, src: s.getAttribute('src') ?? '', nonce: s.nonce, text: s.src ? '' : (s.textContent ?? '').slice(0, 80) })),
    images: document.querySelectorAll('img').length,
    pwned: /** @type {any} */ (window).__pwned,
  };
}

/**
 * Tries what an injected title would need: an inline script element and an image whose error
 * handler is inline. Resolves with the CSP directives that refused them, once both were refused.
 */
function probeInlineScript() {
  return new Promise((resolve, reject) => {
    const refused = new Set();
    const timer = setTimeout(() => reject(new Error(`the CSP refused only ${[...refused].join(', ') || 'nothing'} within 10 s`)), 10_000);
    document.addEventListener('securitypolicyviolation', (e) => {
      refused.add(e.effectiveDirective);
      if (refused.has('script-src-elem') && refused.has('script-src-attr')) {
        clearTimeout(timer);
        probe.remove();
        resolve([...refused].sort());
      }
    });
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="data:," onerror="window.__pwned=4">';
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 3';
    probe.append(script);
    document.body.append(probe);
  });
}

/**
 * @param {import('playwright-core').Page} page
 * @param {Array<unknown>} steps
 * @param {{
 *   fillDemoWeek: () => Promise<void>,
 *   setSharedMeetings: (events: Array<{ uid: string, title: string, start: number, end: number }>) => Promise<void>,
 *   screenshot?: string,
 *   log: (line: string) => void,
 * }} options
 *   fillDemoWeek: writes the demo's week of meetings into the first calendar file (work.ics);
 *   setSharedMeetings: writes the second calendar file (shared.ics) with these events;
 *   screenshot: where to save week.png, taken before the hostile meeting is in the calendar.
 */
export async function checkThisWeek(page, steps, { fillDemoWeek, setSharedMeetings, screenshot, log }) {
  await check(steps, 'Refresh Calendars reads the demo week written to the calendar file, and the (still empty) shared one', async () => {
    await fillDemoWeek();
    await refreshCalendars(page, [/work\.ics: [1-9]\d* events/, 'shared.ics: 0 events']);
  });

  let frame;
  await check(steps, 'clicking the "This Week" header draws its chart', async () => {
    await showOnlyViews(page, []);
    const opened = await openWeekAndTimeFirstPaint(page);
    frame = opened.frame;
    log(`weekViewFirstPaintMs=${opened.ms} (of which the page itself, from its bundle request to the drawn chart: ${opened.pageMs} ms)`);
  });

  await check(steps, 'the table alternative has a caption, header cells and a row for each working day', async () => {
    const table = await frame.evaluate(readTable);
    if (!/hours per day/.test(table.caption)) throw new Error(`the caption reads "${table.caption}"`);
    for (const column of ['Day', 'Deep work', 'Reviews', 'Meetings', 'Planning']) {
      if (!table.columns.includes(column)) throw new Error(`no "${column}" column header; the headers are ${JSON.stringify(table.columns)}`);
    }
    const days = table.rows.map((r) => r.day.slice(0, 3));
    const missing = weekdays.filter((d) => !days.includes(d));
    if (missing.length) throw new Error(`no row for ${missing.join(', ')}; the rows are ${JSON.stringify(days)}`);
    if (table.rows.some((r) => r.cells.length !== table.columns.length - 1)) throw new Error(`a row's cells do not match the ${table.columns.length} headers`);
  });

  if (screenshot) await saveScreenshot(steps, page, screenshot);

  await check(steps, 'a meeting titled with a <script> and an <img onerror> is added to the calendar', async () => {
    await setSharedMeetings([hostileMeeting()]);
    await refreshCalendars(page, ['shared.ics: 1 event']);
    await runFromPalette(page, 'Lead Desk: Refresh This Week');
  });

  await check(steps, 'This Week lists the meeting\'s title as text and counts its hours', async () => {
    const item = frame.locator('#items .item-title', { hasText: 'Vendor sync' }).first();
    await item.waitFor({ state: 'attached', timeout: 30_000 });
    const text = await item.textContent();
    if (text !== hostileMeetingTitle) throw new Error(`the item reads ${JSON.stringify(text)}, not the title as written`);
    const meetings = await frame.evaluate(readTable).then((t) => t.rows.map((r) => r.cells[t.columns.indexOf('Meetings') - 1]));
    if (meetings.every((h) => h === '0 h')) throw new Error(`the table counts no meeting hours: ${JSON.stringify(meetings)}`);
  });

  await check(steps, 'nothing from the title runs or loads: only the bundle (by nonce) and VS Code\'s API script, no image', async () => {
    const found = await frame.evaluate(readActiveContent);
    // VS Code's webview host puts its acquireVsCodeApi script first, ahead of the page's CSP.
    const others = found.scripts.filter((s) => s.id !== '_vscodeApiScript' && !(s.src.endsWith('/week.js') && s.nonce));
    if (others.length || !found.scripts.some((s) => s.src.endsWith('/week.js'))) throw new Error(`the page's scripts are ${JSON.stringify(found.scripts)}`);
    if (found.images) throw new Error(`the page has ${found.images} image(s)`);
    if (found.pwned !== undefined) throw new Error(`window.__pwned is ${JSON.stringify(found.pwned)}`);
  });

  await check(steps, 'the page\'s CSP refuses an inline script and an inline error handler', async () => {
    const refused = await frame.evaluate(probeInlineScript);
    const pwned = await frame.evaluate(() => /** @type {any} */ (window).__pwned);
    if (pwned !== undefined) throw new Error(`window.__pwned is ${JSON.stringify(pwned)} after the CSP refused ${refused.join(', ')}`);
  });
}
