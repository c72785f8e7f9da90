import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { comment, l10nKey, markdown, message, pick, setTranslator, translated, tree, type Translator } from '../../../src/core/inertText';

// The tagged templates hand their text to the translator the editor installs (vscode.l10n.t). The
// translation is trusted, as the code is; the values are outside text and must stay escaped
// whatever the translation does with them.

/** Fills {n} as vscode.l10n.t does: one pass, so a value's own "{1}" is never filled in. */
const fill = (template: string, args: readonly string[]): string => template.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);

interface Call {
  key: string;
  args: readonly string[];
}

function recording(translations: Record<string, string>): { calls: Call[]; translator: Translator } {
  const calls: Call[] = [];
  return { calls, translator: (key, args) => (calls.push({ key, args }), fill(translations[key] ?? key, args)) };
}

describe('translated templates', () => {
  afterEach(() => setTranslator(undefined));

  it('passes the static text as the key, with {0}, {1} where the values go, and the values as arguments', () => {
    const { calls, translator } = recording({});
    setTranslator(translator);
    const text = message`${'ana'} asked for your review of ${'#12'}.`;
    assert.deepEqual(calls, [{ key: '{0} asked for your review of {1}.', args: ['ana', '#12'] }]);
    assert.equal(text.value, 'ana asked for your review of #12.');
    assert.equal(l10nKey(['Snoozed until ', '']), 'Snoozed until {0}');
  });

  it('shows the translation, with the values where it puts them', () => {
    setTranslator(recording({ '{0} asked for your review of {1}.': '{1} : {0} demande votre relecture.' }).translator);
    assert.equal(message`${'ana'} asked for your review of ${'#12'}.`.value, '#12 : ana demande votre relecture.');
  });

  it('hands the translator values already escaped for the surface, so no translation can open a link or draw an icon', () => {
    const { calls, translator } = recording({ 'Review {0}': 'Relire {0}', 'Open {0}': 'Ouvrir {0}', 'By {0}': 'Par {0}' });
    setTranslator(translator);
    const title = '[click](command:leadDesk.signOut) $(alert) {1}';
    const shown = message`Review ${title}`;
    assert.deepEqual(calls[0].args, ['［click］(command:leadDesk.signOut) $(alert) {1}']);
    assert.equal(shown.value, 'Relire ［click］(command:leadDesk.signOut) $(alert) {1}');
    assert.equal(pick`Open ${title}`.value, 'Ouvrir [click](command:leadDesk.signOut) \\$(alert) {1}');
    assert.doesNotMatch(markdown`By ${title}`.value, /\[click\]\(command/);
    assert.match(markdown`By ${title}`.value, /^Par \\\[click\\\]\\\(command:leadDesk\\\.signOut\\\)/);
  });

  it('keeps text already made inert for the surface as it is, inside the translation', () => {
    setTranslator(recording({ '{0} by {1}': '{1} : {0}', 'fix {0}': 'corriger {0}' }).translator);
    const inner = tree`fix ${'b'}`;
    assert.equal(tree`${inner} by ${'c'}`.value, 'c : corriger b');
  });

  it('leaves what is posted for others, and templates with nothing to translate, as written', () => {
    const { calls, translator } = recording({});
    setTranslator(translator);
    const shown = [comment`Could you take this review, ${'@bo'}?`, message`${'only a value'}`, message`${'x'} {0} literally`].map((t) => t.value);
    assert.deepEqual(calls, []);
    assert.deepEqual(shown, ['Could you take this review, @&#8203;bo?', 'only a value', 'x {0} literally']);
  });

  it('translates a sentence built in core as a plain string, keyed like the tags, its values left for the surface to escape', () => {
    assert.equal(translated`Stopped after ${'25 min'} of ${'Deep work'}.`, 'Stopped after 25 min of Deep work.');
    const { calls, translator } = recording({ 'Stopped after {0} of {1}.': 'Arrêté après {0} de {1}.' });
    setTranslator(translator);
    const text = translated`Stopped after ${'25 min'} of ${'[x](command:y)'}.`;
    assert.deepEqual(calls, [{ key: 'Stopped after {0} of {1}.', args: ['25 min', '[x](command:y)'] }]);
    assert.equal(text, 'Arrêté après 25 min de [x](command:y).');
    // Shown through a tag, the whole sentence is outside text to that surface and is escaped there.
    assert.equal(message`${text}`.value, 'Arrêté après 25 min de ［x］(command:y).');
  });

  it('falls back to the text as written when the translator fails', () => {
    setTranslator(() => {
      throw new Error('bundle unreadable');
    });
    assert.equal(message`Could not reach ${'GitHub'}.`.value, 'Could not reach GitHub.');
  });
});

describe('l10n/bundle.l10n.json', () => {
  it('holds every text the code shows through vscode.l10n, as test/tools/l10nBundle.ts writes it', async function () {
    // Reading the whole source with the TypeScript checker takes seconds, not milliseconds.
    this.timeout(120_000);
    const { bundlePath, bundleText, extractTexts } = await import('../../tools/l10nBundle');
    const texts = extractTexts();
    // "Could not …" ends with what the command was doing: a command's `doing`, and what a failing refresh passes for it.
    const doing = ['pause the focus block', 'refresh the review queue', 'load the team', 'snooze the pull request for an hour'];
    // Sentences built in core and app with translated`…`, and the Team view's rows.
    const built = ['Stopped after {0} of {1}.', 'Deep work', '{0} h {1} min', 'Only you have changed this file {0}.', '{0} open review request', 'Loading the team…'];
    for (const expected of ['Open Setting', 'Lead Desk is signed in to GitHub as {0}.', 'What now?', ...doing, 'Where the time went', 'Deep-work target ({0} %)', ...built]) assert.ok(texts.includes(expected), `${expected} not found in the source`);
    // What teammates read on GitHub and Slack stays as written, so it is no key.
    assert.ok(!texts.some((text) => text.startsWith('Focusing until')), 'the busy status is posted, not shown');
    assert.equal(readFileSync(bundlePath, 'utf8'), bundleText(texts), 'run npx tsx test/tools/l10nBundle.ts --write');
  });
});
