// Bundles the extension (and, for the host suite, its tests) with esbuild.
//   node esbuild.mjs              development build, with source maps
//   node esbuild.mjs --production minified, no source maps (used by `npm run package`)
//   node esbuild.mjs --watch      rebuild on change
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Octokit and date-fns ship ESM; esbuild turns them into one CommonJS file for the extension host.
  mainFields: ['module', 'main'],
  legalComments: production ? 'none' : 'inline',
};

// The calendar parser (ical.js, ~75 KiB minified) is its own file, loaded on the first calendar
// refresh: the extension's import of it resolves to `./calendar.js` beside dist/extension.js.
const calendarParserApart = {
  name: 'calendar-parser-apart',
  setup(build) {
    build.onResolve({ filter: /\/calendarParserEntry$/ }, () => ({ path: './calendar.js', external: true }));
  },
};

// The entry (dist/extension.js) is what VS Code loads at start-up: it registers commands, views and
// the focus item, and loads the features bundle (dist/features.js: every feature, with Octokit) on
// first use. Its import of the features resolves to that file.
const featuresApart = {
  name: 'features-apart',
  setup(build) {
    build.onResolve({ filter: /\/entry\/everyFeature$/ }, () => ({ path: './features.js', external: true }));
  },
};

// simple-git and the Slack SDK are imported on first use (src/git/simpleGitModule.ts,
// src/vscode/slack/slackConnection.ts); those imports resolve to files of their own, so loading the
// features does not load them. Both are stateless libraries: nothing is shared across the split.
const librariesApart = {
  name: 'libraries-apart',
  setup(build) {
    build.onResolve({ filter: /^simple-git$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './git.js', external: true } : undefined));
    build.onResolve({ filter: /\/guards\/slackClient$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './slack.js', external: true } : undefined));
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [featuresApart],
    // A plain require() for the features: the extension host resolves `vscode` for require().
    supported: { 'dynamic-import': false },
  },
  { ...common, entryPoints: ['src/vscode/entry/everyFeature.ts'], outfile: 'dist/features.js', plugins: [calendarParserApart, librariesApart] },
  { ...common, entryPoints: ['src/git/simpleGitEntry.ts'], outfile: 'dist/git.js' },
  { ...common, entryPoints: ['src/guards/slackClient.ts'], outfile: 'dist/slack.js' },
  { ...common, entryPoints: ['src/calendar/calendarParserEntry.ts'], outfile: 'dist/calendar.js' },
  // A cold expertise-index build runs on a worker thread, from this script beside dist/features.js
  // (src/git/indexBuildThread.ts); it loads simple-git from dist/git.js as the features do.
  { ...common, entryPoints: ['src/git/indexWorker.ts'], outfile: 'dist/indexWorker.js', plugins: [librariesApart] },
  // The This Week view's page: a browser bundle of its own, so chart.js never reaches the host bundle.
  {
    ...common,
    entryPoints: ['src/webview/week/main.ts'],
    outfile: 'dist/webview/week.js',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    external: [],
    mainFields: ['browser', 'module', 'main'],
    tsconfig: 'src/webview/tsconfig.json',
  },
];
// The host suite runs inside VS Code's extension host; mocha stays external and resolves from node_modules.
if (!production) {
  builds.push({
    ...common,
    entryPoints: ['test/host/index.ts'],
    outfile: 'out/test/host/index.js',
    external: ['vscode', 'mocha'],
  });
}

/** The bundles the extension host loads, as built for production; a unit test checks what each carries. */
export const hostBundles = builds.filter((b) => b.platform === 'node' && b.outfile.startsWith('dist/')).map((b) => ({ ...b, sourcemap: false, minify: true, legalComments: 'none' }));

// Imported (by that test), it only describes the builds.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    console.log('[esbuild] watching for changes');
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  }
}
