// One focus block seen from two real workbench windows on the same folder, each with its own
// extension host: the block lives in globalState, one window holds the lease and alone changes the
// GitHub status. test/harness/runTwoWindowTest.mjs prepares the server, the sandbox and the browser
// and calls runTwoWindowTest().
import {
  check, focusCountdown, focusIdle, openWorkbench, runFromPalette, secondsLeft, startDeepWorkFromStatusBar, statusBarText, stepReport,
} from './workbench.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An idle window looks at the shared storage every 3 s and a running one pulses every 2 s
 * (src/vscode/focus/focusTicker.ts); after this long every window has acted on what it saw.
 */
const settleMs = 5_000;

/** Waits for a locator, and on a timeout says what the window's status bar showed instead. */
async function waitShown(page, locator, what, timeout) {
  try {
    await locator.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what} did not show within ${timeout} ms; the status bar shows: ${await statusBarText(page)}`);
  }
}

/** Polls `probe` until it returns something other than undefined; fails naming `what` after `timeoutMs`. */
async function waitUntil(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}

// What the guard orchestrator logs in the window that acts (src/app/focus/guardOrchestrator.ts).
const busyLine = 'GitHub Busy status: on';
const restoredLine = 'GitHub Busy status: restored';

const describeStatus = (s) => (s ? `${s.emoji ?? ''} "${s.message ?? ''}"${s.indicatesLimitedAvailability ? ' (Busy)' : ''}` : 'no status');

/**
 * @param {{ a: import('playwright-core').Page, b: import('playwright-core').Page }} windows
 * @param {{
 *   url: string,
 *   statusChanges: () => Promise<Array<{ input: any }>>,
 *   viewerStatus: () => Promise<{ emoji: string | null, message: string | null, indicatesLimitedAvailability: boolean } | null>,
 *   extensionLogs: () => Promise<Array<{ host: string, text: string }>>,
 *   log?: (line: string) => void,
 * }} options
 *   statusChanges: the changeUserStatus mutations the sandbox received since the windows opened;
 *   viewerStatus: the lead's GitHub status as the sandbox holds it now;
 *   extensionLogs: the "Lead Desk" log of each extension host that activated it.
 */
export async function runTwoWindowTest({ a, b }, { url, statusChanges, viewerStatus, extensionLogs, log = () => undefined }) {
  /** The extension hosts whose log has `line` (once per occurrence), e.g. ["exthost1"]. */
  const hostsLogging = async (line) => (await extensionLogs()).flatMap(({ host, text }) => text.split('\n').filter((l) => l.includes(line)).map(() => host));

  const steps = [];
  try {
    const before = await viewerStatus();

    await check(steps, 'windows A and B load the workbench on the same folder', () => Promise.all([openWorkbench(a, url), openWorkbench(b, url)]));

    await check(steps, 'both windows show "Focus" in the status bar, each from its own extension host', async () => {
      await Promise.all([
        waitShown(a, focusIdle(a), 'window A\'s "Focus" item', 60_000),
        waitShown(b, focusIdle(b), 'window B\'s "Focus" item', 60_000),
      ]);
      // An extension host's log file appears with its first write, which may come after the status bar item.
      let hosts = [];
      await waitUntil('a Lead Desk log from each window\'s extension host', async () => {
        hosts = (await extensionLogs()).map((l) => l.host);
        return hosts.length >= 2 ? true : undefined;
      }, 15_000).catch(() => undefined);
      if (hosts.length !== 2) throw new Error(`${hosts.length} extension host(s) activated Lead Desk (${hosts.join(', ') || 'none'}), expected 2: one per window`);
    });

    await check(steps, 'window A: clicking "Focus" in the status bar starts a 25-minute deep-work block', async () => {
      // The window a person uses is the one in front (a tab behind another gets its frames throttled).
      await a.bringToFront();
      await startDeepWorkFromStatusBar(a);
      await waitShown(a, focusCountdown(a), 'window A\'s countdown', 15_000);
    });

    await check(steps, 'GitHub shows the lead as Busy', async () => {
      const busy = await waitUntil('a changeUserStatus mutation', async () => {
        const changes = await statusChanges();
        return changes.length > 0 ? changes[0].input : undefined;
      }, 15_000);
      if (!busy.limitedAvailability || !/^Focusing until /.test(busy.message ?? '')) throw new Error(`the first status change was not Busy: ${JSON.stringify(busy)}`);
      const now = await viewerStatus();
      if (now?.message !== busy.message || !now.indicatesLimitedAvailability) throw new Error(`the sandbox holds ${describeStatus(now)}, not the Busy status`);
    });

    await check(steps, 'window B\'s status bar counts the same block down', async () => {
      await waitShown(b, focusCountdown(b), 'window B\'s countdown', 15_000);
      const [left, right] = await Promise.all([focusCountdown(a).innerText(), focusCountdown(b).innerText()]);
      const gap = Math.abs(secondsLeft(left) - secondsLeft(right));
      if (gap > 2) throw new Error(`window A shows "${left.trim()}", window B "${right.trim()}"`);
    });

    let actor;
    await check(steps, 'the Busy status was set exactly once, by one window', async () => {
      await sleep(settleMs);
      const changes = await statusChanges();
      if (changes.length !== 1) throw new Error(`${changes.length} changeUserStatus mutations: ${JSON.stringify(changes.map((c) => c.input))}`);
      const hosts = await waitUntil(`"${busyLine}" in an extension log`, async () => {
        const found = await hostsLogging(busyLine);
        return found.length ? found : undefined;
      }, 5_000);
      if (hosts.length !== 1) throw new Error(`"${busyLine}" was logged by ${hosts.join(', ')}`);
      actor = hosts[0];
    });

    await check(steps, 'window B: F1 → "Lead Desk: Stop Focus Block" ends the block there', async () => {
      await b.bringToFront();
      await runFromPalette(b, 'Lead Desk: Stop Focus Block');
      await waitShown(b, focusIdle(b), 'window B\'s "Focus" item', 10_000);
    });

    await check(steps, 'window A\'s status bar returns to idle', async () => {
      await waitShown(a, focusIdle(a), 'window A\'s "Focus" item', 15_000);
      if (await focusCountdown(a).isVisible()) throw new Error(`window A still counts down: ${await statusBarText(a)}`);
    });

    await check(steps, `the GitHub status is back to ${describeStatus(before)}, restored exactly once`, async () => {
      await waitUntil('a second changeUserStatus mutation', async () => ((await statusChanges()).length >= 2 ? true : undefined), 15_000);
      await sleep(settleMs);
      const changes = await statusChanges();
      if (changes.length !== 2) throw new Error(`${changes.length} changeUserStatus mutations: ${JSON.stringify(changes.map((c) => c.input))}`);
      const now = await viewerStatus();
      if (describeStatus(now) !== describeStatus(before)) throw new Error(`the sandbox holds ${describeStatus(now)}, was ${describeStatus(before)}`);
    });

    await check(steps, 'the window that set Busy restored it, though the block was stopped in the other one', async () => {
      const hosts = await waitUntil(`"${restoredLine}" in an extension log`, async () => {
        const found = await hostsLogging(restoredLine);
        return found.length ? found : undefined;
      }, 5_000);
      if (hosts.length !== 1 || hosts[0] !== actor) throw new Error(`"${restoredLine}" was logged by ${hosts.join(', ')}; Busy was set by ${actor}`);
    });
  } finally {
    for (const line of stepReport(steps)) log(line);
  }
  return steps;
}
