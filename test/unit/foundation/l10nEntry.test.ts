import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFunction } from 'node:vm';
import * as esbuild from 'esbuild';

// VS Code loads dist/extension.js at start-up; the features, which install the translator for
// their own copy of core/inertText, load only on first use. Until then the entry shows the idle
// focus item. This builds the entry as esbuild.mjs does, runs its activate() against a stand-in
// `vscode` whose l10n.t knows a few German texts, and reads the item it puts up.
const root = join(__dirname, '..', '..', '..');

const german: Readonly<Record<string, string>> = {
  '$(target) Focus': '$(target) Fokus',
  'Lead Desk Focus': 'Lead Desk Fokus',
  'Start a focus block': 'Fokusblock starten',
  '**Start a focus block**  \n': '**Fokusblock starten**  \n',
  '\nToday: {0} of focus': '\nHeute: {0} Fokus',
  '{0} min': '{0} Min',
};

/** Fills {n} as vscode.l10n.t does. */
const fill = (text: string, args: readonly unknown[]) => text.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));

interface Item {
  readonly id: string;
  name?: string;
  text?: string;
  tooltip?: { value: string };
  accessibilityInformation?: { label: string };
}

/** Just what the entry calls at activation; every registration is a no-op. */
function standInVscode(items: Item[]) {
  const noop = { dispose: () => undefined };
  const event = () => noop;
  class Disposable {
    constructor(private readonly onDispose: () => void) {}
    dispose(): void {
      this.onDispose();
    }
  }
  class MarkdownString {
    isTrusted?: boolean;
    supportHtml?: boolean;
    constructor(readonly value = '') {}
  }
  return {
    l10n: { t: (key: string, ...args: unknown[]) => fill(german[key] ?? key, args) },
    env: { language: 'de' },
    Disposable,
    MarkdownString,
    StatusBarAlignment: { Left: 1, Right: 2 },
    window: {
      createOutputChannel: () => ({ ...noop, info: () => undefined, warn: () => undefined, error: () => undefined }),
      createStatusBarItem: (id: string) => {
        const item: Item & { show(): void; dispose(): void } = { id, show: () => undefined, dispose: () => undefined };
        items.push(item);
        return item;
      },
      createTreeView: () => ({ ...noop, onDidChangeVisibility: event }),
      registerWebviewViewProvider: () => noop,
    },
    commands: { registerCommand: () => noop, executeCommand: () => Promise.resolve(undefined) },
    workspace: { getConfiguration: () => ({ get: () => undefined }), onDidChangeConfiguration: event },
  };
}

describe('the entry bundle before the features load', function () {
  // Bundling the entry takes a second or more on a busy machine.
  this.timeout(60_000);

  it('shows the idle focus item in the display language', async () => {
    const { hostBundles } = (await import(pathToFileURL(join(root, 'esbuild.mjs')).href)) as { hostBundles: esbuild.BuildOptions[] };
    const options = hostBundles.find((b) => b.outfile === 'dist/extension.js');
    assert.ok(options, 'no dist/extension.js build in esbuild.mjs');
    const built = await esbuild.build({ ...options, absWorkingDir: root, write: false, logLevel: 'silent' });
    const code = built.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const items: Item[] = [];
    const vscode = standInVscode(items);
    const entry = { exports: {} as { activate(context: unknown): unknown } };
    const load = createRequire(join(root, 'dist', 'extension.js'));
    compileFunction(code, ['module', 'exports', 'require'])(entry, entry.exports, (id: string): unknown => (id === 'vscode' ? vscode : (load(id) as unknown)));
    const subscriptions: Array<{ dispose(): void }> = [];
    const globalStorage = mkdtempSync(join(tmpdir(), 'lead-desk-entry-'));
    const context = {
      globalStorageUri: { fsPath: globalStorage },
      extension: { packageJSON: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown },
      globalState: { get: () => undefined, keys: () => [], update: () => Promise.resolve() },
      secrets: { get: () => Promise.resolve(undefined) },
      subscriptions,
    };
    try {
      assert.equal(entry.exports.activate(context), undefined, 'the features loaded at start-up');
      const item = items.find((i) => i.id === 'leadDesk.focusStatus');
      assert.ok(item, 'no idle focus item');
      assert.equal(item.text, '$(target) Fokus');
      assert.equal(item.name, 'Lead Desk Fokus');
      assert.equal(item.accessibilityInformation?.label, 'Fokusblock starten');
      assert.equal(item.tooltip?.value, '**Fokusblock starten**  \n\nHeute: 0 Min Fokus');
    } finally {
      for (const d of subscriptions) d.dispose();
      rmSync(globalStorage, { recursive: true, force: true });
    }
  });
});
