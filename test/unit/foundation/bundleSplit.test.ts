import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

// What each host bundle carries, from esbuild's own record of its inputs (esbuild.mjs's options,
// built in memory): start-up loads only the entry, so the heavy libraries must be elsewhere.
const root = join(__dirname, '..', '..', '..');

interface Built {
  readonly bytes: number;
  readonly inputs: readonly string[];
}

describe('host bundles', function () {
  // Bundling every host output takes a few seconds on a busy machine.
  this.timeout(60_000);
  const built = new Map<string, Built>();

  before(async () => {
    const { hostBundles } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as { hostBundles: esbuild.BuildOptions[] };
    for (const options of hostBundles) {
      const result = await esbuild.build({ ...options, absWorkingDir: root, write: false, metafile: true, logLevel: 'silent' });
      const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'));
      assert.ok(output, `no output for ${String(options.outfile)}`);
      built.set(String(options.outfile), { bytes: output[1].bytes, inputs: Object.keys(output[1].inputs) });
    }
  });

  const carries = (file: string, pattern: RegExp) => (built.get(file)?.inputs ?? []).filter((input) => pattern.test(input));

  it('keeps the entry VS Code loads at start-up small and free of libraries', () => {
    const entry = built.get('dist/extension.js');
    assert.ok(entry, 'no dist/extension.js build');
    assert.ok(entry.bytes <= 40 * 1024, `dist/extension.js is ${entry.bytes} bytes, over 40 KiB`);
    assert.deepEqual(carries('dist/extension.js', /node_modules/), []);
  });

  it('leaves the features, Octokit included, to dist/features.js', () => {
    assert.ok(carries('dist/features.js', /src\/vscode\/queue\/queueFeature\.ts$/).length === 1, 'the queue feature is not in dist/features.js');
    assert.ok(carries('dist/features.js', /node_modules\/@octokit\/core\//).length > 0, 'Octokit is not in dist/features.js');
    assert.deepEqual(carries('dist/extension.js', /src\/vscode\/(queue|focus|delegation|pulse|update|week|calendar)\//), [], 'feature code in the entry bundle');
  });

  it('does not ship the REST endpoint table: the REST calls go through octokit.request', () => {
    assert.deepEqual(carries('dist/features.js', /@octokit\/(rest|plugin-rest-endpoint-methods)\//), []);
  });

  it('bundles simple-git and the Slack SDK apart, loaded when first used', () => {
    assert.deepEqual(carries('dist/features.js', /node_modules\/(simple-git|@slack\/web-api)\//), []);
    assert.ok(carries('dist/git.js', /node_modules\/simple-git\//).length > 0, 'simple-git is not in dist/git.js');
    assert.ok(carries('dist/slack.js', /node_modules\/@slack\/web-api\//).length > 0, 'the Slack SDK is not in dist/slack.js');
  });
});
