// A lead's first hour, as a person would live it in the workbench: the walkthrough, a short focus
// block that ends with the break offer shown as a toast (not hidden by Lead Desk's own Do Not
// Disturb), a review block that opens the pull request, a handoff that leaves the queue at once, a
// weekly block added with the schedule editor, and the walkthrough's steps ticking as each is done.
import {
  check, focusIdle, pickQuickItem, runFromPalette, showOnlyViews, startFromPalette, toast, viewPane,
} from './workbench.mjs';

/** The walkthrough's step (its id ends in `#stepId`) and whether VS Code shows it as done. */
function walkthroughStep(page, stepId) {
  return page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="#${stepId}"]`).first();
}

/** Waits for the step's tick: VS Code sets it when the completion event fires, not on a timer. */
async function waitForTick(page, stepId, timeout = 15_000) {
  await walkthroughStep(page, stepId).locator('.codicon-getting-started-step-checked').waitFor({ state: 'attached', timeout });
}

async function openWalkthrough(page) {
  await runFromPalette(page, 'Lead Desk: Get Started');
  await page.locator('.gettingStartedContainer', { hasText: 'Get Started with Lead Desk' }).first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function closeWalkthrough(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: 'Walkthrough: Lead Desk' }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await page.locator('.gettingStartedContainer').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Picks the quick pick's first row whose text has `text`, after typing it as a filter. */
async function filterAndPick(page, text) {
  await page.keyboard.type(text);
  await pickQuickItem(page, text);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {Array<unknown>} steps
 * @param {{ handOff: string }} options
 *   handOff: a queue entry (`repo#number`) the lead is asked to review and can hand over.
 */
export async function checkFirstHour(page, steps, { handOff }) {
  await check(steps, 'F1 → "Lead Desk: Get Started" opens the walkthrough, with sign-in, the queue and delegation already ticked', async () => {
    await openWalkthrough(page);
    for (const id of ['signIn', 'queue', 'delegation']) await waitForTick(page, id);
    // Closed for the steps below: a palette or quick pick that loses the keyboard's focus closes,
    // and the walkthrough can take it back as its steps tick (the step after this one once lost
    // its quick pick in a CI run, with the walkthrough open).
    await closeWalkthrough(page);
  });

  await check(steps, 'F1 → "Lead Desk: Start Focus Block", 1 minute of deep work, starts a block', async () => {
    await startFromPalette(page, 'Lead Desk: Start Focus Block');
    await pickQuickItem(page, 'Custom…');
    const minutes = page.locator('.quick-input-widget input');
    await minutes.waitFor({ state: 'visible', timeout: 10_000 });
    await minutes.fill('1');
    await page.keyboard.press('Enter');
    await pickQuickItem(page, 'Deep work');
    await page.locator('.part.statusbar .statusbar-item', { hasText: /0:\d\d · Deep work/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  await check(steps, 'when the block runs out, the break offer is a toast the lead sees, with its buttons', async () => {
    const offer = toast(page, 'Focus block done:');
    // The block is a minute long; the offer comes once the guards have put everything back.
    await offer.waitFor({ state: 'visible', timeout: 120_000 });
    for (const button of ['Take a 5-Minute Break', 'Skip Break']) {
      await offer.locator('.monaco-button', { hasText: button }).first().waitFor({ state: 'visible', timeout: 5_000 });
    }
    await offer.locator('.monaco-button', { hasText: 'Skip Break' }).first().click();
    await focusIdle(page).waitFor({ state: 'visible', timeout: 15_000 });
  });

  // Six hours from now, on a quarter hour: the block must not be running while the steps after
  // this one start blocks of their own, whatever the time of day the run happens at.
  const weeklyStart = quarterHourIn(6 * 60);
  await check(steps, 'F1 → "Lead Desk: Edit Focus Schedule" adds a weekly block that Time Blocks lists with its date', async () => {
    await startFromPalette(page, 'Lead Desk: Edit Focus Schedule');
    await pickQuickItem(page, 'Add a Weekly Block…');
    // Days: Monday to Friday are ticked already.
    const days = page.locator('.quick-input-widget', { hasText: 'Which days?' });
    await days.locator('.monaco-list-row', { hasText: 'Friday' }).waitFor({ state: 'visible', timeout: 10_000 });
    await days.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
    const start = page.locator('.quick-input-widget', { hasText: 'Start' }).locator('input');
    await start.waitFor({ state: 'visible', timeout: 10_000 });
    await start.fill(weeklyStart);
    await page.keyboard.press('Enter');
    await pickQuickItem(page, '90 minutes');
    const label = page.locator('.quick-input-widget', { hasText: 'Label' }).locator('input');
    await label.waitFor({ state: 'visible', timeout: 10_000 });
    await label.fill('Early heads-down');
    await page.keyboard.press('Enter');
    await pickQuickItem(page, 'Deep work');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await showOnlyViews(page, ['Time Blocks']);
    // "Early heads-down", then "Fri 27 Nov 13:15–14:45 · Deep work": a weekday, a day and a month.
    const row = viewPane(page, 'Time Blocks').locator('.monaco-list-row', { hasText: 'Early heads-down' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const text = await row.innerText();
    if (!new RegExp(`(Mon|Tue|Wed|Thu|Fri) \\d{1,2} [A-Z][a-z]{2}\\b.*${weeklyStart}`).test(text)) throw new Error(`the upcoming row reads "${text}", with no date`);
  });

  await check(steps, 'F1 → "Lead Desk: Start Review Block" offers the queue\'s pull requests and opens the chosen one', async () => {
    await startFromPalette(page, 'Lead Desk: Start Review Block');
    await filterAndPick(page, handOff);
    // Without the GitHub Pull Requests extension the browser opens it: VS Code either asks first
    // whether to open the outside address (naming it), or, for a local address, opens a tab.
    const path = `/pull/${handOff.split('#')[1]}`;
    const ask = page.locator('.monaco-dialog-box', { hasText: path }).first();
    const asked = ask.waitFor({ state: 'visible', timeout: 20_000 }).then(() => 'asked', () => undefined);
    const tab = page.context().waitForEvent('page', { timeout: 20_000, predicate: (p) => p.url().includes(path) || p.url() === 'about:blank' }).then((p) => p, () => undefined);
    const opened = await Promise.race([asked, tab]);
    if (!opened) throw new Error(`neither a browser tab nor VS Code's question opened ${path}`);
    if (opened === 'asked') await ask.locator('.monaco-button', { hasText: /Cancel/ }).first().click();
    else await opened.close();
    await page.locator('.part.statusbar .statusbar-item', { hasText: /\d+:\d\d · Review/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await runFromPalette(page, 'Lead Desk: Stop Focus Block');
    await focusIdle(page).waitFor({ state: 'visible', timeout: 15_000 });
  });

  await check(steps, `handing ${handOff} over in Delegation takes it out of the Review Queue at once`, async () => {
    await showOnlyViews(page, ['Review Queue', 'Delegation']);
    const queueRow = viewPane(page, 'Review Queue').locator('.monaco-list-row', { hasText: `${handOff} ` });
    await queueRow.first().waitFor({ state: 'visible', timeout: 15_000 });
    await queueRow.first().hover();
    await queueRow.first().locator('.actions a.action-label[aria-label="Delegate…"]').click();
    const candidate = viewPane(page, 'Delegation').locator('.monaco-list-row', { hasText: /@[\w-]+ · .*(commit|review)/ }).first();
    await candidate.waitFor({ state: 'visible', timeout: 60_000 });
    await candidate.hover();
    await candidate.locator('.actions a.action-label[aria-label="Request Review from This Person"]').click();
    // "Also…": post the handoff message and remove my own request, both ticked. OK is clicked once
    // both are listed: a key pressed before the picker has taken focus goes elsewhere.
    const also = page.locator('.quick-input-widget', { hasText: 'Request a review from' });
    await also.locator('.monaco-list-row', { hasText: 'Remove my own review request' }).waitFor({ state: 'visible', timeout: 10_000 });
    await also.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
    await toast(page, 'Removed your review request').waitFor({ state: 'visible', timeout: 30_000 });
    // The queue refreshes on its own every few minutes; the row must be gone well before.
    await queueRow.first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  await check(steps, 'the walkthrough shows all five steps done', async () => {
    await openWalkthrough(page);
    for (const id of ['signIn', 'queue', 'focusBlock', 'schedule', 'delegation']) await waitForTick(page, id);
  });
}

/** The local time `minutes` from now, rounded down to a quarter hour, as HH:MM. */
function quarterHourIn(minutes) {
  const at = new Date(Date.now() + minutes * 60_000);
  const quarter = Math.floor(at.getMinutes() / 15) * 15;
  return `${String(at.getHours()).padStart(2, '0')}:${String(quarter).padStart(2, '0')}`;
}
