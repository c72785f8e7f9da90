// Measures the This Week view's first paint in a real VS Code 1.100.3 workbench (code-server): from
// a click on its folded header to its chart having pixels, with the demo's week in the calendar.
// Opens and folds the view several times in one window and prints one JSON line:
// {"runs":[ms…],"pageRuns":[ms…]}, pageRuns being the page's own part (see openWeekAndTimeFirstPaint).
//   node test/harness/measureWeekFirstPaint.mjs [--runs 5]
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { root } from './codeServer.mjs';
import { calendarSettings, writeDemoCalendar } from './demoCalendarFile.mjs';
import { Session } from './steps.mjs';
import { saveFailure, startUiRun } from './uiRun.mjs';
import { makeSmallRepo } from './workspace.mjs';
import { openWorkbench, showOnlyViews, viewHeader } from '../e2e/workbench.mjs';
import { drawnWeekFrame, openWeekAndTimeFirstPaint } from '../e2e/thisWeek.mjs';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const outputDir = path.join(root, '.test-output', 'bench-week');

await new Session('weekFirstPaint').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  const { browser, url } = await startUiRun(session, {
    outputDir,
    workspace: { name: 'workspace', step: 'create a small repository', create: (dir) => makeSmallRepo(dir) },
    settings: async ({ tmp }) => calendarSettings([await writeDemoCalendar(path.join(tmp, 'calendar', 'work.ics'))]),
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const figures = [];
  const pageFigures = [];
  try {
    await openWorkbench(page, url);
    await page.locator('.activitybar .action-item a.action-label[aria-label="Lead Desk"]').click();
    await viewHeader(page, 'This Week').first().waitFor({ state: 'visible', timeout: 30_000 });

    // The page the view shows at start-up first: folding it before it is drawn races its creation.
    await showOnlyViews(page, ['This Week']);
    let frame = await drawnWeekFrame(page, 60_000);
    for (let i = 0; i < runs; i++) {
      // Folding gives the page up, so each opening loads, asks for the week and draws it again.
      const gone = page.waitForEvent('framedetached', { predicate: (f) => f === frame, timeout: 30_000 });
      await showOnlyViews(page, []);
      await gone.catch((err) => {
        if (!frame.isDetached()) throw new Error(`the This Week page stayed after its view was folded (${err.message})`);
      });
      const opened = await openWeekAndTimeFirstPaint(page);
      frame = opened.frame;
      figures.push(opened.ms);
      pageFigures.push(opened.pageMs);
    }
  } catch (err) {
    throw await saveFailure(outputDir, [['', page]], err);
  }
  console.log(JSON.stringify({ runs: figures, pageRuns: pageFigures }));
});
