import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandId } from '../../../src/vscode/ids';
import { readResolvedManifest } from '../../tools/manifestText.cjs';

// The manifest is what users see in the palette and the settings editor, so its promises are checked here.
const root = join(__dirname, '..', '..', '..');
interface Manifest {
  engines: { vscode: string };
  main: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    configuration: { properties: Record<string, { markdownDescription?: string; scope?: string }> };
    views: Record<string, Array<{ id: string; name: string; type?: string }>>;
    viewsWelcome: Array<{ view: string; contents: string }>;
  };
  devDependencies: Record<string, string>;
}
// Texts are read as VS Code shows them, through package.nls.json.
const pkg = readResolvedManifest(root) as Manifest;

/**
 * Every setting, by what a repository's own settings could do with it. A new setting fails the
 * test below until it is placed here, so nothing that sends or posts is added without a decision.
 * - endpoint: where requests, with the lead's token, go.
 * - postsAsLead: what is written on GitHub or Slack under the lead's name, or when.
 * - recipients: who is asked to review or mentioned.
 * - searches: which pull requests are searched for with the lead's account.
 * - local: how things look or are counted on this machine; nothing leaves it.
 */
type Sensitivity = 'endpoint' | 'postsAsLead' | 'recipients' | 'searches' | 'local';
const settingCatalogue: Record<string, Sensitivity> = {
  'leadDesk.github.apiUrl': 'endpoint',
  'leadDesk.focus.slack.apiUrl': 'endpoint',
  'leadDesk.delegation.handoffComment': 'postsAsLead',
  'leadDesk.delegation.handoffTemplate': 'postsAsLead',
  'leadDesk.delegation.removeMyRequest': 'postsAsLead',
  'leadDesk.focus.githubStatus.enabled': 'postsAsLead',
  'leadDesk.focus.slack.enabled': 'postsAsLead',
  'leadDesk.focus.schedule': 'postsAsLead',
  'leadDesk.team': 'recipients',
  'leadDesk.delegation.githubTeam': 'recipients',
  'leadDesk.githubTeam': 'recipients',
  'leadDesk.delegation.logins': 'recipients',
  'leadDesk.queue.repos': 'searches',
  'leadDesk.queue.orgs': 'searches',
  'leadDesk.queue.customSections': 'searches',
  'leadDesk.delegation.keepPaths': 'local',
  'leadDesk.delegation.historyDays': 'local',
  'leadDesk.delegation.maxCommits': 'local',
  'leadDesk.delegation.smallChangeLines': 'local',
  'leadDesk.queue.autoRefreshMinutes': 'local',
  'leadDesk.queue.includeDrafts': 'local',
  'leadDesk.queue.staleAfterBusinessHours': 'local',
  'leadDesk.queue.statusBarCount': 'local',
  'leadDesk.queue.refreshInBackground': 'local',
  'leadDesk.queue.workingDays': 'local',
  'leadDesk.queue.workingHours': 'local',
  'leadDesk.queue.notifyNewReviewRequests': 'local',
  'leadDesk.week.codingTargetPercent': 'local',
  'leadDesk.notifications.newReviewRequests': 'local',
  'leadDesk.focus.breakMinutes': 'local',
  'leadDesk.focus.reviewBlockMinutes': 'local',
  'leadDesk.focus.holdReviewRequests': 'local',
  'leadDesk.focus.notifications.enabled': 'local',
  'leadDesk.focus.notifications.zenMode': 'local',
  'leadDesk.workingHours': 'local',
  'leadDesk.focus.breakAfterMinutes': 'local',
  'leadDesk.update.template': 'postsAsLead',
  'leadDesk.update.slackChannel': 'postsAsLead',
  'leadDesk.update.groupBy': 'local',
  'leadDesk.update.reviewTurnaroundHours': 'local',
  'leadDesk.pulse.slackChannel': 'postsAsLead',
  'leadDesk.pulse.question': 'postsAsLead',
  'leadDesk.pulse.options': 'postsAsLead',
  'leadDesk.pulse.schedule': 'postsAsLead',
  'leadDesk.calendar.files': 'local',
  'leadDesk.calendar.myEmails': 'local',
  'leadDesk.calendar.focusSlotMinutes': 'local',
  'leadDesk.queue.nudgeTemplate': 'postsAsLead',
};

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

  it('has the five views, each tree view with welcome content', () => {
    const views = pkg.contributes.views.leadDesk.map((v) => v.name);
    assert.deepEqual(views, ['Review Queue', 'Time Blocks', 'Delegation', 'This Week', 'Team']);
    // A webview view draws its own empty state; VS Code shows welcome content in tree views only.
    for (const v of pkg.contributes.views.leadDesk.filter((view) => view.type !== 'webview')) {
      assert.ok(pkg.contributes.viewsWelcome.some((w) => w.view === v.id), `${v.id} has no welcome content`);
    }
  });

  it('gives no view a name that VS Code\'s generated "Focus on … View" command would stutter on', () => {
    // VS Code adds "Focus on <name> View" to the palette for every view; a view named "Focus" read "Focus on Focus View".
    for (const view of Object.values(pkg.contributes.views).flat()) {
      const generated = `Focus on ${view.name} View`.toLowerCase().split(/\s+/);
      const repeated = generated.filter((word, i) => generated.indexOf(word) !== i);
      assert.deepEqual(repeated, [], `view ${view.id} is named "${view.name}": its generated command reads "Focus on ${view.name} View"`);
    }
  });

  it('documents every setting in the README table', async () => {
    const { settingsTable } = await import('../../tools/settingsTable.mjs');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(settingsTable(pkg)), 'README settings table is out of date: run node test/tools/settingsTable.mjs --write');
  });

  describe('settings a repository must not choose', () => {
    const properties = pkg.contributes.configuration.properties;
    const sensitive = Object.keys(settingCatalogue).filter((key) => settingCatalogue[key] !== 'local');

    it('places every setting in the catalogue of what it can send, and nothing else', () => {
      assert.deepEqual(Object.keys(properties).sort(), Object.keys(settingCatalogue).sort(), 'add the new setting to settingCatalogue with what it decides');
    });

    it('restricts in untrusted workspaces exactly the settings that decide what is sent, where, to whom or as whom', () => {
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
      assert.deepEqual([...(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), [...sensitive].sort());
    });

    it('reads endpoints and what is posted under the lead\'s name from user settings only', () => {
      for (const key of sensitive.filter((k) => settingCatalogue[k] === 'endpoint' || settingCatalogue[k] === 'postsAsLead')) {
        assert.equal(properties[key].scope, 'application', `${key} must be application-scoped: even a trusted repository must not set it`);
      }
    });

    it('tells the user, in each restricted setting that a workspace may set, that an untrusted one cannot', () => {
      for (const key of sensitive.filter((k) => properties[k].scope !== 'application')) {
        assert.match(properties[key].markdownDescription ?? '', /workspace you have not trusted/, key);
      }
    });
  });

  describe('the Review Queue explains its icons and offers Nudge Reviewers', () => {
    type MenuEntry = { command: string; when?: string; group?: string };
    const menus = (pkg.contributes as unknown as { menus: Record<string, MenuEntry[]> }).menus;

    it('puts "What do the icons mean?" in the queue view\'s title menu, opening a legend the package ships', () => {
      const command = pkg.contributes.commands.find((c) => c.command === 'leadDesk.showQueueLegend');
      assert.equal(command?.title, 'What do the icons mean?');
      assert.ok(menus['view/title'].some((m) => m.command === 'leadDesk.showQueueLegend' && m.when === 'view == leadDesk.queue'), 'not in the queue view\'s title menu');
      assert.ok(readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').includes('!media/legend/queue.md'), 'the legend is left out of the package');
    });

    it('offers Nudge Reviewers on nudgeable queue rows and in the palette once signed in', () => {
      assert.ok(menus['view/item/context'].some((m) => m.command === 'leadDesk.nudgeReviewers' && m.when === 'view == leadDesk.queue && viewItem =~ /\\bnudgeable\\b/'));
      assert.ok(menus.commandPalette.some((m) => m.command === 'leadDesk.nudgeReviewers' && m.when === 'leadDesk.signedIn'));
    });
  });
});
