// Builds the production bundle and packages the extension as a .vsix.
//   node test/tools/package.mjs                 build + package, print sizes (npm run package)
//   node test/tools/package.mjs --render-icon   also redraw media/icon.png from media/lead-desk.svg
// Any vsce warning fails the run: a warning means the marketplace page or the install would be wrong.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vsce = path.join(root, 'node_modules/.bin/vsce');

/** What the .vsix may contain; `.vscodeignore` is written as the same allowlist. */
const allowed = [/^package\.json$/, /^package\.nls\.json$/, /^l10n\/bundle\.l10n\.json$/, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^dist\/extension\.js$/, /^dist\/calendar\.js$/, /^dist\/(features|git|slack)\.js$/, /^media\/(lead-desk\.svg|icon\.png)$/, /^dist\/webview\/week\.js$/, /^media\/week\/week\.css$/, /^media\/walkthrough\/[A-Za-z]+\.md$/, /^media\/legend\/queue\.md$/, /^dist\/indexWorker\.js$/];
const required = ['package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'LICENSE', 'dist/extension.js', 'dist/calendar.js', 'dist/features.js', 'dist/git.js', 'dist/slack.js', 'media/icon.png', 'media/lead-desk.svg', 'dist/webview/week.js', 'media/week/week.css', 'media/walkthrough/signIn.md', 'media/legend/queue.md', 'dist/indexWorker.js'];

/** Runs a command; resolves with its combined output, rejects with that output when it fails. */
function run(command, args, { cwd = root, echo = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const collect = (stream, target) => stream.on('data', (chunk) => {
      output += chunk;
      if (echo) target.write(chunk);
    });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`))));
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Draws the 128x128 marketplace icon: the activity-bar glyph in white on a rounded blue tile. */
export async function renderIcon() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-icon-'));
  try {
    const svg = (await readFile(path.join(root, 'media/lead-desk.svg'), 'utf8')).replaceAll('currentColor', '#ffffff');
    await writeFile(path.join(dir, 'glyph.svg'), svg);
    await writeFile(path.join(dir, 'icon.html'), `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(160deg,#2f6fb3,#1d3f73);display:flex;align-items:center;justify-content:center">
<img src="glyph.svg" width="96" height="96"></div></body></html>`);
    const out = path.join(root, 'media/icon.png');
    await run('/usr/bin/chromium', [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run',
      `--user-data-dir=${path.join(dir, 'profile')}`, '--default-background-color=00000000',
      '--window-size=128,128', `--screenshot=${out}`, pathToFileURL(path.join(dir, 'icon.html')).href,
    ], { echo: false });
    const header = await readFile(out);
    if (header.readUInt32BE(16) !== 128 || header.readUInt32BE(20) !== 128) throw new Error('media/icon.png is not 128x128');
    console.log(`rendered media/icon.png (${header.length} bytes)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Builds with --production and packages; returns the .vsix path and the sizes. */
export async function packageExtension({ quiet = false } = {}) {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const vsixPath = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  const log = quiet ? () => undefined : (line) => console.log(line);

  await run(process.execPath, ['esbuild.mjs', '--production'], { echo: !quiet });

  const listing = (await run(vsce, ['ls', '--no-dependencies'], { echo: false })).split('\n').map((l) => l.trim()).filter(Boolean);
  const stray = listing.filter((file) => !allowed.some((pattern) => pattern.test(file)));
  const missing = required.filter((file) => !listing.includes(file));
  if (stray.length || missing.length) {
    throw new Error(`the .vsix contents are wrong (check .vscodeignore):${stray.length ? `\n  unexpected: ${stray.join(', ')}` : ''}${missing.length ? `\n  missing: ${missing.join(', ')}` : ''}`);
  }

  const output = await run(vsce, ['package', '--no-dependencies', '-o', vsixPath], { echo: !quiet });
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/i.test(line));
  if (warnings.length) throw new Error(`vsce reported warnings:\n${warnings.join('\n')}`);

  const bundleBytes = (await stat(path.join(root, 'dist/extension.js'))).size;
  const vsixBytes = (await stat(vsixPath)).size;
  log(`files: ${listing.join(', ')}`);
  log(`bundle: dist/extension.js ${bundleBytes} bytes (${kib(bundleBytes)})`);
  log(`vsix: ${vsixPath} ${vsixBytes} bytes (${kib(vsixBytes)})`);
  return { vsixPath, bundleBytes, vsixBytes, version: manifest.version, id: `${manifest.publisher}.${manifest.name}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    if (process.argv.includes('--render-icon')) await renderIcon();
    await packageExtension();
  } catch (err) {
    console.error(`package failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
