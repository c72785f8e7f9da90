import assert from 'node:assert/strict';
import { defaultFocusSettings, parseFocusSettings } from '../../../src/core/focus/focusSettings';
import { parseSettings, type SettingsProblem } from '../../../src/core/settings';

function parse(values: Record<string, unknown>) {
  const problems: SettingsProblem[] = [];
  const settings = parseFocusSettings((key) => values[key], problems);
  return { settings, problems };
}

describe('focus settings', () => {
  it('defaults to notifications on and every other guard off', () => {
    const { settings, problems } = parse({});
    assert.deepEqual(settings, defaultFocusSettings);
    assert.deepEqual(problems, []);
    assert.equal(settings.notifications.enabled, true);
    assert.equal(settings.githubStatus.enabled, false);
    assert.equal(settings.slack.enabled, false);
  });

  it('is part of the typed settings', () => {
    assert.equal(parseSettings(() => undefined).settings.focus.breakMinutes, 5);
  });

  it('names a bad value and falls back to its default', () => {
    const { settings, problems } = parse({ 'focus.breakMinutes': 90, 'focus.githubStatus.enabled': 'yes', 'focus.slack.apiUrl': 'ftp://x' });
    assert.equal(settings.breakMinutes, 5);
    assert.equal(settings.githubStatus.enabled, false);
    assert.equal(settings.slack.apiUrl, 'https://slack.com/api/');
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.focus.breakMinutes', 'leadDesk.focus.githubStatus.enabled', 'leadDesk.focus.slack.apiUrl']);
  });

  it('gives the Slack URL the trailing slash WebClient needs', () => {
    assert.equal(parse({ 'focus.slack.apiUrl': 'http://127.0.0.1:4000/slack/api' }).settings.slack.apiUrl, 'http://127.0.0.1:4000/slack/api/');
  });

  it('reports each bad schedule entry under the schedule setting and keeps the rest', () => {
    const { settings, problems } = parse({
      'focus.schedule': [
        { days: ['mon'], start: '09:00', end: '11:00', label: 'Heads-down' },
        { days: ['mon'], start: '25:00', end: '26:00', label: 'Nope' },
      ],
    });
    assert.equal(settings.schedule.length, 1);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].key, 'leadDesk.focus.schedule');
    assert.match(problems[0].message, /\[1\] \("Nope"\)/);
  });
});
