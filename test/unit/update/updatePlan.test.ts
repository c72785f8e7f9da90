// The pure parts around the draft: which week, which searches, the settings and the template.
import assert from 'node:assert/strict';
import { planUpdateSearches } from '../../../src/core/update/updateSearches';
import { parseUpdateSettings, defaultUpdateSettings } from '../../../src/core/update/updateSettings';
import { fillTemplate } from '../../../src/core/update/updateTemplate';
import { placeholders, safeUrl, type Placeholder } from '../../../src/core/update/renderDraft';
import { defaultWeekChoice, updateWeek } from '../../../src/core/update/updateWeek';
import { maxSearchLength, searchProblem } from '../../../src/core/queue/searchQueries';
import type { SettingsProblem } from '../../../src/core/settingsSource';
import { inTimeZone } from '../queue/fixtures';
import { zone } from './updateFixtures';

const values = Object.fromEntries(Object.keys(placeholders).map((k) => [k, `<${k}>`])) as Record<Placeholder, string>;

describe('weekly update plan', () => {
  const tz = inTimeZone(zone);
  before(tz.before);
  after(tz.after);

  it('covers this week so far, or last week on a Monday morning', () => {
    assert.equal(defaultWeekChoice(new Date('2026-03-09T09:00:00Z')), 'lastWeek');
    assert.equal(defaultWeekChoice(new Date('2026-03-09T13:00:00Z')), 'thisWeek');
    assert.equal(defaultWeekChoice(new Date('2026-03-06T09:00:00Z')), 'thisWeek');
    const now = new Date('2026-03-06T15:00:00Z');
    const last = updateWeek('lastWeek', now);
    assert.deepEqual([last.start.toISOString(), last.end.toISOString(), last.nextStart.toISOString(), last.soFar], ['2026-02-23T00:00:00.000Z', '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z', false]);
    const current = updateWeek('thisWeek', now);
    assert.deepEqual([current.start.toISOString(), current.end.toISOString(), current.nextEnd.toISOString()], ['2026-03-02T00:00:00.000Z', now.toISOString(), '2026-03-16T00:00:00.000Z']);
  });

  it('sends the scope as ORed repo:/org: chunks within GitHub limits, and one pair of searches per teammate', () => {
    const week = updateWeek('thisWeek', new Date('2026-03-06T15:00:00Z'));
    const repos = Array.from({ length: 20 }, (_, i) => `acme/service-number-${i}`);
    const searches = planUpdateSearches({ repos: [...repos, 'labs/x'], orgs: ['labs'], team: ['priya', 'marco', 'PRIYA'] }, week);
    for (const s of searches) assert.equal(searchProblem(s.query), undefined, s.query);
    assert.ok(searches.every((s) => s.query.length <= maxSearchLength));
    const merged = searches.filter((s) => s.role === 'merged');
    const scoped = merged.filter((s) => s.alias.startsWith('merged'));
    assert.ok(scoped.length > 1, 'twenty repositories need more than one search');
    assert.deepEqual(scoped.flatMap((s) => s.query.split(' ').filter((t) => t.startsWith('repo:') || t.startsWith('org:'))).sort(), [...repos.map((r) => `repo:${r}`), 'org:labs'].sort());
    assert.ok(scoped.every((s) => s.query.startsWith('is:pr is:merged merged:2026-03-02T00:00:00Z..2026-03-06T15:00:00Z ')));
    assert.deepEqual(searches.filter((s) => s.alias.startsWith('team')).map((s) => s.query.split(' ').at(-1)), ['author:priya', 'author:marco', 'author:priya', 'author:marco']);
    assert.deepEqual(searches.filter((s) => s.role === 'reviewed').map((s) => s.query), ['is:pr reviewed-by:@me updated:>=2026-03-02T00:00:00Z']);
  });

  it("falls back to the lead's own pull requests when no scope is set", () => {
    const week = updateWeek('thisWeek', new Date('2026-03-06T15:00:00Z'));
    const searches = planUpdateSearches({ repos: [], orgs: [], team: [] }, week);
    assert.deepEqual(searches.map((s) => s.query.split(' ').at(-1)), ['updated:>=2026-03-02T00:00:00Z', 'author:@me', 'author:@me', 'updated:>=2026-03-02T00:00:00Z']);
  });

  it("adds each teammate's recent pull requests for the turnaround, and the week's commented pull requests for handoffs", () => {
    const week = updateWeek('thisWeek', new Date('2026-03-06T15:00:00Z'));
    const searches = planUpdateSearches({ repos: ['acme/web'], orgs: [], team: ['priya', 'marco'] }, week, { authoredSince: new Date(2026, 1, 2) });
    assert.deepEqual(searches.filter((s) => s.role === 'authored').map((s) => s.query), ['is:pr author:priya created:>=2026-02-02 archived:false', 'is:pr author:marco created:>=2026-02-02 archived:false']);
    assert.deepEqual(searches.filter((s) => s.role === 'commented').map((s) => s.query), ['is:pr commenter:@me updated:>=2026-03-02T00:00:00Z']);
    assert.equal(planUpdateSearches({ repos: ['acme/web'], orgs: [], team: ['priya'] }, week).filter((s) => s.role === 'authored').length, 0, 'no window, no turnaround searches');
  });

  it('parses the settings, reporting bad values by name', () => {
    const problems: SettingsProblem[] = [];
    const raw: Record<string, unknown> = { 'update.groupBy': 'team', 'update.slackChannel': '<!channel>', 'update.reviewTurnaroundHours': 0, 'update.template': 3 };
    assert.deepEqual(parseUpdateSettings((k) => raw[k], problems), defaultUpdateSettings);
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.update.groupBy', 'leadDesk.update.template', 'leadDesk.update.slackChannel', 'leadDesk.update.reviewTurnaroundHours']);
    const good: Record<string, unknown> = { 'update.groupBy': 'milestone', 'update.slackChannel': '#team-updates', 'update.reviewTurnaroundHours': 8, 'update.template': ' docs/update.md ' };
    assert.deepEqual(parseUpdateSettings((k) => good[k], []), { groupBy: 'milestone', slackChannel: '#team-updates', reviewTurnaroundHours: 8, template: 'docs/update.md' });
    assert.equal(parseUpdateSettings((k) => ({ 'update.slackChannel': 'C0123ABCD' })[k], []).slackChannel, 'C0123ABCD');
  });

  it('fills placeholders once, drops comments and names an unknown placeholder', () => {
    const filled = fillTemplate('<!-- {{shipped}} is documented here -->\n# {{ weekRange }}\n\n{{shipped}}\n{{shiped}}\n', { ...values, shipped: 'a {{next}} title' });
    assert.equal(filled.text, '# <weekRange>\n\na {{next}} title\n{{shiped}}\n');
    assert.equal(filled.problems.length, 1);
    assert.match(filled.problems[0], /\{\{shiped\}\}.*left as typed/);
  });

  it('links only to http(s) addresses, with parentheses encoded', () => {
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('command:workbench.action.quit'), undefined);
    assert.equal(safeUrl('https://github.com/a/b/pull/1)'), 'https://github.com/a/b/pull/1%29');
  });
});
