import assert from 'node:assert/strict';
import { readManifest, resolveManifest } from '../../tools/manifestText.cjs';
import type * as nlsTool from '../../tools/nls.mjs';

// Every text the manifest shows (palette, views, settings editor, walkthrough) must come from
// package.nls.json, or it cannot be translated. test/tools/nls.mjs --write moves new literals there.

type NlsTool = typeof nlsTool;
const loadTool = (): Promise<NlsTool> => import('../../tools/nls.mjs');

interface Sample {
  displayName: string;
  contributes: {
    commands: Array<{ command: string; title: string; category: string }>;
    configuration: { title: string; properties: Record<string, { markdownDescription: string; enum?: string[]; enumDescriptions?: string[]; items?: { properties: Record<string, { description: string }> } }> };
    viewsWelcome: Array<{ view: string; contents: string }>;
  };
}

function sample(): Sample {
  return {
    displayName: 'Lead Desk',
    contributes: {
      commands: [
        { command: 'leadDesk.refresh', title: 'Refresh', category: 'Lead Desk' },
        { command: 'leadDesk.signIn', title: 'Sign In', category: 'Lead Desk' },
      ],
      configuration: {
        title: 'Lead Desk',
        properties: {
          'leadDesk.mode': { markdownDescription: 'How.', enum: ['a', 'b'], enumDescriptions: ['First.', 'Second.'] },
          'leadDesk.list': { markdownDescription: 'Blocks.', items: { properties: { label: { description: 'A label.' } } } },
        },
      },
      viewsWelcome: [
        { view: 'leadDesk.queue', contents: 'Sign in.' },
        { view: 'leadDesk.queue', contents: 'Loading.' },
      ],
    },
  };
}

describe('package.nls.json', () => {
  const { pkg, nls } = readManifest();

  it('leaves no user-facing literal in package.json', async () => {
    const { literals } = await loadTool();
    assert.deepEqual(literals(pkg), [], 'run node test/tools/nls.mjs --write');
  });

  it('has an entry for every %key% package.json uses, and no entry nothing uses', async () => {
    const { references } = await loadTool();
    const used = [...references(pkg)].sort();
    assert.ok(used.length > 100, `only ${used.length} references found`);
    assert.deepEqual(used.filter((key) => !(key in nls)), [], 'referenced but missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), [], 'in package.nls.json but unused: run node test/tools/nls.mjs --write');
  });

  it('is what running the tool again would write', async () => {
    const { convert } = await loadTool();
    const again = convert(pkg, nls);
    assert.deepEqual(again.pkg, pkg);
    assert.deepEqual(again.nls, nls);
  });
});

describe('nls tool', () => {
  it('derives keys from where each text sits and shares one key per category', async () => {
    const { convert } = await loadTool();
    const { pkg, nls } = convert(sample(), {});
    assert.equal(pkg.contributes.commands[0].title, '%command.leadDesk.refresh.title%');
    assert.equal(pkg.contributes.commands[1].category, '%category.leadDesk%');
    assert.equal(pkg.contributes.commands[0].category, '%category.leadDesk%');
    assert.equal(pkg.displayName, '%displayName%');
    assert.deepEqual(pkg.contributes.configuration.properties['leadDesk.mode'].enumDescriptions, ['%config.leadDesk.mode.enumDescriptions.a%', '%config.leadDesk.mode.enumDescriptions.b%']);
    assert.equal(pkg.contributes.configuration.properties['leadDesk.list'].items?.properties.label.description, '%config.leadDesk.list.items.properties.label.description%');
    assert.equal(pkg.contributes.viewsWelcome[1].contents, '%viewsWelcome.leadDesk.queue.2%');
    assert.equal(nls['command.leadDesk.signIn.title'], 'Sign In');
    assert.deepEqual(resolveManifest(pkg, nls), sample(), 'resolving gives back the English manifest');
  });

  it('converts only the literal a merge added, leaving every existing key alone', async () => {
    const { convert } = await loadTool();
    const first = convert(sample(), {});
    const merged = structuredClone(first.pkg);
    // Another branch added a command before the others and a welcome text first in the list.
    merged.contributes.commands.unshift({ command: 'leadDesk.getStarted', title: 'Get Started', category: 'Lead Desk' });
    merged.contributes.viewsWelcome.unshift({ view: 'leadDesk.queue', contents: 'Offline.' });
    const second = convert(merged, first.nls);
    assert.deepEqual(second.pkg.contributes.commands.slice(1), first.pkg.contributes.commands);
    assert.equal(second.pkg.contributes.commands[0].title, '%command.leadDesk.getStarted.title%');
    assert.deepEqual(second.pkg.contributes.viewsWelcome.slice(1), first.pkg.contributes.viewsWelcome);
    // Its natural key is taken by a text still in use, so it gets a sibling rather than overwriting.
    assert.equal(second.pkg.contributes.viewsWelcome[0].contents, '%viewsWelcome.leadDesk.queue.1.2%');
    assert.equal(second.nls['viewsWelcome.leadDesk.queue.1'], 'Sign in.');
    assert.equal(second.nls['viewsWelcome.leadDesk.queue.1.2'], 'Offline.');
  });

  it('takes an edited text back in place and drops entries nothing uses', async () => {
    const { convert } = await loadTool();
    const first = convert(sample(), {});
    const edited = structuredClone(first.pkg);
    edited.contributes.commands[0].title = 'Refresh All';
    edited.contributes.commands.pop();
    const second = convert(edited, first.nls);
    assert.equal(second.pkg.contributes.commands[0].title, '%command.leadDesk.refresh.title%');
    assert.equal(second.nls['command.leadDesk.refresh.title'], 'Refresh All');
    assert.equal('command.leadDesk.signIn.title' in second.nls, false);
  });
});
