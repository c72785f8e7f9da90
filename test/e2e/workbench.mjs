// What the UI tests share: named checks that say which step broke, and the ways a person uses the
// workbench (the status bar's focus item, quick picks, the command palette).

export class UiCheckFailed extends Error {
  constructor(step, cause) {
    super(`${step}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
    this.name = 'UiCheckFailed';
  }
}

/** A screenshot of the whole window, as a named check. */
export async function saveScreenshot(steps, page, file) {
  await check(steps, `screenshot saved to ${file}`, async () => {
    // Move the pointer off the views and close any hover, so that nothing covers them.
    await page.mouse.move(900, 300);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: file });
  });
}

/** Runs one named check; a failure says which step broke, not only which selector timed out. */
export async function check(steps, name, fn) {
  const started = Date.now();
  try {
    await fn();
    steps.push({ name, ok: true, ms: Date.now() - started });
  } catch (err) {
    steps.push({ name, ok: false, ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) });
    throw new UiCheckFailed(name, err);
  }
}

/**
 * One line per check: "pass  name (ms)", or "FAIL  name (ms)", the first line of its error and,
 * for a wait that ran out, what it waited for (the line of Playwright's call log that says so).
 */
export function stepReport(steps) {
  return steps.map((s) => {
    if (!s.error) return `${s.ok ? 'pass' : 'FAIL'}  ${s.name} (${s.ms} ms)`;
    const lines = s.error.split('\n');
    const waitedFor = lines.find((line) => /^\s*- waiting for /.test(line));
    return `FAIL  ${s.name} (${s.ms} ms)\n        ${lines[0]}${waitedFor ? `\n        ${waitedFor.trim()}` : ''}`;
  });
}

/**
 * A view's header in the side bar. Its label carries the view's description once it has one
 * ("Review Queue - updated just now Section"), which may appear at any moment after activation.
 */
export function viewHeader(page, title, scope = '.sidebar ') {
  return page.locator(`${scope}.pane-header[aria-label="${title} Section"], ${scope}.pane-header[aria-label^="${title} - "]`);
}

/** The side bar pane of a view, by its title. */
export function viewPane(page, title) {
  // The header's label carries the view's description when it has one: "Focus - running Section".
  return page.locator('.sidebar .pane', { has: viewHeader(page, title, '') });
}

/** Opens the workbench at `url` and waits until it is ready to be used. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  await page.locator('.activitybar').waitFor({ state: 'visible', timeout: 30_000 });
}

/** The focus item while no block runs: "Focus". */
export function focusIdle(page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: /^\s*Focus\s*$/ }).first();
}

/** The focus item while a block runs: "47:12 · Deep work". */
export function focusCountdown(page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: /\d+:\d\d · Deep work/ }).first();
}

/** "1:05:00 · Deep work" or "24:58 · Deep work" → seconds left. */
export function secondsLeft(text) {
  const m = /(?:(\d+):)?(\d+):(\d\d) · /.exec(text);
  if (!m) throw new Error(`not a countdown: ${text}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Clicks the entry of the open quick pick that has this text. */
export async function pickQuickItem(page, text) {
  const entry = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  await entry.waitFor({ state: 'visible', timeout: 10_000 });
  await entry.click();
}

/** Clicks "Focus" in the status bar and picks a 25-minute deep-work block. */
export async function startDeepWorkFromStatusBar(page) {
  await focusIdle(page).click();
  await pickQuickItem(page, '25 minutes');
  await pickQuickItem(page, 'Deep work');
}

/**
 * F1, type the command's title, Enter once the palette highlights it: the command starts, and may
 * open an input box of its own. The palette filters as it gets the keys, and a recently used
 * command that matched the text typed so far ("Lead Desk: Get Started" for "Lead Desk: St…") can
 * stay highlighted for a moment after the last key, so Enter waits for the highlight, not just
 * for the command to be listed.
 */
export async function startFromPalette(page, title) {
  const palette = page.locator('.quick-input-widget input');
  // Only to take the keyboard's focus back to the workbench (from a webview, say), so forced: the
  // checks before an ordinary click waited out their 30 s once, over the walkthrough, in a CI run.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 300 }, force: true });
  await page.keyboard.press('F1');
  // An F1 pressed while the click still moves the focus can be lost (a CI run waited out 10 s for
  // the palette once, over the walkthrough): a person would press it again.
  if (!(await palette.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) await page.keyboard.press('F1');
  await palette.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** F1, type the command's title, Enter: the way a person runs a command. */
export async function runFromPalette(page, title) {
  await startFromPalette(page, title);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Every view of the Lead Desk side bar, top to bottom. */
export const leadDeskViews = ['Review Queue', 'Time Blocks', 'Delegation', 'This Week', 'Team'];

/**
 * Expands the named views and folds the others (a header click toggles a view), so the ones that
 * matter have the room. Views the side bar does not show are left alone.
 */
export async function showOnlyViews(page, titles) {
  for (const title of leadDeskViews) {
    const header = viewPane(page, title).locator('.pane-header').first();
    if ((await header.count()) === 0) continue;
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    if (expanded !== titles.includes(title)) await header.click();
  }
}

/** The toast whose message has this text (notifications stack; the newest is first). */
export function toast(page, text) {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** The status bar's text, items separated by " | ", for failure messages. */
export async function statusBarText(page) {
  const text = await page.locator('.part.statusbar').innerText({ timeout: 2000 }).catch(() => '(no status bar)');
  return text.split('\n').map((s) => s.trim()).filter(Boolean).join(' | ');
}
