import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { l10nKey } from '../../../src/core/inertText';
import { typeScriptFilesUnder } from './sourceFiles';

// Sentences are built all over src/core and src/app (a status-bar text, a reason, an error that
// ends in a toast), and in src/vscode they reach a tree, the status bar or a toast through a
// variable, where the scans of l10nInputs.test.ts cannot see them. So this scan looks at every
// string the source writes, wherever it goes, and asks whether it reads as words:
//   - a capitalised word followed by a space and more ("Stopped after", "Only you"),
//   - two lowercase words ("no open reviews", "in the history read"),
//   - a lowercase word next to a value ("updated {0}", "{0} h ago"),
//   - or a word alone that is capitalised or trails off ("Break", "Meetings.", "refreshing…").
// Such a string must be built with a tag from src/core/inertText.ts (translated`…`, message`…`,
// tree`…`…) or t('…') from src/vscode/l10n.ts, which put it in the lead's language. It may stay as
// written only where nobody reads it in the editor:
//   - a log line (an argument of .trace/.debug/.info/.warn/.error),
//   - a type, an import, a property name, a comparison (`=== 'Deep work'`) or a `case`,
//   - what a command was doing (`doing: '…'` in src/vscode), which presentError.ts translates,
//   - text under a comment that says `Not translated:` and why (posted for teammates, parsed,
//     a search query): the comment leads the string or a declaration or statement around it, or
//     opens the file for the whole file.

const root = join(__dirname, '..', '..', '..');
const words = /\p{Lu}\p{Ll}+ [\p{L}\d$(]|\p{L}+ (?:\p{Ll}{2,}|\{\d+\})|\{\d+\} \p{Ll}{2,}|^\p{Lu}\p{Ll}+[.…!?]?$|^\p{Ll}+…$/u;
const logLevels = new Set(['trace', 'debug', 'info', 'warn', 'error']);
const translators = new Set(['t']);
const exempt = /Not translated:/;
const comparisons = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** The static text of a string or untagged template, keyed as the bundle keys it: `{0}`, `{1}` where the values go. */
function staticText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  return ts.isTemplateExpression(node) ? l10nKey([node.head.text, ...node.templateSpans.map((s) => s.literal.text)]) : node.text;
}

/** The comments just before a node, on lines of their own or inline before a call's argument (which TypeScript calls trailing). */
function leadingComments(source: string, node: ts.Node): string {
  const at = node.getFullStart();
  return [...(ts.getTrailingCommentRanges(source, at) ?? []), ...(ts.getLeadingCommentRanges(source, at) ?? [])].map((r) => source.slice(r.pos, r.end)).join('\n');
}

/** Whether a call writes a log line or translates its first argument: nothing in its arguments is shown as written. */
function logOrTranslation(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee) && logLevels.has(callee.name.text)) return true;
  if (ts.isIdentifier(callee) && translators.has(callee.text)) return true;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && callee.expression.getText() === 'vscode.l10n';
}

/** Whether a node stands where its text is not shown: a comparison, a case, a property key, `doing`. */
function notShown(node: ts.Node, inGlue: boolean): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && comparisons.has(parent.operatorToken.kind)) return true;
  if (ts.isCaseClause(parent) && parent.expression === node) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (inGlue && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === 'doing') return true;
  return false;
}

/**
 * `file:line: text` for every string in the source that reads as words and is shown as written.
 * `translatedTexts` are the bundle's keys: a button or picker title held in a const is translated by
 * the wrapper it is given to, and test/tools/l10nBundle.ts has found it there.
 */
export function untranslatedSentences(fileName: string, source: string, translatedTexts: ReadonlySet<string> = new Set()): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const first = file.statements[0];
  if (first && exempt.test(leadingComments(source, first))) return [];
  const inGlue = fileName.split(sep).join('/').includes('src/vscode/');
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (exempt.test(leadingComments(source, node))) return;
    if (logOrTranslation(node)) return;
    // A tag translates its own text; its values are read as they are, so a sentence among them is looked at.
    if (ts.isTaggedTemplateExpression(node)) {
      if (ts.isTemplateExpression(node.template)) node.template.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = staticText(node);
      if (words.test(text) && !translatedTexts.has(text) && !notShown(node, inGlue)) found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().replace(/\s+/g, ' ')}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Files in src/core and src/app whose words never reach the lead, and why. */
const logOnly: Readonly<Record<string, string>> = {
  'src/core/delegation/expertiseIndex.ts': 'its problems with a saved index reach only the log (src/storage/expertiseStore.ts), and the index is rebuilt',
};

/** What the scan reports across the TypeScript files under src/<dir>. */
function foundUnder(dir: string, translatedTexts?: ReadonlySet<string>): string[] {
  return typeScriptFilesUnder(join(root, 'src', dir)).flatMap((path) => {
    const name = relative(root, path).split(sep).join('/');
    return logOnly[name] ? [] : untranslatedSentences(name, readFileSync(path, 'utf8'), translatedTexts);
  });
}

describe('sentences the lead reads', () => {
  it('finds strings that read as words and are shown as written, and nothing else', () => {
    const source = [
      "const a = 'Stopped after an hour.'; const b = `${n} blocks done`; const c = 'Break';",
      "const d = translated`Stopped after ${d}.`; const e = message`No focus block is running.`; const f = t('Open Setting');",
      "log.warn(`could not read the week ${w}`); log.info(x ? 'on a worker thread' : 'here');",
      "if (label === 'Deep work') return; switch (s) { case 'Deep work': break; }",
      "const g = { 'Not shown': 1 }; const h: 'Deep work' | 'Review' = x; import { y } from 'some module';",
      "const open = 'is:pr is:open archived:false'; const key = 'leadDesk.focus.enabled'; const id = 'mine.drafts';",
      '// Not translated: posted for the team.',
      "const posted = 'Could you take a look?';",
      "function f() {\n  // Not translated: a programming error.\n  throw new Error(`not a week key: ${k}`);\n}",
      "announce(/* Not translated: a key, never shown. */ `delay ${id}`);",
      "const button = 'Open Settings';",
    ].join('\n');
    assert.deepEqual(untranslatedSentences('sample.ts', source), [
      "sample.ts:1: 'Stopped after an hour.'",
      'sample.ts:1: `${n} blocks done`',
      "sample.ts:1: 'Break'",
      "sample.ts:6: 'is:pr is:open archived:false'",
      "sample.ts:14: 'Open Settings'",
    ]);
    // A title the bundle already holds (a button held in a const, translated by notify.ts) is not reported.
    assert.deepEqual(untranslatedSentences('sample.ts', source, new Set(['Open Settings', '{0} blocks done'])), [
      "sample.ts:1: 'Stopped after an hour.'",
      "sample.ts:1: 'Break'",
      "sample.ts:6: 'is:pr is:open archived:false'",
    ]);
  });

  it('reads the values of a tag, where a glued fragment is shown as written', () => {
    const source = "const a = message`Lead Desk moved ${n === 1 ? 'a setting' : `${n} settings`} to their new names.`;\nconst b = tree`by ${author ?? 'ghost'}`;";
    assert.deepEqual(untranslatedSentences('moved.ts', source), ["moved.ts:1: 'a setting'", 'moved.ts:1: `${n} settings`']);
  });

  it('lets a file opt out only with a `Not translated:` comment at its top', () => {
    const source = "// Not translated: the draft is sent on to the team.\nimport { x } from './x';\nexport const heading = 'What shipped';\n";
    assert.deepEqual(untranslatedSentences('draft.ts', source), []);
    assert.deepEqual(untranslatedSentences('draft.ts', source.replace('Not translated:', 'Translated')), ["draft.ts:3: 'What shipped'"]);
  });

  it('in src/core, src/app and src/guards, are built with a tag from src/core/inertText.ts, or say why not', function () {
    // Parsing every file of three layers takes a second or more on a busy machine.
    this.timeout(60_000);
    // Guard messages reach toasts and the Focus view as they are.
    assert.deepEqual([...foundUnder('core'), ...foundUnder('app'), ...foundUnder('guards')], [], 'build these with translated`…` (or another tag) from src/core/inertText.ts, or add a `Not translated:` comment that says why');
  });

  it('in src/vscode, go through t(…) from src/vscode/l10n.ts or a tag, or say why not', async function () {
    // Reading the whole source with the TypeScript checker takes seconds, not milliseconds.
    this.timeout(120_000);
    const { extractTexts } = await import('../../tools/l10nBundle');
    assert.deepEqual(foundUnder('vscode', new Set(extractTexts())), [], 'wrap these in t(…) from src/vscode/l10n.ts, build them with a tag from src/core/inertText.ts, or add a `Not translated:` comment that says why');
  });
});
