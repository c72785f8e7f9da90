import assert from 'node:assert/strict';
import type { SettingsProblem } from '../../../src/core/settingsSource';
import { defaultPulseSettings, parsePulseSettings } from '../../../src/core/pulse/pulseSettings';
import { escapeSlackText, pulseText } from '../../../src/core/pulse/pulseMessage';

function parse(values: Record<string, unknown>) {
  const problems: SettingsProblem[] = [];
  const settings = parsePulseSettings((key) => values[key], problems);
  return { settings, problems };
}

describe('pulse settings and message', () => {
  it('defaults to "How was your week?" with five answers, no channel and no schedule', () => {
    const { settings, problems } = parse({});
    assert.deepEqual(settings, defaultPulseSettings);
    assert.equal(settings.options.length, 5);
    assert.deepEqual(problems, []);
  });

  it('reads a channel, a question, answers and a weekly time', () => {
    const { settings, problems } = parse({
      'pulse.slackChannel': ' C0TEAM0001 ',
      'pulse.question': 'How did this sprint feel?',
      'pulse.options': [{ reaction: ':+1:', label: 'fine' }, { reaction: '-1' }],
      'pulse.schedule': { day: 'Friday', time: '15:00' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { slackChannel: 'C0TEAM0001', question: 'How did this sprint feel?', options: [{ reaction: '+1', label: 'fine' }, { reaction: '-1', label: '-1' }], schedule: { day: 5, minute: 900 } });
  });

  it('falls back and names the setting for each bad value', () => {
    const { settings, problems } = parse({
      'pulse.slackChannel': '#team',
      'pulse.question': 42,
      'pulse.options': [{ reaction: 'smile' }, { reaction: 'smile' }],
      'pulse.schedule': { day: 'someday', time: '15:00' },
    });
    assert.deepEqual(settings, defaultPulseSettings);
    assert.deepEqual(problems.map((p) => p.key), ['leadDesk.pulse.slackChannel', 'leadDesk.pulse.question', 'leadDesk.pulse.options', 'leadDesk.pulse.schedule']);
    assert.match(problems[0].message, /channel ID such as C0123ABCD/);
  });

  it('escapes Slack\u2019s control characters, so the question cannot ping the channel or make a link', () => {
    assert.equal(escapeSlackText('<!channel> & <https://x.example|me>'), '&lt;!channel&gt; &amp; &lt;https://x.example|me&gt;');
    const text = pulseText('<!here> how was it?', [{ reaction: 'smile', label: '<@U123>' }, { reaction: 'cry', label: 'bad' }]);
    assert.ok(!text.includes('<'), text);
    assert.match(text, /^&lt;!here&gt; how was it\?\nReact with one: :smile: &lt;@U123&gt; {2}· {2}:cry: bad\n/);
  });
});
