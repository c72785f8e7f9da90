import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandId, ContextKey, ViewId } from '../../../src/vscode/ids';
import { stepContextKey, walkthroughRef, walkthroughSteps } from '../../../src/vscode/walkthrough/walkthroughIds';
import { readResolvedManifest, root } from '../../tools/manifestText.cjs';

// A walkthrough step ticks on an event VS Code evaluates silently: a misspelt command, view,
// setting or context key leaves the step unticked for ever. So every name is checked here.

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands: Array<{ command: string }>;
    views: Record<string, Array<{ id: string }>>;
    configuration: { properties: Record<string, unknown> };
    walkthroughs: Array<{ id: string; title: string; steps: Step[] }>;
  };
}
const pkg = readResolvedManifest(root) as Manifest;
const walkthrough = pkg.contributes.walkthroughs.find((w) => `${pkg.publisher}.${pkg.name}#${w.id}` === walkthroughRef);
const steps = walkthrough?.steps ?? [];

const commands = new Set(pkg.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(pkg.contributes.views).flat().map((v) => v.id));
const settings = new Set(Object.keys(pkg.contributes.configuration.properties));
const contextKeys = new Set<string>([...Object.values(ContextKey), ...walkthroughSteps.map(stepContextKey)]);
// Names in a context expression: identifiers with dots, minus operators and literals.
const namesIn = (expression: string): string[] => expression.match(/[A-Za-z_][\w.]*/g)?.filter((n) => !['true', 'false'].includes(n)) ?? [];

/** Why an event names nothing real, or undefined when it does. */
function problemWith(event: string): string | undefined {
  const [kind, ...rest] = event.split(':');
  const target = rest.join(':');
  switch (kind) {
    case 'onCommand':
      return commands.has(target) ? undefined : `no command ${target} in package.json`;
    case 'onView':
      return views.has(target) ? undefined : `no view ${target} in package.json`;
    case 'onSettingChanged':
      return settings.has(target) ? undefined : `no setting ${target} in package.json`;
    case 'onContext': {
      const unknown = namesIn(target).filter((n) => !contextKeys.has(n));
      return unknown.length ? `context keys not in ContextKey: ${unknown.join(', ')}` : undefined;
    }
    default:
      return `unknown completion event kind ${kind}`;
  }
}

describe('walkthrough', () => {
  it('is the one Get Started opens, with the five first-hour steps in order', () => {
    assert.ok(walkthrough, `no walkthrough matches ${walkthroughRef}`);
    assert.deepEqual(steps.map((s) => s.id), ['signIn', 'queue', 'focusBlock', 'schedule', 'delegation']);
    assert.ok(commands.has(CommandId.getStarted));
  });

  it('completes every step on an event that names a real command, view, setting or context key', () => {
    for (const step of steps) {
      assert.ok(step.completionEvents?.length, `${step.id} has no completionEvents, so it ticks merely by being opened`);
      for (const event of step.completionEvents ?? []) assert.equal(problemWith(event), undefined, `${step.id}: ${event}`);
    }
  });

  it('ticks each step on a key Lead Desk sets when the lead did it (Get Started sets them again), the queue also on its view and the schedule on its setting', () => {
    const events = Object.fromEntries(steps.map((s) => [s.id, s.completionEvents ?? []]));
    assert.deepEqual(events.signIn, [`onContext:${stepContextKey('signIn')}`]);
    assert.deepEqual(events.queue, [`onView:${ViewId.queue}`, `onContext:${stepContextKey('queue')}`]);
    assert.deepEqual(events.focusBlock, [`onContext:${stepContextKey('focusBlock')}`]);
    assert.deepEqual(events.schedule, ['onSettingChanged:leadDesk.focus.schedule', `onContext:${stepContextKey('schedule')}`]);
    assert.deepEqual(events.delegation, [`onContext:${stepContextKey('delegation')}`]);
  });

  it('links only to commands and views that exist', () => {
    for (const step of steps) {
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} offers no button`);
      for (const id of links) {
        const viewFocus = id.endsWith('.focus') && views.has(id.slice(0, -'.focus'.length));
        assert.ok(commands.has(id) || viewFocus, `${step.id} links to ${id}, which package.json does not declare`);
      }
    }
  });

  it('shows each step with a Markdown page shipped in the package, with no remote content', () => {
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8');
    assert.match(shipped, /^!media\/walkthrough\/\*\.md$/m);
    for (const step of steps) {
      const file = step.media.markdown ?? '';
      assert.ok(file.startsWith('media/walkthrough/') && file.endsWith('.md'), `${step.id} media: ${JSON.stringify(step.media)}`);
      assert.ok(existsSync(join(root, file)), `${file} is missing`);
      const text = readFileSync(join(root, file), 'utf8');
      assert.doesNotMatch(text, /\]\(\s*(https?:|\/\/)|<img|<script|<iframe/i, `${file} loads something remote or active`);
    }
  });
});
