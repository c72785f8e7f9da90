// The Team view in the real workbench: the lead connects Slack with the pulse token, sends the
// team pulse from the palette, a teammate answers with reactions in Slack, and the view shows the
// pulse's result with its 8-week trend and a row per teammate with their open review requests.
import {
  check, runFromPalette, saveScreenshot, showOnlyViews, startFromPalette, toast, viewPane,
} from './workbench.mjs';

/** The teammate's answers: "great" (5) and "good" (4), two of the five default reactions. */
const answers = ['star-struck', 'slightly_smiling_face'];

/**
 * @param {import('playwright-core').Page} page
 * @param {Array<unknown>} steps
 * @param {{
 *   slack: { leadToken: string, channelName: string, call: (method: string, token: string, body: object) => Promise<any>, teammateToken: string, channel: string },
 *   screenshot?: string,
 * }} options
 *   slack.call: one Slack Web API call to the sandbox, from outside the workbench (a teammate's client).
 */
export async function checkTeam(page, steps, { slack, screenshot }) {
  const pane = viewPane(page, 'Team');

  await check(steps, 'F1 → "Lead Desk: Connect Slack", the pulse token typed in, connects Slack', async () => {
    await showOnlyViews(page, ['Team']);
    await startFromPalette(page, 'Lead Desk: Connect Slack');
    // Filled rather than typed: keys sent before the box has taken focus would go elsewhere.
    await page.locator('.quick-input-widget', { hasText: 'Connect Slack' }).locator('input').fill(slack.leadToken);
    await page.keyboard.press('Enter');
    await toast(page, 'Slack connected as').waitFor({ state: 'visible', timeout: 30_000 });
  });

  await check(steps, `F1 → "Lead Desk: Send Team Pulse" posts the pulse in #${slack.channelName}`, async () => {
    await runFromPalette(page, 'Lead Desk: Send Team Pulse');
    await toast(page, `Team pulse posted in #${slack.channelName}`).waitFor({ state: 'visible', timeout: 30_000 });
  });

  await check(steps, `a teammate answers in Slack with ${answers.map((a) => `:${a}:`).join(' and ')}`, async () => {
    const history = await slack.call('conversations.history', slack.leadToken, { channel: slack.channel });
    const pulse = history.messages?.[0];
    if (!pulse?.ts) throw new Error(`#${slack.channelName} has no message to answer: ${JSON.stringify(history).slice(0, 300)}`);
    for (const name of answers) await slack.call('reactions.add', slack.teammateToken, { channel: slack.channel, timestamp: pulse.ts, name });
  });

  await check(steps, 'after "Lead Desk: Refresh Team" the pulse row shows the two answers and the trend', async () => {
    await runFromPalette(page, 'Lead Desk: Refresh Team');
    const answered = pane.locator('.monaco-list-row', { hasText: /: 4\.5 of 5 · 2 answers/ }).first();
    await answered.waitFor({ state: 'visible', timeout: 30_000 });
    // The description is the trend: one mark per week for the last 8 weeks, this week's last.
    const trend = (await answered.locator('.label-description').innerText()).trim();
    if (!/^[·▁▂▃▄▅▆▇█]{8}( [↑↓→] \w+)?$/u.test(trend)) throw new Error(`the pulse row's trend reads "${trend}"`);
    await answered.click();
    const weeks = pane.locator('.monaco-list-row', { hasText: /^Week of / });
    await weeks.nth(7).waitFor({ state: 'visible', timeout: 10_000 });
    if ((await weeks.count()) !== 8) throw new Error(`the pulse row has ${await weeks.count()} weeks, not 8`);
  });

  await check(steps, 'the Team view has a row per teammate with their open review requests', async () => {
    const priya = pane.locator('.monaco-list-row', { hasText: 'priya' }).filter({ hasText: /\d+ open review requests?/ }).first();
    await priya.waitFor({ state: 'visible', timeout: 30_000 });
    await pane.locator('.monaco-list-row', { hasText: /^First review: / }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  if (screenshot) {
    await runFromPalette(page, 'Notifications: Clear All Notifications');
    await saveScreenshot(steps, page, screenshot);
  }
}
