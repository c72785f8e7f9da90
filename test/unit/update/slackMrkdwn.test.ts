// The draft as Slack mrkdwn: nothing in a title can ping a channel, mention someone, create a
// link or change the formatting around it; the draft's own headings, lists and links still work.
import assert from 'node:assert/strict';
import { escapeFor } from '../../../src/core/inertText';
import { slackText, toSlackMrkdwn } from '../../../src/core/update/slackMrkdwn';
import { hostileTitles } from './updateFixtures';

const wj = '\u2060';

/** A draft line as renderDraft writes it: the escaped title as link text, then the reference. */
const line = (title: string) => `- [${escapeFor('document', title)}](https://github.com/acme/api/pull/1) (acme/api\\#1 by ${escapeFor('document', 'dan*_~`')})`;

/** The parts of a mrkdwn text that Slack turns into something other than text. */
function slackSyntax(text: string) {
  return {
    specials: [...text.matchAll(/<([^>]*)>/g)].map((m) => m[1]),
    mentions: [...text.matchAll(/@(channel|here|everyone)\b/g)].map((m) => m[0]),
    autolinks: [...text.matchAll(/\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:example|com|org)\b/gi)].map((m) => m[0]),
  };
}

describe('weekly update as Slack mrkdwn', () => {
  for (const title of hostileTitles) {
    it(`keeps a title inert: ${title.slice(0, 40)}`, () => {
      const out = toSlackMrkdwn(line(title));
      const syntax = slackSyntax(out);
      // Exactly one special: the draft's own link to the pull request.
      assert.deepEqual(syntax.specials.length, 1, out);
      assert.match(syntax.specials[0], /^https:\/\/github\.com\/acme\/api\/pull\/1\|/);
      assert.deepEqual(syntax.mentions, [], out);
      assert.deepEqual(syntax.autolinks.filter((a) => !a.startsWith('https://github.com/acme/api/pull/1')), [], out);
      // No formatting character from the title reaches Slack: the only `*`, `_`, `~` and backticks are none.
      assert.doesNotMatch(out, /[*_~`]/, out);
      // Line structure is the draft's: one bullet, no quote from a title's ">".
      assert.equal(out.split('\n').length, 1);
      assert.match(out, /^• </);
    });
  }

  it('escapes &, < and > once, so entities and special commands cannot be formed', () => {
    assert.equal(slackText('a & b <!channel> <@U1> &lt;'), `a &amp; b &lt;!channel&gt; &lt;${'@' + wj}U1&gt; &amp;lt;`);
  });

  it('breaks @channel, @here and bare addresses in plain text without changing what people read', () => {
    const out = slackText('@channel see evil.example and https://x.example');
    assert.equal(out.replace(new RegExp(wj, 'g'), ''), '@channel see evil.example and https://x.example');
    assert.deepEqual(slackSyntax(out), { specials: [], mentions: [], autolinks: [] });
  });

  it("converts the draft's own Markdown: headings, bullets, bold, links, quotes", () => {
    const md = ['# Weekly update', '', '## Shipped (2)', '', '- **Big** win with _care_ and `code`', '  - nested', '> quoted', 'See [the board](https://github.com/orgs/acme/projects/1).', 'snake_case_name stays'].join('\n');
    assert.equal(
      toSlackMrkdwn(md),
      ['*Weekly update*', '', '*Shipped (2)*', '', '• *Big* win with _care_ and `code`', '  • nested', '> quoted', 'See <https://github.com/orgs/acme/projects/1|the board>.', 'snake＿case＿name stays'].join('\n'),
    );
  });

  it('drops links that are not http(s) and keeps their text', () => {
    assert.equal(toSlackMrkdwn('[run](command:workbench.action.terminal.sendSequence)'), 'run');
    assert.equal(toSlackMrkdwn('[x](javascript:alert)'), 'x');
  });

  it('keeps a | or > in a link target from ending the address', () => {
    assert.equal(toSlackMrkdwn('[a](https://x.example/?q=1|2>3)'), '<https://x.example/?q=1%7C2%3E3|a>');
  });

  it('drops HTML comments the template or the lead left in', () => {
    assert.equal(toSlackMrkdwn('<!-- note -->\nHello'), 'Hello');
  });
});
