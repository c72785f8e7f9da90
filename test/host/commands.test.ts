import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension } from './hostEnv';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    views?: Record<string, Array<{ id: string }>>;
  };
}

// Commands VS Code itself registers for every contributed view (`<view id>.focus` and friends).
const viewCommandSuffixes = ['focus', 'resetViewLocation', 'toggleVisibility', 'removeView', 'open'];

describe('commands', () => {
  let manifest: Manifest;
  let declared: string[];
  let registered: string[];

  before(async () => {
    const ext = leadDeskExtension();
    await ext.activate();
    manifest = ext.packageJSON as Manifest;
    declared = manifest.contributes.commands.map((c) => c.command).sort();
    const viewIds = Object.values(manifest.contributes.views ?? {}).flat().map((v) => v.id);
    const generated = new Set(viewIds.flatMap((id) => viewCommandSuffixes.map((suffix) => `${id}.${suffix}`)));
    registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('leadDesk.') && !generated.has(id))
      .sort();
  });

  it('registers every command that package.json declares', () => {
    assert.ok(declared.length > 0, 'package.json declares no commands');
    assert.deepEqual(declared.filter((id) => !registered.includes(id)), [], 'declared in package.json but not registered');
  });

  it('declares every leadDesk.* command it registers', () => {
    assert.deepEqual(registered.filter((id) => !declared.includes(id)), [], 'registered but missing from package.json contributes.commands');
  });

  it('puts every command in the "Lead Desk" category', () => {
    const uncategorised = manifest.contributes.commands.filter((c) => c.category !== 'Lead Desk').map((c) => c.command);
    assert.deepEqual(uncategorised, []);
  });
});
