import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { countText, setCountLanguage } from '../../../src/core/countText';
import { rankedFilesNote } from '../../../src/core/delegation/rankedFiles';
import { scorePullRequest } from '../../../src/core/queue/score';
import { typeScriptFilesUnder } from './sourceFiles';

// Counts the lead reads are grouped as the display language groups digits; the glue sets the
// language with the translator (src/vscode/l10n.ts). Without it they read as in en-US.
const root = join(__dirname, '..', '..', '..');

describe('counts the lead reads', () => {
  afterEach(() => setCountLanguage(undefined));

  it('group their digits as in en-US until the display language is set, then as that language does', () => {
    assert.equal(countText(12345), '12,345');
    setCountLanguage('de');
    assert.equal(countText(12345), '12.345');
    setCountLanguage('en');
    assert.equal(countText(12345), '12,345');
    setCountLanguage(undefined);
    assert.equal(countText(12345), '12,345');
  });

  it('stay readable when the display language is no tag Intl knows', () => {
    setCountLanguage('not a language tag');
    assert.equal(countText(1234), '1,234');
  });

  it('follow the display language in the delegation notes and the queue reasons', () => {
    setCountLanguage('de');
    assert.equal(rankedFilesNote(300, 2431, 2431), 'Ranked on the 300 most-changed of 2.431 changed files.');
    assert.equal(rankedFilesNote(1200, 1200, 1300), 'Ranked on the first 1.200 of 1.300 changed files (GitHub lists no more).');
    const { reasons } = scorePullRequest({ waitingHours: 0, blocks: [], additions: 1000, deletions: 234, changedFiles: 1500, ci: 'none', own: false });
    assert.equal(reasons.find((r) => r.factor === 'size')?.text, 'large change (1.234 lines in 1.500 files) needs a longer slot');
  });

  it('are never formatted with toLocaleString in src, which fixes them to one language or to the host\'s', () => {
    const fixed = ['core', 'app', 'vscode', 'guards'].flatMap((dir) =>
      typeScriptFilesUnder(join(root, 'src', dir))
        .filter((path) => readFileSync(path, 'utf8').includes('toLocaleString('))
        .map((path) => relative(root, path).split(sep).join('/')),
    );
    assert.deepEqual(fixed, [], 'format counts for the lead with countText from src/core/countText.ts');
  });
});
