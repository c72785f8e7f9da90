import assert from 'node:assert/strict';
import { defaultQueueSettings, parseQueueSettings } from '../../../src/core/queue/queueSettings';
import { parseSettings, type SettingsProblem } from '../../../src/core/settings';

function parse(values: Record<string, unknown>) {
  const problems: SettingsProblem[] = [];
  const settings = parseQueueSettings((key) => values[key], problems);
  return { settings, problems };
}

describe('queue settings', () => {
  it('uses the defaults when nothing is set', () => {
    const { settings, problems } = parse({});
    assert.deepEqual(settings, defaultQueueSettings);
    assert.deepEqual(problems, []);
    assert.equal(settings.autoRefreshMinutes, 5);
    assert.equal(settings.staleBusinessHours, 16);
    assert.equal(settings.includeDrafts, false);
  });

  it('is part of the typed settings', () => {
    const { settings } = parseSettings((key) => (key === 'queue.includeDrafts' ? true : undefined));
    assert.equal(settings.queue.includeDrafts, true);
  });

  it('keeps auto-refresh at one minute or more, naming the setting', () => {
    const { settings, problems } = parse({ 'queue.autoRefreshMinutes': 0.2 });
    assert.equal(settings.autoRefreshMinutes, 1);
    assert.match(problems[0].message, /leadDesk\.queue\.autoRefreshMinutes must be between 1 and 1440/);
    assert.equal(problems[0].key, 'leadDesk.queue.autoRefreshMinutes');
  });

  it('reports a wrongly typed value and still applies the other settings', () => {
    const { settings, problems } = parse({ 'queue.includeDrafts': 'yes', 'queue.staleAfterBusinessHours': 24, 'queue.repos': ['acme/web', 'not a repo'] });
    assert.equal(settings.includeDrafts, false);
    assert.equal(settings.staleBusinessHours, 24);
    assert.deepEqual(settings.repos, ['acme/web']);
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.queue.includeDrafts', 'leadDesk.queue.repos']);
    assert.match(problems[1].message, /"not a repo" is not a valid name/);
  });

  it('names the custom section whose search is too long, and keeps the good sections', () => {
    const { settings, problems } = parse({
      'queue.customSections': [
        { name: 'Security', query: 'is:open is:pr label:security org:acme' },
        { name: 'Everything', query: `label:${'x'.repeat(260)}` },
        { name: 'Ops', query: 'a OR b OR c OR d OR e OR f OR g' },
        { query: '' },
      ],
    });
    assert.deepEqual(settings.customSections.map((s) => [s.name, s.error === undefined]), [['Security', true], ['Everything', false], ['Ops', false]]);
    assert.equal(problems.length, 3);
    assert.match(problems[0].message, /section "Everything" cannot be searched: the search is \d+ characters long; GitHub accepts at most 256/);
    assert.match(problems[1].message, /section "Ops" cannot be searched: .*6 AND\/OR\/NOT operators/);
    assert.match(problems[2].message, /section "Section 4" has no "query"/);
  });

  it('reads the notification toggle from leadDesk.notifications', () => {
    assert.equal(parse({ 'queue.notifyNewReviewRequests': false }).settings.notifyNewReviewRequests, false);
  });

  it('refreshes in the background only when asked to', () => {
    assert.equal(parse({}).settings.refreshInBackground, false);
    assert.equal(parse({ 'queue.refreshInBackground': true }).settings.refreshInBackground, true);
    const { settings, problems } = parse({ 'queue.refreshInBackground': 'always' });
    assert.equal(settings.refreshInBackground, false);
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.queue.refreshInBackground']);
  });
});
