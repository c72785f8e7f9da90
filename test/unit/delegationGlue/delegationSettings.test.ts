import assert from 'node:assert/strict';
import { defaultDelegationSettings, parseDelegationSettings } from '../../../src/core/delegation/delegationSettings';
import { parseSettings, type SettingsProblem } from '../../../src/core/settings';

const parse = (values: Record<string, unknown>) => {
  const problems: SettingsProblem[] = [];
  const settings = parseDelegationSettings((key) => values[key], problems);
  return { settings, problems };
};

describe('delegation settings', () => {
  it('uses the defaults when nothing is set, through the shared settings parser too', () => {
    assert.deepEqual(parse({}), { settings: defaultDelegationSettings, problems: [] });
    const all = parseSettings(() => undefined);
    assert.deepEqual(all.settings.delegation, defaultDelegationSettings);
    assert.equal(defaultDelegationSettings.historyDays, 1095);
    assert.equal(defaultDelegationSettings.maxCommits, 30_000);
  });

  it('reads the team, dropping @, duplicates and anything that is not a login', () => {
    const { settings, problems } = parse({ team: ['@ana', 'ben', 'ANA', 'not a login', 42] });
    assert.deepEqual(settings.team, ['ana', 'ben']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'leadDesk.team');
    assert.match(problems[0].message, /"not a login", 42 are not GitHub logins/);
  });

  it('accepts org/team-slug for the GitHub team and names the setting otherwise', () => {
    assert.equal(parse({ 'githubTeam': ' @acme/platform-core ' }).settings.githubTeam, 'acme/platform-core');
    const bad = parse({ 'githubTeam': 'platform' });
    assert.equal(bad.settings.githubTeam, undefined);
    assert.equal(bad.problems[0].key, 'leadDesk.githubTeam');
  });

  it('lower-cases mapping keys and keeps only valid logins', () => {
    const { settings, problems } = parse({ 'delegation.logins': { 'Ada@Corp.Example': '@ada', 'Grace Hopper': 'ghopper', 'x@y.z': 'bad login' } });
    assert.deepEqual(settings.logins, { 'ada@corp.example': 'ada', 'grace hopper': 'ghopper' });
    assert.match(problems[0].message, /"x@y\.z"/);
    assert.equal(parse({ 'delegation.logins': ['ada'] }).problems[0].key, 'leadDesk.delegation.logins');
  });

  it('checks numbers, choices and path lists', () => {
    const { settings, problems } = parse({
      'delegation.historyDays': 0,
      'delegation.maxCommits': 500,
      'delegation.smallChangeLines': 2.5,
      'delegation.handoffComment': 'always',
      'delegation.removeMyRequest': 'sometimes',
      'delegation.keepPaths': [' src/auth/ ', '', '*.sql'],
    });
    assert.equal(settings.historyDays, 1095);
    assert.equal(settings.maxCommits, 500);
    assert.equal(settings.smallChangeLines, defaultDelegationSettings.smallChangeLines);
    assert.equal(settings.handoffComment, 'always');
    assert.equal(settings.removeMyRequest, 'ask');
    assert.deepEqual(settings.keepPaths, ['src/auth/', '*.sql']);
    assert.deepEqual(problems.map((p) => p.key).sort(), ['leadDesk.delegation.historyDays', 'leadDesk.delegation.removeMyRequest', 'leadDesk.delegation.smallChangeLines']);
  });
});
