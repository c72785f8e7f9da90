// A pull request title is written by whoever opened the pull request. This step has someone open
// one whose title carries a command link, HTML and an image, and ask the lead to review it; the
// notification and the Review Queue row must show the title as text, with no link or image made
// from it. (A notification renders `[label](command:…)` as a link that runs the
// command, so it would show an `a` if the title were not inert.)
import { check, runFromPalette, showOnlyViews, viewPane } from './workbench.mjs';

const commandLink = '[click me](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)';
const html = '<img src=x onerror=alert(1)>';
const image = '![x](https://evil.example/x.png)';
export const hostileTitle = `Fix ${commandLink} ${html} ${image}`;

/** The pull request, as a sandbox scenario entry: opened by priya a moment ago, the lead asked to review. */
export const hostilePullRequest = {
  repo: 'acme/web',
  number: 140,
  title: hostileTitle,
  author: 'priya',
  createdAt: '-10m',
  files: [{ path: 'src/checkout/button.tsx', additions: 3, deletions: 1 }],
  reviewRequests: [{ user: 'lead', requestedAt: '-1m' }],
};

/**
 * Links and images in `locator`, and anything on the page that points where the title does. A tree
 * label's text sits in an `a.label-name` with no target, VS Code's own wrapper: that one is no link.
 */
async function linksAndImages(page, locator) {
  return {
    links: await locator.locator('a:not(.label-name), a[href]').count(),
    images: await locator.locator('img').count(),
    // Wherever VS Code would put it: an href, a data-href (notification links) or a src.
    pageWide: await page.locator('[href*="sendSequence"], [data-href*="sendSequence"], [src="x"], [src*="evil.example"]').count(),
  };
}

function expectInert(where, found) {
  if (found.links || found.images || found.pageWide) {
    throw new Error(`${where} made the title live: ${found.links} link(s), ${found.images} image(s), ${found.pageWide} element(s) on the page pointing where the title does`);
  }
}

/** The text the user reads must still carry every part of the title, shown as written. */
function expectText(where, text, parts) {
  const missing = parts.filter((part) => !text.includes(part));
  if (missing.length) throw new Error(`${where} does not show ${missing.map((m) => JSON.stringify(m)).join(', ')} as text; it shows ${JSON.stringify(text)}`);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {Array<unknown>} steps
 * @param {{ addPullRequest: (pull: object) => Promise<void> }} options
 */
export async function checkHostileTitle(page, steps, { addPullRequest }) {
  await check(steps, 'stopping the focus block lets notifications show again', async () => {
    await runFromPalette(page, 'Lead Desk: Stop Focus Block');
    await page.locator('.part.statusbar .statusbar-item', { hasText: /^\s*Focus\s*$/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  await check(steps, 'a pull request titled with a command link, HTML and an image asks for the lead\'s review', async () => {
    await addPullRequest(hostilePullRequest);
    await runFromPalette(page, 'Lead Desk: Refresh');
  });

  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'asked for your review' });
  await check(steps, 'the review-request notification shows the title as text, with no link or image', async () => {
    await toast.first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = toast.first().locator('.notification-list-item-message');
    expectInert('the notification', await linksAndImages(page, text));
    // Notifications know no escape, so brackets are shown as look-alikes; every other character stays.
    expectText('the notification', await text.innerText(), ['click me', '(command:workbench.action.terminal.sendSequence', html, 'https://evil.example/x.png']);
  });

  // The sidebar holds five views; fold the others so the queue has the room to show the row.
  await showOnlyViews(page, ['Review Queue']);
  const row = viewPane(page, 'Review Queue').locator('.monaco-list-row', { hasText: 'click me' }).first();
  await check(steps, 'the Review Queue row shows the title as written, with no link or image', async () => {
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // The label and description; the row's inline actions are VS Code's own buttons.
    const label = row.locator('.monaco-icon-label-container');
    expectText('the queue row', await label.innerText(), [hostileTitle]);
    expectInert('the queue row', await linksAndImages(page, label));
  });
}
