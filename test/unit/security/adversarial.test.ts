import assert from 'node:assert/strict';
import { escapeFor, message, markdown, pick, type InertText } from '../../../src/core/inertText';
import { formatHandoffComment } from '../../../src/core/delegation/handoffMessage';
import { itemTooltip } from '../../../src/core/queue/queueTree';
import { redactSecrets } from '../../../src/core/redact';
import { retryAdvice } from '../../../src/core/retryAdvice';
import { parseSettings } from '../../../src/core/settings';
import { parseFocusSettings } from '../../../src/core/focus/focusSettings';
import { resolveEndpoints, InvalidApiUrlError } from '../../../src/github/endpoints';
import type { SettingsProblem } from '../../../src/core/settings';
import { defaultWorkingHours } from '../../../src/core/workingHours';

// VS Code's notification link syntax (vs/base/common/linkedText.ts): this is what turns a PR title
// into a clickable command.
const notificationLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const hostileTitle = 'Fix [click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D) <img src=x onerror=alert(1)> ![x](https://evil.example/p.png) $(alert) \u202Egnp.exe\u202C';

describe('adversarial: outside text is inert', () => {
  it('adversarial: a PR title cannot become a command link in the review-request notification', () => {
    const text = message`octocat asked for your review: api#7 ${hostileTitle}`.value;
    assert.equal(text.match(notificationLink), null, text);
    assert.ok(text.includes('click') && text.includes('command:workbench.action.terminal.sendSequence'), 'the text is still shown');
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(text), 'bidi overrides are dropped');
  });

  it('adversarial: a PR title cannot draw an icon in a quick pick', () => {
    const text = pick`${hostileTitle}`.value;
    assert.ok(!/(^|[^\\])\$\(/.test(text), text);
  });

  it('adversarial: a PR title in a tooltip forms no link, image, HTML or autolink', () => {
    const text = markdown`**Title:** ${`${hostileTitle} see https://evil.example and www.evil.example or mail@evil.example`}`.value;
    // Unescaped syntax characters are what Markdown acts on.
    for (const syntax of [/(^|[^\\])\[/, /(^|[^\\])</, /(^|[^\\])!\[/, /https?:\/\//, /www\./, /[^\\]@evil/]) assert.ok(!syntax.test(text), `${String(syntax)} in ${text}`);
    assert.ok(text.startsWith('**Title:** '), 'the code’s own Markdown is kept');
  });

  it('adversarial: the queue tooltip does not autolink a URL in a PR title', () => {
    // String() reads the inert text (and a plain string as itself).
    const tooltip = String(itemTooltip(
      {
        key: 'acme/api#1', id: 'acme/api#1:x', groupId: 'x', teams: [], blocks: [], placement: 'see https://evil.example/x',
        pr: { owner: 'acme', repo: 'api', number: 1, title: 'https://evil.example/login', author: 'mal', changedFiles: 1, additions: 1, deletions: 0, isDraft: false, ci: 'none', review: 'none', merge: 'unknown' },
        pullRequest: { owner: 'acme', repo: 'api', number: 1, title: 't', url: '' },
        waiting: { hours: 1, since: 'x', basis: 'opened' }, score: { total: 0, reasons: [] }, pinned: false,
      } as never,
      defaultWorkingHours,
    ));
    assert.ok(!/https?:\/\//.test(tooltip), tooltip);
  });

  it('adversarial: a name or path in the handoff comment cannot mention, cross-reference, link or add HTML', () => {
    const body = formatHandoffComment({ login: 'marco', name: 'Marco @acme/everyone #1 <b>x</b>', area: 'src/[a](https://evil.example)/', template: '@{login} ({name}): {area}' });
    assert.ok(body.startsWith('@marco '), `the template's own mention stays: ${body}`);
    assert.ok(!/@acme/.test(body) && !/#1/.test(body), body);
    assert.ok(!/(^|[^\\])</.test(body) && !/(^|[^\\])\[/.test(body) && !/https?:\/\//.test(body), body);
  });

  it('adversarial: a login that is not a GitHub login is not put after "@" in the comment', () => {
    const body = formatHandoffComment({ login: 'x [y](https://evil.example)', name: 'Xavier Doe', area: 'docs/' });
    assert.ok(!body.includes('@x'), body);
    assert.ok(!/https?:\/\//.test(body), body);
  });

  it('adversarial: inert text for one surface cannot be passed off as another', () => {
    const forPicker = pick`${'a'}`;
    assert.throws(() => message`${forPicker as unknown as InertText<'message'>}`);
  });

  it('escapes for each surface from one function', () => {
    assert.equal(escapeFor('tree', 'a\nb\u0007c'), 'a bc');
  });
});

describe('adversarial: redaction', () => {
  const hex = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
  it('adversarial: every token shape is redacted, in URLs and headers too, but commit SHAs are kept', () => {
    const cases = [
      `ghr_${'a'.repeat(36)}`,
      `gho_${'B'.repeat(36)}`,
      `xoxb-1234-5678-abcdefgh`,
      `xoxe-1-abcdefghijkl`,
      `https://octo:s3cretpass@ghe.example.com/api/v3`,
      `https://${'c'.repeat(40)}@github.com/acme/api.git`,
      `Authorization: ${hex}`,
      `"authorization":"token ${hex}"`,
      `GITHUB_TOKEN=${hex}`,
      `token: ${hex}`,
    ];
    for (const text of cases) {
      const out = redactSecrets(`failed: ${text} end`);
      assert.ok(out.includes('[redacted]'), `${text} -> ${out}`);
      assert.ok(!/s3cretpass|a{36}|B{36}|abcdefgh|c{40}|a94a8fe5/.test(out), `${text} -> ${out}`);
    }
    assert.equal(redactSecrets(`checked out commit ${hex} at ${hex.slice(0, 7)}`), `checked out commit ${hex} at ${hex.slice(0, 7)}`);
    assert.equal(redactSecrets('https://ghe.example.com/api/v3/repos/a/b'), 'https://ghe.example.com/api/v3/repos/a/b');
  });
});

describe('adversarial: messages keep their promises', () => {
  const at = new Date(2025, 2, 3, 14, 5);
  it('adversarial: a rate-limited command says when to run it again instead of promising a retry nothing schedules', () => {
    const said = retryAdvice('rateLimited', at, undefined);
    assert.ok(!/will try again/i.test(said), said);
    assert.match(said, /resets at 14:05; run the command again then/);
    assert.match(retryAdvice('slowDown', at, undefined), /Run the command again after 14:05/);
  });
  it('promises a retry only when one is scheduled', () => {
    assert.match(retryAdvice('rateLimited', at, new Date(2025, 2, 3, 14, 6)), /will try again at 14:06/);
  });
});

describe('adversarial: one URL check', () => {
  const bad = ['https://ghe.example.com/api/v3?x=1#y', 'https://ghe.example.com/api/v3?', 'https://ghe.example.com/api/v3#', 'https://user@ghe.example.com/api/v3', 'https://github.com', 'http://ghe.example.com/api/v3'];
  for (const value of bad) {
    it(`adversarial: ${value} is refused by the settings check and by sign-in with the same message`, () => {
      const { settings, problems } = parseSettings((key) => (key === 'github.apiUrl' ? value : undefined));
      assert.equal(problems.length, 1, `the settings check let ${value} through`);
      const problem = settings.github.apiUrlProblem;
      assert.ok(problem && problems[0].message.startsWith(problem));
      assert.throws(() => resolveEndpoints(value), (err: unknown) => InvalidApiUrlError.is(err) && (err as Error).message === problem);
    });
  }

  it('adversarial: https://github.com is answered with the API address to use', () => {
    const { problems } = parseSettings((key) => (key === 'github.apiUrl' ? 'https://github.com' : undefined));
    assert.match(problems[0].message, /use https:\/\/api\.github\.com/);
  });

  it('adversarial: the Slack URL gets the same check', () => {
    const problems: SettingsProblem[] = [];
    const parsed = parseFocusSettings((key) => (key === 'focus.slack.apiUrl' ? 'https://user:pw@slack.example/api?x=1' : undefined), problems);
    assert.equal(parsed.slack.apiUrl, 'https://slack.com/api/');
    assert.equal(problems.length, 1);
  });

  it('still accepts the sandbox on 127.0.0.1 and GitHub Enterprise Server', () => {
    assert.equal(parseSettings((key) => (key === 'github.apiUrl' ? 'http://127.0.0.1:7717' : undefined)).problems.length, 0);
    assert.equal(resolveEndpoints('https://ghe.example.com/api/v3').graphqlUrl, 'https://ghe.example.com/api/graphql');
  });
});
