// Measures Lead Desk's activation in a real VS Code 1.100.3 extension host (code-server), several
// times with a fresh server each time, beside an empty extension's in the same host (the floor),
// and prints one JSON line: {"runs":[{lead:{activateMs,heapKB},floor:{…}}…],"eagerRuns":[…],"vscodeVersion":…}.
// The eager runs set a focus schedule, which makes Lead Desk load its features during activation.
//   node test/harness/measureActivation.mjs [--runs 7] [--eager-runs 3]
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { codeServerBin, installVsix, launchChromium, root, startCodeServer, workbenchUrl, writeSettings, quietSettings } from './codeServer.mjs';
import { makeSmallRepo, tempDir } from './workspace.mjs';
import { run, Session } from './steps.mjs';

function numberArg(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const runs = numberArg('--runs', 7);
const eagerRuns = numberArg('--eager-runs', 3);
// Any schedule will do: it is what start-up must honour, so the features load with activation.
const eagerSettings = { 'leadDesk.focus.schedule': [{ days: ['daily'], start: '00:00', end: '00:01' }] };

async function readLines(file) {
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

await new Session('activation').main(async (session) => {
  // The production bundle is what users run; the probe is bundled separately.
  await run(process.execPath, ['esbuild.mjs', '--production'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const probe = path.join(root, 'out/test/host/bench/activationProbe.js');
  await esbuild.build({ entryPoints: [path.join(root, 'test/host/bench/activationProbe.ts')], outfile: probe, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'error' });
  const bin = await codeServerBin();
  const tmp = await tempDir('activation');
  session.defer(() => rm(tmp, { recursive: true, force: true }));
  const workspace = path.join(tmp, 'workspace');
  await makeSmallRepo(workspace);
  const results = path.join(tmp, 'activation.jsonl');
  const browser = await launchChromium(path.join(tmp, 'chromium'));
  session.defer(() => browser.close());

  // Lead Desk activates by itself once start-up has finished, which would race the probe. The
  // activation events decide only when activate() runs, not what it costs, so the measured copy
  // of the extension (same bundle, same manifest otherwise) waits for the probe to activate it.
  const extension = path.join(tmp, 'extension');
  await mkdir(extension, { recursive: true });
  await cp(path.join(root, 'dist'), path.join(extension, 'dist'), { recursive: true });
  await cp(path.join(root, 'media'), path.join(extension, 'media'), { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  await writeFile(path.join(extension, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [] }, null, 2));

  // Extensions whose activate() does nothing, installed once for all runs (the workbench loads only
  // one extensionDevelopmentPath). The floor has Lead Desk's manifest (its ids renamed, so the two
  // do not clash): what VS Code spends on any activation is in both figures. The marker activates
  // on onStartupFinished, as Lead Desk does for its users: the probe measures once it is active,
  // not while the workbench is still starting and every round trip to it waits.
  const extensionsDir = path.join(tmp, 'extensions');
  const emptyExtension = async (name, json) => {
    const dir = path.join(tmp, name);
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await cp(path.join(root, 'media'), path.join(dir, 'media'), { recursive: true });
    for (const file of ['README.md', 'LICENSE']) await cp(path.join(root, file), path.join(dir, file));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...json, name }, null, 2));
    await writeFile(path.join(dir, '.vscodeignore'), '*.vsix\n');
    await writeFile(path.join(dir, 'dist', 'extension.js'), 'exports.activate = function activate() {};\nexports.deactivate = function deactivate() {};\n');
    const vsix = path.join(tmp, `${name}.vsix`);
    await run(path.join(root, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '-o', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    await installVsix({ bin, vsix, extensionsDir });
  };
  await emptyExtension('lead-desk-floor', JSON.parse(JSON.stringify({ ...manifest, activationEvents: [] }).replaceAll('leadDesk', 'leadDeskFloor')));
  const { contributes: _contributes, capabilities: _capabilities, ...bare } = manifest;
  await emptyExtension('lead-desk-startup-marker', { ...bare, activationEvents: ['onStartupFinished'] });

  const figures = [];
  let vscodeVersion;
  for (let i = 0; i < runs + eagerRuns; i++) {
    const eager = i >= runs;
    const userDataDir = path.join(tmp, `user-data-${i}`);
    // An unreachable API URL: activation must not need the network, and this proves it cannot use it.
    await writeSettings(userDataDir, { ...quietSettings, 'leadDesk.github.apiUrl': 'http://127.0.0.1:9', ...(eager ? eagerSettings : {}) });
    const env = { ...process.env, LEAD_DESK_TEST_RESULTS: results, LEAD_DESK_BENCH_FLOOR_FIRST: i % 2 ? '1' : '0' };
    const server = await startCodeServer({ bin, folder: workspace, extensionsDir, userDataDir, env });
    try {
      const page = await browser.newPage();
      await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: extension, extensionTestsPath: probe }));
      const deadline = Date.now() + 120_000;
      while ((await readLines(results)).length <= i) {
        if (Date.now() > deadline) throw new Error(`run ${i + 1}: no activation figure within 120 s`);
        await new Promise((r) => setTimeout(r, 250));
      }
      await page.close();
    } finally {
      await server.stop();
    }
    const line = (await readLines(results))[i];
    if (line.error) throw new Error(`run ${i + 1}: the probe failed: ${line.error}`);
    if (line.lead.wasActive || line.floor.wasActive) throw new Error('an extension was already active before the probe: the figure would not be its activation');
    vscodeVersion = line.vscodeVersion;
    const round = ({ activateMs, heapKB }) => ({ activateMs: Math.round(activateMs * 10) / 10, heapKB: Math.round(heapKB) });
    figures.push({ lead: round(line.lead), floor: round(line.floor), floorFirst: line.floorFirst, eager });
  }
  console.log(JSON.stringify({ runs: figures.filter((f) => !f.eager), eagerRuns: figures.filter((f) => f.eager), vscodeVersion }));
});
