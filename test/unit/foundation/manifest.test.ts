import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandId } from '../../../src/vscode/ids';

// The manifest is what users see in the palette and the settings editor, so its promises are checked here.
const root = join(__dirname, '..', '..', '..');
interface Manifest {
  engines: { vscode: string };
  main: string;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    configuration: { properties: Record<string, { markdownDescription?: string }> };
    views: Record<string, Array<{ id: string; name: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
  };
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

describe('package.json', () => {
  it('targets VS Code 1.100 with matching typings and ships the esbuild bundle', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '~1.100.0');
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('gives every command the Lead Desk category and a leadDesk.verbNoun id', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Lead Desk', c.command);
      assert.match(c.command, /^leadDesk\.[a-z][A-Za-z]+$/, c.command);
    }
  });

  it('declares exactly the commands named in CommandId', () => {
    const declared = pkg.contributes.commands.map((c) => c.command).sort();
    const named = Object.values(CommandId).sort();
    assert.deepEqual(declared, named);
  });

  it('describes every setting with markdownDescription under leadDesk.', () => {
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(key, /^leadDesk\./);
      assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} needs a markdownDescription`);
    }
  });

  it('has the three views, each with welcome content', () => {
    const views = pkg.contributes.views.leadDesk.map((v) => v.name);
    assert.deepEqual(views, ['Review Queue', 'Focus', 'Delegation']);
    for (const v of pkg.contributes.views.leadDesk) {
      assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === v.id), `${v.id} has no welcome content`);
    }
  });

  it('documents every setting in the README table', async () => {
    const { settingsTable } = await import('../../tools/settingsTable.mjs');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(settingsTable(pkg)), 'README settings table is out of date: run node test/tools/settingsTable.mjs --write');
  });
});
