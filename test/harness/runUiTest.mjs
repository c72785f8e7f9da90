// npm run test:e2e: installs the packaged .vsix into a fresh code-server (VS Code 1.100.3), points it
// at the local GitHub sandbox, and lets headless Chromium use the workbench like a person would
// (test/e2e/uiTest.mjs). Saves media/screenshots/{workbench,focus,delegation,week,team}.png on success, and
// a failure screenshot and the page's HTML in .test-output/e2e/ otherwise.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './codeServer.mjs';
import { Session } from './steps.mjs';
import { calendarSettings, writeCalendarFile, writeDemoCalendar } from './demoCalendarFile.mjs';
import { makeDemoRepo } from './demoRepo.mjs';
import { addSandboxPullRequest } from './sandbox.mjs';
import { demoSlack, slackApiUrl, slackCall } from './slackSandbox.mjs';
import { collectConsole, saveFailure, startUiRun } from './uiRun.mjs';
import { runUiTest } from '../e2e/uiTest.mjs';

const outputDir = path.join(root, '.test-output', 'e2e');
// The README's screenshots are refreshed by a developer's run; CI keeps its copies with the run's
// output, so a CI checkout is left unchanged.
const screenshots = process.env.CI ? outputDir : path.join(root, 'media', 'screenshots');

/**
 * The lead's team for the Team view: everyone in the scenario's organisations but the lead. The
 * whole of both organisations, so that Delegation, which the team narrows, suggests whom it did
 * without one.
 */
function teamOf({ login, scenario }) {
  return [...new Set(scenario.orgs.flatMap((org) => org.members))].filter((member) => member !== login);
}

await new Session('e2e').main(async (session) => {
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });

  // The demo's repository (acme/api, with a year of history by the demo team), so that the
  // Delegation view has people to suggest.
  // Two calendars, as `npm run demo` has one: empty until the This Week steps fill them, so that
  // no meeting changes the steps before.
  let tmp = '';
  const calendarFile = (name) => path.join(tmp, 'calendar', name);
  const setSharedMeetings = (events) => writeCalendarFile(calendarFile('shared.ics'), 'Shared', events).then(() => undefined);
  const { browser, url, sandbox } = await startUiRun(session, {
    outputDir,
    workspace: { name: 'acme-api', step: 'create the demo repository', create: (dir, identity) => makeDemoRepo(dir, identity.scenario) },
    settings: async ({ sandbox: started, identity, tmp: folder }) => {
      tmp = folder;
      await writeCalendarFile(calendarFile('work.ics'), 'Work (demo)', []);
      await setSharedMeetings([]);
      return {
        ...calendarSettings([calendarFile('work.ics'), calendarFile('shared.ics')]),
        'leadDesk.team': teamOf(identity),
        'leadDesk.pulse.slackChannel': demoSlack.teamChannel,
        // The sandbox answers Slack too; nothing reaches it until the Team steps connect Slack.
        'leadDesk.focus.slack.apiUrl': slackApiUrl(started),
      };
    },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const consoleLines = [];
  collectConsole(page, consoleLines);

  await mkdir(screenshots, { recursive: true });
  try {
    await session.step('drive the workbench', () => runUiTest(page, {
      url,
      // The demo asks the lead to review api#427, a pull request on the repository that is open.
      delegatePullRequest: 'api#427',
      screenshots,
      addPullRequest: (pull) => addSandboxPullRequest(sandbox.url, pull),
      fillDemoWeek: () => writeDemoCalendar(calendarFile('work.ics')).then(() => undefined),
      setSharedMeetings,
      slack: {
        call: (method, token, body) => slackCall(slackApiUrl(sandbox), method, token, body),
        leadToken: demoSlack.leadPulseToken,
        teammateToken: demoSlack.teammateToken,
        channel: demoSlack.teamChannel,
        channelName: demoSlack.teamChannelName,
      },
      log: (line) => console.log(`  ${line}`),
    }));
  } catch (err) {
    throw await saveFailure(outputDir, [['', page]], err);
  } finally {
    await writeFile(path.join(outputDir, 'browser-console.log'), consoleLines.join('\n')).catch(() => undefined);
  }
  session.log(`screenshots: ${path.relative(root, screenshots)}/{workbench,focus,delegation,week,team}.png`);
  session.log(`timings: ${session.summary()}`);
});
