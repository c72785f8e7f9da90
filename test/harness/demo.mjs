// npm run demo: Lead Desk in a real VS Code (code-server) in your browser, against the local GitHub
// sandbox's demo team, with a demo repository whose history that team wrote. Ctrl+C stops it all.
//   LEAD_DESK_DEMO_PORT=8080   first port to try for the workbench (the next free one is used)
import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  codeServerBin, installVsix, portInUse, root, signedInEnv, startCodeServer, workbenchUrl, writeSettings,
} from './codeServer.mjs';
import { demoIdentity } from './demoIdentity.mjs';
import { makeDemoRepo } from './demoRepo.mjs';
import { git } from './workspace.mjs';
import { startSandbox } from './sandbox.mjs';
import { calendarSettings, writeDemoCalendar } from './demoCalendarFile.mjs';
import { Session } from './steps.mjs';
import { packageExtension } from '../tools/package.mjs';

const sandboxPort = 7717;
const firstWorkbenchPort = Number(process.env.LEAD_DESK_DEMO_PORT ?? 8080);
const tools = path.join(root, '.tools');
const demoRepo = path.join(tools, 'demo-repo');
const demoState = path.join(tools, 'demo');
// The sandbox serves the demo's repository over git from here, so "Check Out Pull Request Locally" works offline.
const demoGit = path.join(tools, 'demo-git');

async function workbenchPort() {
  for (let port = firstWorkbenchPort; port < firstWorkbenchPort + 20; port++) {
    if (!(await portInUse(port))) return port;
  }
  throw new Error(`ports ${firstWorkbenchPort}-${firstWorkbenchPort + 19} are all in use; set LEAD_DESK_DEMO_PORT`);
}

/** Settings for every sandbox endpoint the extension declares, so nothing in the demo reaches the internet. */
function sandboxSettings(sandbox) {
  // Slack is answered by the sandbox too, so "Connect Slack" works with the scenario's Slack token.
  return { 'leadDesk.github.apiUrl': sandbox.url, 'leadDesk.focus.slack.apiUrl': sandbox.info.slackApiUrl ?? `${sandbox.url}/slack/api/` };
}

const session = new Session('demo');
await session.main(async () => {
  const bin = await session.step('code-server (installed once per machine)', () => codeServerBin());
  const packaged = await session.step('build and package', () => packageExtension({ quiet: true }));

  if (await portInUse(sandboxPort)) {
    throw new Error(`port ${sandboxPort} is busy: the demo's GitHub sandbox needs it. Stop whatever listens there (another \`npm run demo\`?) and try again.`);
  }
  await rm(demoGit, { recursive: true, force: true });
  const sandbox = await session.step('start the GitHub sandbox', () => startSandbox({ scenario: 'demo', port: sandboxPort, gitRoot: demoGit }));
  session.defer(sandbox.stop);
  const identity = demoIdentity(sandbox.info);

  const repo = await session.step('create the demo repository', () => makeDemoRepo(demoRepo, identity.scenario));
  // The sandbox adds each pull request's refs/pull/N/head on top of this history when first asked.
  const slug = /github\.com\/(.+)\.git$/.exec(repo.remote)?.[1];
  if (slug) await git(tools, ['clone', '-q', '--bare', demoRepo, path.join(demoGit, `${slug}.git`)]);

  await rm(demoState, { recursive: true, force: true });
  const extensionsDir = path.join(demoState, 'extensions');
  const userDataDir = path.join(demoState, 'user-data');
  await session.step('install the extension', () => installVsix({ bin, vsix: packaged.vsixPath, extensionsDir }));
  // A believable week of meetings, as a local .ics file (a feed address would have to be typed
  // into secret storage; the sandbox serves the same calendar at calendarUrl for trying that).
  const calendarFile = await writeDemoCalendar(path.join(demoState, 'calendar', 'work.ics'));
  await writeSettings(userDataDir, {
    ...sandboxSettings(sandbox),
    ...calendarSettings([calendarFile]),
    // The scenario's team-pulse channel holds eight weeks of pulses with their answers; once Slack
    // is connected, the Team view finds them and shows the trend.
    'leadDesk.pulse.slackChannel': 'C0PULSE001',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none',
    'remote.autoForwardPorts': false,
  });

  const port = await workbenchPort();
  const server = await session.step('start code-server', () => startCodeServer({
    bin,
    port,
    folder: demoRepo,
    extensionsDir,
    userDataDir,
    env: signedInEnv(identity.token),
    logFile: path.join(demoState, 'code-server.log'),
  }));
  session.defer(server.stop);

  console.log('');
  console.log(`  Lead Desk demo is running. Open:  ${workbenchUrl(server, demoRepo)}`);
  console.log('');
  console.log(`  signed in as     ${identity.login} (token from the demo scenario, via GH_TOKEN)`);
  console.log(`  GitHub sandbox   ${sandbox.url}`);
  console.log(`  calendar         ${path.relative(root, calendarFile)}; as a feed for "Add Calendar Feed": ${sandbox.url}/calendar/demo-secret/demo.ics`);
  const slackToken = sandbox.info.slackTokens?.find((t) => t.userId)?.token;
  if (slackToken) console.log(`  Slack token      ${slackToken} (for "Lead Desk: Connect Slack"; the sandbox answers Slack too)`);
  const pulseToken = sandbox.info.slackTokens?.find((t) => t.scopes?.includes('channels:history'))?.token;
  if (pulseToken) console.log(`  pulse history    #team-pulse has eight weeks of answers: connect Slack with ${pulseToken} to see the Team view's trend`);
  console.log(`  demo repository  ${path.relative(root, demoRepo)} (${repo.commits} commits by ${repo.team.map((p) => p.login).join(', ')}; origin ${repo.remote})`);
  console.log(`  logs             ${path.relative(root, demoState)}/code-server.log`);
  console.log('');
  console.log('  Press Ctrl+C to stop.');

  // Runs until Ctrl+C (the session's signal handler stops everything), or until a part dies.
  const died = (name) => (code) => {
    if (!session.stopping) throw new Error(`${name} stopped unexpectedly (${code}); see the log above`);
  };
  await Promise.race([server.exited.then(died('code-server')), sandbox.exited.then(died('the sandbox'))]);
  await new Promise(() => undefined);
});
