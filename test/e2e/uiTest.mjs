// A person's view of Lead Desk: the packaged extension in a real VS Code workbench, driven through
// the DOM the way a user would: activity bar, view headers, the command palette, the output panel.
// test/harness/runUiTest.mjs prepares the server and the browser and calls runUiTest().

import path from 'node:path';
import {
  check, focusCountdown, openWorkbench, runFromPalette, saveScreenshot, secondsLeft, showOnlyViews, startDeepWorkFromStatusBar, stepReport, viewHeader, viewPane,
} from './workbench.mjs';
import { checkFirstHour } from './firstHour.mjs';
import { checkHostileTitle } from './hostileTitle.mjs';
import { checkTeam } from './team.mjs';
import { checkThisWeek, drawnWeekFrame } from './thisWeek.mjs';

const viewTitles = ['Review Queue', 'Time Blocks', 'Delegation'];

/**
 * @param {import('playwright-core').Page} page
 * @param {{
 *   url: string,
 *   delegatePullRequest: string,
 *   screenshots?: string,
 *   addPullRequest: (pull: object) => Promise<void>,
 *   fillDemoWeek: () => Promise<void>,
 *   setSharedMeetings: (events: Array<{ uid: string, title: string, start: number, end: number }>) => Promise<void>,
 *   slack: Parameters<typeof checkTeam>[2]['slack'],
 *   log?: (line: string) => void,
 * }} options
 *   delegatePullRequest: a queue entry (`repo#number`) of the repository open in the workbench;
 *   screenshots: the folder for workbench.png, focus.png, delegation.png, week.png and team.png;
 *   addPullRequest: opens a pull request in the sandbox (a scenario entry) while the workbench runs;
 *   fillDemoWeek: writes the demo's week of meetings into the first calendar file (empty until then);
 *   setSharedMeetings: writes the second calendar file's events;
 *   slack: the sandbox's Slack, for the Team steps.
 */
export async function runUiTest(page, { url, delegatePullRequest, screenshots, addPullRequest, fillDemoWeek, setSharedMeetings, slack, log = () => undefined }) {
  const steps = [];
  try {
    await check(steps, 'the workbench loads', () => openWorkbench(page, url));

    const entry = page.locator('.activitybar .action-item a.action-label[aria-label="Lead Desk"]');
    await check(steps, 'the activity bar has a "Lead Desk" entry', () => entry.waitFor({ state: 'visible', timeout: 30_000 }));
    await check(steps, 'clicking it opens the Lead Desk side bar', async () => {
      await entry.click();
      await page.locator('.sidebar .composite.title', { hasText: /lead desk/i }).waitFor({ state: 'visible', timeout: 15_000 });
    });

    for (const title of viewTitles) {
      await check(steps, `the "${title}" view header is visible`, () =>
        viewHeader(page, title).first().waitFor({ state: 'visible', timeout: 15_000 }),
      );
    }

    await check(steps, 'the Review Queue stops asking to sign in (the token in the environment is used)', async () => {
      // Credentials are looked up after activation; allow for a slow authentication provider.
      const prompt = page.locator('.sidebar .pane-body', { hasText: 'Sign in to GitHub to see every pull request' });
      await viewHeader(page, 'Review Queue').first().waitFor({ state: 'visible' });
      await prompt.first().waitFor({ state: 'hidden', timeout: 30_000 });
    });

    await check(steps, 'F1 → "Lead Desk: Show Log" runs the command', async () => {
      await runFromPalette(page, 'Lead Desk: Show Log');
    });

    await check(steps, 'the Output panel shows the "Lead Desk" channel', async () => {
      await page.locator('.part.panel .action-item.checked a[aria-label^="Output"]').waitFor({ state: 'visible', timeout: 15_000 });
      const select = page.locator('.part.panel select.monaco-select-box');
      await select.first().waitFor({ state: 'visible', timeout: 10_000 });
      const deadline = Date.now() + 10_000;
      let shown = '';
      while (Date.now() < deadline) {
        shown = await select.first().evaluate((el) => el.options[el.selectedIndex]?.text ?? '');
        if (shown === 'Lead Desk') return;
        await page.waitForTimeout(200);
      }
      throw new Error(`the Output channel picker shows "${shown}", not "Lead Desk"`);
    });

    await check(steps, 'the "Lead Desk" channel has log lines', async () => {
      await page.locator('.part.panel .monaco-editor .view-line', { hasText: /\[(info|warning|error)\]/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    });

    // This Week and Team fold away, so the first three views have the room they had alone; a click
    // in the editor area takes the focus (and its outline) off the last header clicked. This Week's
    // page is drawn first: folding a webview view while VS Code still creates its page can leave
    // that page behind for the next opening, which the This Week steps must see made anew.
    await check(steps, 'the "This Week" view draws its chart at start-up', () => drawnWeekFrame(page, 60_000));
    await showOnlyViews(page, viewTitles);
    await page.locator('.part.editor').click();

    if (screenshots) {
      // A wider side bar, so that the screenshots show whole titles and reasons.
      await check(steps, 'the side bar widens when its edge is dragged', async () => {
        const box = await page.locator('.part.sidebar').boundingBox();
        if (!box) throw new Error('the side bar has no box');
        const edge = box.x + box.width + 1;
        await page.mouse.move(edge, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(edge + 260, box.y + box.height / 2, { steps: 8 });
        await page.mouse.up();
        const wider = await page.locator('.part.sidebar').boundingBox();
        if (!wider || wider.width < box.width + 200) throw new Error(`the side bar is ${wider?.width} px wide, was ${box.width} px`);
      });
      await saveScreenshot(steps, page, path.join(screenshots, 'workbench.png'));
    }

    await check(steps, 'clicking "Focus" in the status bar starts a 25-minute deep-work block', async () => {
      await startDeepWorkFromStatusBar(page);
      await focusCountdown(page).waitFor({ state: 'visible', timeout: 15_000 });
    });

    await check(steps, 'the status bar counts the block down', async () => {
      const first = secondsLeft(await focusCountdown(page).innerText());
      await page.waitForTimeout(2500);
      const later = secondsLeft(await focusCountdown(page).innerText());
      if (!(first - later >= 1 && first - later <= 4)) throw new Error(`the countdown went from ${first} s to ${later} s in 2.5 s`);
      if (first > 25 * 60 || first < 24 * 60) throw new Error(`a 25-minute block shows ${first} s left`);
    });

    await check(steps, 'the Focus view shows the running block', () =>
      viewPane(page, 'Time Blocks').locator('.monaco-list-row', { hasText: 'Deep work' }).first().waitFor({ state: 'visible', timeout: 15_000 }),
    );

    if (screenshots) await saveScreenshot(steps, page, path.join(screenshots, 'focus.png'));

    await check(steps, `"Delegate…" on ${delegatePullRequest} ranks people who know the code`, async () => {
      const row = viewPane(page, 'Review Queue').locator('.monaco-list-row', { hasText: `${delegatePullRequest} ` }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.hover();
      await row.locator('.actions a.action-label[aria-label="Delegate…"]').click();
      // Each candidate's description is "@login · reason"; the reason names the history behind it.
      const candidate = viewPane(page, 'Delegation').locator('.monaco-list-row', { hasText: /@[\w-]+ · .*(commit|review)/ });
      await candidate.first().waitFor({ state: 'visible', timeout: 60_000 });
    });

    if (screenshots) {
      // Room for the candidates: the Focus view folds away and the panel closes.
      await viewPane(page, 'Time Blocks').locator('.pane-header').click();
      await runFromPalette(page, 'View: Hide Panel');
      await saveScreenshot(steps, page, path.join(screenshots, 'delegation.png'));
    }

    // After the screenshots, so the hostile pull request never appears in them.
    await checkHostileTitle(page, steps, { addPullRequest });
    await checkThisWeek(page, steps, { fillDemoWeek, setSharedMeetings, screenshot: screenshots && path.join(screenshots, 'week.png'), log });
    await checkTeam(page, steps, { slack, screenshot: screenshots && path.join(screenshots, 'team.png') });
    await checkFirstHour(page, steps, { handOff: delegatePullRequest });
  } finally {
    for (const line of stepReport(steps)) log(line);
  }
  return steps;
}
