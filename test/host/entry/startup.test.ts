import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StartupReport } from '../../../src/vscode/entry/startupReport';
import { leadDeskExtension, leadDeskLogText, waitFor } from '../hostEnv';

interface Manifest {
  contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string; type?: string }>> };
}

// Runs first in the suite: it looks at Lead Desk as start-up leaves it, before anything is used.
describe('start-up (entry bundle)', () => {
  let manifest: Manifest;
  let featuresFile: string;
  /** Whether Node has loaded the features bundle in this extension host. */
  const featuresInMemory = () => require.cache[featuresFile] !== undefined;
  const inspect = async () => {
    const report = await vscode.commands.executeCommand<StartupReport>('leadDesk.inspectStartup');
    assert.ok(report, 'Inspect Start-up returned nothing');
    return report;
  };

  before(async () => {
    const ext = leadDeskExtension();
    await waitFor('the extension to activate after start-up', () => (ext.isActive ? true : undefined), 30_000);
    manifest = ext.packageJSON as Manifest;
    featuresFile = path.join(ext.extensionPath, 'dist', 'features.js');
  });

  it('loads only the entry bundle at start-up, not the features', async () => {
    assert.ok(require.cache[path.join(leadDeskExtension().extensionPath, 'dist', 'extension.js')], 'the entry bundle is not loaded');
    assert.equal(featuresInMemory(), false, 'dist/features.js was loaded before any feature was used');
    const report = await inspect();
    assert.equal(report.featuresLoaded, false);
    assert.equal(report.loadedAtStartupBecause, undefined);
  });

  it('has its log channel from start-up, saying that the features wait for their first use', async () => {
    const { text } = await waitFor('the entry\'s line in the Lead Desk log', async () => {
      const log = await leadDeskLogText().catch(() => undefined);
      return log && /started; the features load when first used/.test(log.text) ? log : undefined;
    });
    assert.doesNotMatch(text, /loading the features/);
    assert.equal(featuresInMemory(), false);
  });

  it('registers every declared command before any feature is used', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
    assert.equal(featuresInMemory(), false);
  });

  it('shows the idle focus item and stands in for every view from start-up', async () => {
    const report = await inspect();
    assert.equal(report.focusStatus?.text, '$(target) Focus');
    assert.equal(report.focusStatus?.command, 'leadDesk.startFocusBlock');
    assert.equal(report.focusStatus?.name, 'Lead Desk Focus');
    assert.match(report.focusStatus?.tooltip ?? '', /\*\*Start a focus block\*\*[\s\S]*Today: 0 min of focus/);
    const views = Object.values(manifest.contributes.views).flat();
    // An empty stand-in tree shows the view's welcome content, as the real tree does before data.
    assert.deepEqual([...report.treeStandIns].sort(), views.filter((v) => v.type !== 'webview').map((v) => v.id).sort());
    assert.deepEqual([...report.webviewStandIns].sort(), views.filter((v) => v.type === 'webview').map((v) => v.id).sort());
    assert.equal(featuresInMemory(), false);
  });

  it('runs a palette command on its first call, loading the features then', async () => {
    await vscode.commands.executeCommand('leadDesk.showLog');
    assert.equal(featuresInMemory(), true, 'the first command did not load dist/features.js');
    const report = await inspect();
    assert.equal(report.featuresLoaded, true);
    assert.deepEqual(report.unhandledCommands, [], 'declared commands without a handler once the features are loaded');
    // The features replaced the stand-ins with their own views and focus item.
    assert.deepEqual(report.treeStandIns, []);
    assert.equal(report.focusStatus, undefined);
    // The features write to the channel the entry made: the reason they loaded, then the sign-in lookup.
    const text = await waitFor('the sign-in state in the log', async () => {
      const { text } = await leadDeskLogText().catch(() => ({ text: '' }));
      return /signed in to|not signed in/.test(text) ? text : undefined;
    }, 30_000);
    assert.match(text, /loading the features: leadDesk\.showLog was run/);
  });
});
